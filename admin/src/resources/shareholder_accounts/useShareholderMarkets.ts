import { useQuery } from '@tanstack/react-query';
import { useCanAccess } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';

export interface ShareholderMarket {
    code: string;
    name_zh: string;
    name_en: string;
}

/**
 * The markets a shareholder account can be opened on (GET /api/shareholder_accounts/markets: the
 * markets table's active markets with a code format), for operators who may open one; an
 * operator without that right is offered none.
 */
export const useShareholderMarkets = () => {
    const { canAccess, isPending: checking } = useCanAccess({ resource: 'shareholder_accounts', action: 'create' });
    const { data, isPending } = useQuery({
        queryKey: ['shareholder_accounts', 'markets'],
        queryFn: async () => (await httpClient(`${API_URL}/shareholder_accounts/markets`)).json as ShareholderMarket[],
        enabled: !!canAccess,
        staleTime: 5 * 60_000,
    });
    return { markets: canAccess ? (data ?? []) : [], isPending: checking || (!!canAccess && isPending) };
};

import { useQuery } from '@tanstack/react-query';
import { API_URL, httpClient } from '../../providers/httpClient';

/**
 * The amount above which a counter cash posting is confirmed (GET /api/fund_journal/confirmation,
 * the system parameter confirm_cash_above); undefined until it has arrived, and then every
 * amount is confirmed (aboveConfirmLine).
 */
export const useConfirmLine = (): string | undefined => {
    const { data } = useQuery({
        queryKey: ['fund_journal', 'confirmation'],
        queryFn: async () =>
            (await httpClient(`${API_URL}/fund_journal/confirmation`)).json as { confirm_above: string },
        staleTime: 60_000,
    });
    return data?.confirm_above;
};

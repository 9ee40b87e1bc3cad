import { useGetList, type RaRecord } from 'react-admin';
import { parseSecurityCode } from './orderLogic';

/** The list parameters of a client's holdings; the ticket and the holdings panel share the query. */
export const holdingsParams = (clientId: unknown) => ({
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'ASC' as const },
    filter: { client_id: clientId },
});

/** A client's holdings (GET /api/positions), and the one a typed code names, if exactly one. */
export const useClientHoldings = (clientId: unknown, typedCode = '') => {
    const { data, isPending, error } = useGetList<RaRecord>('positions', holdingsParams(clientId), {
        enabled: clientId != null,
    });
    const parsed = parseSecurityCode(typedCode);
    const matches = parsed
        ? (data ?? []).filter((p) => p.code === parsed.code && (!parsed.market || p.market === parsed.market))
        : [];
    return { holdings: data ?? [], isPending, error, holding: matches.length === 1 ? matches[0] : undefined };
};

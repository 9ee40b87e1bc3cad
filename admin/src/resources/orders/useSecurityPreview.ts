import { useCanAccess, useGetList, type RaRecord } from 'react-admin';
import { parseSecurityCode } from './orderLogic';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * The security a typed code names, from the security master, so its name, previous close and
 * band show before a price is typed. undefined while unknown or ambiguous (the estimate then
 * says which), or when the operator may not read the security master.
 */
export const useSecurityPreview = (typed: string): RaRecord | undefined => {
    const parsed = parseSecurityCode(useDebouncedValue(typed, 300));
    const { canAccess } = useCanAccess({ resource: 'securities', action: 'list' });
    const { data } = useGetList(
        'securities',
        {
            pagination: { page: 1, perPage: 10 },
            sort: { field: 'code', order: 'ASC' },
            filter: parsed ? { code: parsed.code, ...(parsed.market ? { market: parsed.market } : {}) } : {},
        },
        { enabled: !!parsed && !!canAccess, staleTime: 60_000 },
    );
    if (!parsed) return undefined;
    const matches = (data ?? []).filter(
        (s) => s.code === parsed.code && (!parsed.market || s.market === parsed.market),
    );
    return matches.length === 1 ? matches[0] : undefined;
};

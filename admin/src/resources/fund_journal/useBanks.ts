import { useCanAccess, useGetList, useLocaleState } from 'react-admin';

/**
 * The bank parameters as code → name in the UI language, when the operator may read them
 * (one cached request shared by every row and input); null otherwise.
 */
export const useBankNames = (): Map<string, string> | null => {
    const [locale] = useLocaleState();
    const { canAccess } = useCanAccess({ resource: 'banks', action: 'list' });
    const { data } = useGetList(
        'banks',
        { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' }, filter: {} },
        { enabled: canAccess === true, staleTime: 5 * 60_000 },
    );
    if (!canAccess || !data) return null;
    const english = locale.startsWith('en');
    return new Map(data.map(bank => [String(bank.code), (english ? bank.name_en : bank.name_zh) || bank.name_zh || bank.code]));
};

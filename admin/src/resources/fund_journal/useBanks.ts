import { useCanAccess, useGetList, useLocaleState } from 'react-admin';

export interface BankNames {
    /** every bank's code → name in the UI language (old entries may name a bank no longer active) */
    names: Map<string, string>;
    /** the banks a new transfer may use */
    choices: { id: string; name: string }[];
}

/**
 * The bank parameters when the operator may read them (one cached request shared by every row
 * and input); null otherwise, or while loading.
 */
export const useBanks = (): BankNames | null => {
    const [locale] = useLocaleState();
    const { canAccess } = useCanAccess({ resource: 'banks', action: 'list' });
    const { data } = useGetList(
        'banks',
        { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' }, filter: {} },
        { enabled: canAccess === true, staleTime: 5 * 60_000 },
    );
    if (!canAccess || !data) return null;
    const english = locale.startsWith('en');
    const nameOf = (bank: Record<string, any>): string =>
        (english ? bank.name_en : bank.name_zh) || bank.name_zh || bank.code;
    return {
        names: new Map(data.map((bank) => [String(bank.code), nameOf(bank)])),
        choices: data
            .filter((bank) => bank.status === 'active')
            .map((bank) => ({ id: String(bank.code), name: nameOf(bank) })),
    };
};

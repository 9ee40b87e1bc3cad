import { SelectInput, TextInput, required, useCanAccess, useGetList, useLocaleState } from 'react-admin';

const validateBank = required();

/**
 * The bank of a 银证转账: chosen from the bank parameters (shown by name) when the operator may
 * read them, else typed as its code.
 */
export const BankInput = () => {
    const { canAccess, isPending } = useCanAccess({ resource: 'banks', action: 'list' });
    if (isPending) return null;
    return canAccess ? <BankSelect /> : <BankCodeInput />;
};

const BankSelect = () => {
    const [locale] = useLocaleState();
    const { data, isPending } = useGetList('banks', {
        filter: { status: 'active' },
        pagination: { page: 1, perPage: 200 },
        sort: { field: 'code', order: 'ASC' },
    });
    const choices = (data ?? []).map(bank => ({
        id: bank.code,
        name: (locale.startsWith('en') ? bank.name_en : bank.name_zh) || bank.name_zh || bank.code,
    }));
    return <SelectInput source="bank_code" choices={choices} isPending={isPending} validate={validateBank} translateChoice={false} />;
};

const BankCodeInput = () => (
    <TextInput
        source="bank_code"
        validate={validateBank}
        helperText="ledger.cash.helper_bank_code"
        parse={(value: string) => value.trim().toUpperCase()}
    />
);

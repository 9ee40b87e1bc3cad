import { SelectInput, TextInput, required, useCanAccess } from 'react-admin';
import { useBanks } from './useBanks';

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
    const banks = useBanks();
    return (
        <SelectInput
            source="bank_code"
            choices={banks?.choices ?? []}
            isPending={!banks}
            validate={validateBank}
            translateChoice={false}
        />
    );
};

const BankCodeInput = () => (
    <TextInput
        source="bank_code"
        validate={validateBank}
        helperText="ledger.cash.helper_bank_code"
        parse={(value: string) => value.trim().toUpperCase()}
    />
);

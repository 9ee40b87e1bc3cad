import { useRecordContext } from 'react-admin';
import { useBanks } from './useBanks';

/** The bank of a 银证转账 by name (its code when the bank parameters cannot be read). */
// source/label are read by the show layout and DataTable to label the column.
export const BankField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const banks = useBanks();
    const code = record?.bank_code;
    if (!code) return null;
    return <>{banks?.names.get(String(code)) ?? code}</>;
};

import PersonIcon from '@mui/icons-material/Person';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Button, useCanAccess, useRecordContext } from 'react-admin';

const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

/** 流水: the fund journal list filtered on this account. */
export const AccountJournalButton = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'fund_journal', action: 'list' });
    if (!record || !canAccess) return null;
    const filter = JSON.stringify({ account_id: record.id });
    return (
        <Button
            label="resources.fund_accounts.actions.journal"
            to={{ pathname: '/fund_journal', search: `?filter=${encodeURIComponent(filter)}` }}
            onClick={stop}
        >
            <ReceiptLongIcon />
        </Button>
    );
};

/** 客户: the account holder's page (客户全景视图). */
export const AccountClientButton = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'clients', action: 'show' });
    if (!record || !canAccess) return null;
    return (
        <Button
            label="resources.fund_accounts.actions.client"
            to={`/clients/${encodeURIComponent(String(record.client_id))}/show`}
            onClick={stop}
        >
            <PersonIcon />
        </Button>
    );
};

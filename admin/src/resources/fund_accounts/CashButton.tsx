import PaymentsIcon from '@mui/icons-material/Payments';
import { Button, LinkBase, useCanAccess, useRecordContext, type Identifier } from 'react-admin';

/** The counter form's address for one fund account. */
export const cashPath = (accountId: Identifier) => ({
    pathname: '/fund_journal/create',
    search: `?account_id=${encodeURIComponent(String(accountId))}`,
});

/**
 * 存取款: opens the counter cash form for a fund account (the given one, else the row's). Shown
 * only to operators who may post to the journal, and only for an open account.
 */
export const CashButton = ({ accountId }: { accountId?: Identifier; label?: string }) => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'fund_journal', action: 'create' });
    const id = accountId ?? record?.id;
    if (!canAccess || id === undefined || (accountId === undefined && record?.status === 'closed')) return null;
    return (
        <Button
            label="resources.fund_accounts.actions.cash"
            component={LinkBase}
            to={cashPath(id)}
            onClick={(e: React.MouseEvent) => e.stopPropagation()}
        >
            <PaymentsIcon />
        </Button>
    );
};

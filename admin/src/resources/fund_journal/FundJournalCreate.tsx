import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Alert, LinearProgress, Stack } from '@mui/material';
import { useSearchParams } from 'react-router-dom';
import { Button, LinkBase, Title, TopToolbar, useGetOne, useRequireAccess, useTranslate } from 'react-admin';
import { AccountPicker } from './AccountPicker';
import { AccountSummary } from './AccountSummary';
import { CashForm } from './CashForm';
import { RecentEntries } from './RecentEntries';

/**
 * 存取款 (the counter cash form) at /fund_journal/create?account_id=…, reached from the client
 * page and from the fund account list; without an account it starts by finding the client.
 */
export const FundJournalCreate = () => {
    const { isPending } = useRequireAccess({ resource: 'fund_journal', action: 'create' });
    const [params] = useSearchParams();
    const accountId = Number(params.get('account_id'));
    if (isPending) return null;
    return (
        <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
            <Title title="ledger.cash.title" />
            {Number.isInteger(accountId) && accountId > 0 ? (
                <CashDesk key={accountId} accountId={accountId} />
            ) : (
                <AccountPicker />
            )}
        </Stack>
    );
};

const CashDesk = ({ accountId }: { accountId: number }) => {
    const translate = useTranslate();
    const { data: account, isPending, error } = useGetOne('fund_accounts', { id: accountId });
    const { data: client } = useGetOne(
        'clients',
        { id: account?.client_id },
        { enabled: account?.client_id !== undefined },
    );
    if (isPending) return <LinearProgress />;
    if (error || !account)
        return <Alert severity="error">{(error as Error | null)?.message ?? translate('ra.page.not_found')}</Alert>;
    const open = account.status === 'active' && client?.status !== 'closed';
    const restricted = !!client && client.status !== 'normal';
    return (
        <>
            <TopToolbar sx={{ justifyContent: 'flex-start', p: 0, minHeight: 0 }}>
                <Button label="ledger.cash.change_account" component={LinkBase} to="/fund_journal/create">
                    <SwapHorizIcon />
                </Button>
            </TopToolbar>
            <AccountSummary account={account} client={client} />
            {!open ? (
                <Alert severity="warning">{translate('ledger.cash.account_closed')}</Alert>
            ) : (
                <>
                    {restricted && (
                        <Alert severity="warning">
                            {translate('ledger.cash.client_not_normal', {
                                status: translate(`resources.clients.status.${client.status}`, { _: client.status }),
                            })}
                        </Alert>
                    )}
                    <CashForm account={account} outflowAllowed={!restricted} />
                </>
            )}
            <RecentEntries accountId={accountId} />
        </>
    );
};

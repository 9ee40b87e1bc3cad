import { Card, CardContent, Typography } from '@mui/material';
import { ListBase, useTranslate, type Identifier } from 'react-admin';
import { JournalTable } from './JournalTable';

/** The account's latest entries under the cash form: the teller sees each post land (and may reverse it). */
export const RecentEntries = ({ accountId }: { accountId: Identifier }) => {
    const translate = useTranslate();
    return (
        <Card variant="outlined">
            <CardContent>
                <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                    {translate('ledger.cash.recent')}
                </Typography>
                <ListBase
                    resource="fund_journal"
                    filter={{ account_id: accountId }}
                    sort={{ field: 'id', order: 'DESC' }}
                    perPage={10}
                    disableSyncWithLocation
                    storeKey={false}
                >
                    <JournalTable withClient={false} withAccount={false} />
                </ListBase>
            </CardContent>
        </Card>
    );
};

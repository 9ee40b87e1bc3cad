import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Link, RecordContextProvider, useTranslate, type RaRecord } from 'react-admin';
import { ClientStatusField } from '../clients/ClientStatusField';
import { FundAccountStatusField } from '../fund_accounts/FundAccountStatusField';
import { formatMoney } from '../fund_accounts/money';

const FIGURES = ['balance', 'frozen', 'available', 'withdrawable'] as const;

/** The account's cash as it stands, above the cash form: 余额 / 冻结 / 可用 / 可取. */
export const AccountSummary = ({ account, client }: { account: RaRecord; client?: RaRecord }) => {
    const translate = useTranslate();
    return (
        <RecordContextProvider value={account}>
            <Card variant="outlined">
                <CardContent>
                    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
                        <Typography variant="h6" component="h2">
                            {translate('ledger.cash.account', { account_no: account.account_no })}
                        </Typography>
                        <FundAccountStatusField />
                        <Typography color="text.secondary">{account.currency}</Typography>
                        <Typography>
                            {translate('ledger.cash.client')}:{' '}
                            <Link to={`/clients/${encodeURIComponent(String(account.client_id))}/show`}>
                                {account.client_name} ({account.client_no})
                            </Link>
                        </Typography>
                        {client && (
                            <RecordContextProvider value={client}>
                                <ClientStatusField />
                            </RecordContextProvider>
                        )}
                    </Stack>
                    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: 2 }}>
                        {FIGURES.map((figure) => (
                            <Box key={figure}>
                                <Typography variant="body2" color="text.secondary">
                                    {translate(`resources.fund_accounts.fields.${figure}`)}
                                </Typography>
                                <Typography
                                    variant="h5"
                                    component="p"
                                    data-testid={`account-${figure}`}
                                    sx={{
                                        fontVariantNumeric: 'tabular-nums',
                                        fontWeight: figure === 'withdrawable' ? 600 : 400,
                                    }}
                                >
                                    {formatMoney(account[figure])}
                                </Typography>
                            </Box>
                        ))}
                    </Box>
                </CardContent>
            </Card>
        </RecordContextProvider>
    );
};

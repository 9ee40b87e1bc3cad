import { useState, type FormEvent } from 'react';
import { Box, Button, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../resources/fund_accounts/money';
import { COUNTER_ORDER_PATH } from '../resources/orders/orderPaths';
import { API_URL, httpClient } from '../providers/httpClient';
import { Count, HomeCard } from './HomeCard';
import { useTotal } from './homeApi';
import { cashFromStatement, listLink, type ReportPreview } from './homeLogic';

const dayOf = (date: string) => ({ gte: date, lte: date });

/** 今日开户: clients opened on the open business date. */
export const OpeningsPanel = ({ date }: { date: string }) => {
    const translate = useTranslate();
    const filter = { opened_on_gte: dayOf(date).gte, opened_on_lte: dayOf(date).lte };
    const { data, isPending, error } = useTotal('clients', filter);
    return (
        <HomeCard
            testId="openings"
            title={translate('home.openings.title')}
            loading={isPending}
            error={error}
            figure={<Count value={data} />}
            caption={translate('home.openings.caption', { date })}
            links={[
                { label: translate('home.openings.new'), to: '/clients/create', primary: true },
                { label: translate('home.openings.open'), to: listLink('clients', filter) },
            ]}
        />
    );
};

/**
 * 今日现金存取: the day's deposits and withdrawals, counted by the journal's list totals. The
 * amounts are the server's sums (资金日计表) when the operator may run that report; otherwise
 * the panel says where to read them — never a sum of fetched rows.
 */
export const CashPanel = ({ date, permissions }: { date: string; permissions: readonly string[] }) => {
    const translate = useTranslate();
    const day = { business_date_gte: date, business_date_lte: date };
    const deposits = useTotal('fund_journal', { ...day, type: 'deposit' });
    const withdrawals = useTotal('fund_journal', { ...day, type: 'withdrawal' });
    const mayRunStatement = permissions.includes('daily_fund_statement.run');
    const statement = useQuery({
        queryKey: ['home', 'daily_fund_statement', date],
        queryFn: async () =>
            (
                await httpClient(
                    `${API_URL}/reports/daily_fund_statement?date=${encodeURIComponent(date)}&currency=CNY&per_page=20`,
                )
            ).json as ReportPreview,
        enabled: mayRunStatement,
    });
    const sums = mayRunStatement ? cashFromStatement(statement.data) : null;
    const line = (label: string, count: number | null | undefined, amount: string | undefined, testId: string) => (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline' }} data-testid={testId}>
            <Typography sx={{ minWidth: 56 }}>{label}</Typography>
            <Typography variant="h5" component="span" sx={{ minWidth: 64, fontVariantNumeric: 'tabular-nums' }}>
                {count === null || count === undefined
                    ? '—'
                    : translate('home.cash.entries', { smart_count: count, count: count.toLocaleString('en-US') })}
            </Typography>
            {amount !== undefined && (
                <Typography variant="h6" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    ¥{formatMoney(amount)}
                </Typography>
            )}
        </Stack>
    );
    return (
        <HomeCard
            testId="cash"
            title={translate('home.cash.title')}
            loading={deposits.isPending || withdrawals.isPending}
            error={deposits.error ?? withdrawals.error}
            links={[
                { label: translate('home.cash.open'), to: listLink('fund_journal', day) },
                ...(mayRunStatement
                    ? [{ label: translate('home.cash.statement'), to: '/reports/daily_fund_statement' }]
                    : []),
            ]}
        >
            <Stack spacing={1}>
                {line(translate('home.cash.deposits'), deposits.data, sums?.deposits, 'cash-deposits')}
                {line(translate('home.cash.withdrawals'), withdrawals.data, sums?.withdrawals, 'cash-withdrawals')}
                <Typography variant="caption" color="text.secondary">
                    {translate(sums ? 'home.cash.sums_from_report' : 'home.cash.no_sums')}
                </Typography>
            </Stack>
        </HomeCard>
    );
};

/** 今日委托: orders entered on the open business date. */
export const OrdersPanel = ({ date }: { date: string }) => {
    const translate = useTranslate();
    const filter = { business_date_gte: date, business_date_lte: date };
    const { data, isPending, error } = useTotal('orders', filter);
    return (
        <HomeCard
            testId="orders"
            title={translate('home.orders.title')}
            loading={isPending}
            error={error}
            figure={<Count value={data} />}
            caption={translate('home.orders.caption', { date })}
            links={[
                { label: translate('home.orders.new'), to: COUNTER_ORDER_PATH, primary: true },
                { label: translate('home.orders.open'), to: listLink('orders', filter) },
            ]}
        />
    );
};

/** 客户查询: a client number, a name or an ID number opens the clients list filtered by it. */
export const ClientSearchPanel = () => {
    const translate = useTranslate();
    const navigate = useNavigate();
    const [q, setQ] = useState('');
    const submit = (e: FormEvent) => {
        e.preventDefault();
        const text = q.trim();
        if (text) navigate(listLink('clients', { q: text }));
    };
    return (
        <HomeCard testId="client-search" title={translate('home.search.title')}>
            <Box component="form" onSubmit={submit} role="search" sx={{ mt: 1 }}>
                <Stack direction="row" spacing={1}>
                    <TextField
                        size="small"
                        fullWidth
                        autoFocus
                        value={q}
                        onChange={(e) => setQ(e.target.value)}
                        placeholder={translate('home.search.placeholder')}
                        slotProps={{
                            htmlInput: { 'aria-label': translate('home.search.title') },
                            input: {
                                startAdornment: (
                                    <InputAdornment position="start">
                                        <SearchIcon fontSize="small" />
                                    </InputAdornment>
                                ),
                            },
                        }}
                    />
                    <Button type="submit" variant="contained">
                        {translate('home.search.go')}
                    </Button>
                </Stack>
            </Box>
        </HomeCard>
    );
};

/** The counter's panels. */
export const TellerHome = { OpeningsPanel, CashPanel, OrdersPanel, ClientSearchPanel };

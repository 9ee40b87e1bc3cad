import type { ReactNode } from 'react';
import { Alert, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import type { PrecheckWarning } from '../resources/day_end_runs/precheckWarnings';
import { HomeCard, type HomeLink } from './HomeCard';

interface Precheck {
    business_date: string;
    open_orders: number;
    trades: number;
    invariants_hold: boolean;
    violations: string[];
    warnings?: PrecheckWarning[];
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography variant="body2" color="text.secondary" sx={{ minWidth: 72, pt: 0.75 }}>
            {label}
        </Typography>
        <Stack spacing={0.5} sx={{ flexGrow: 1 }}>
            {children}
        </Stack>
    </Stack>
);

const State = ({ ok, children, testId }: { ok: boolean; children: ReactNode; testId?: string }) => (
    <Alert severity={ok ? 'success' : 'warning'} sx={{ py: 0 }} data-testid={testId}>
        {children}
    </Alert>
);

/**
 * 日终准备 (the clearing clerk): the open business date, whether the day's trade report is in,
 * the pre-check (ledger invariants, open orders), the banks' reconciliation, and the way to 日终 —
 * all from the day-end pre-check, the same answer the day-end page acts on.
 */
export const DayEndPanel = ({ mayRun, mayImport }: { mayRun: boolean; mayImport: boolean }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data, isPending, error } = useQuery({
        queryKey: ['home', 'day_end_runs', 'precheck'],
        queryFn: async () => (await httpClient(`${API_URL}/day_end_runs/precheck`)).json as Precheck,
    });
    const warnings = data?.warnings ?? [];
    const noReport = warnings.find((w) => w.kind === 'no_trade_report');
    const banks = warnings.filter((w) => w.kind === 'bank_unreconciled');
    const bankName = (w: PrecheckWarning) =>
        w.kind === 'bank_unreconciled' ? (locale.startsWith('en') ? w.params.bank_name_en : w.params.bank_name_zh) : '';
    const links: HomeLink[] = [];
    if (mayRun) links.push({ label: translate('home.day_end.run'), to: '/day_end_runs', primary: true });
    if (mayImport) links.push({ label: translate('home.day_end.import'), to: '/trades' });
    links.push({ label: translate('home.day_end.reconcile'), to: '/bank_transfers' });
    return (
        <HomeCard
            testId="day-end"
            title={translate('home.day_end.title')}
            loading={isPending}
            error={error}
            links={links}
        >
            {data && (
                <Stack spacing={1.25}>
                    <Row label={translate('home.day_end.date')}>
                        <Typography variant="h5" component="div" data-testid="day-end-date">
                            {data.business_date}
                        </Typography>
                    </Row>
                    <Row label={translate('home.day_end.trade_report')}>
                        <State ok={!noReport} testId="day-end-trade-report">
                            {noReport && noReport.kind === 'no_trade_report'
                                ? translate('home.day_end.trade_report_missing', { orders: noReport.params.orders })
                                : data.trades > 0
                                  ? translate('home.day_end.trade_report_ok', {
                                        count: data.trades.toLocaleString('en-US'),
                                    })
                                  : translate('home.day_end.trade_report_none')}
                        </State>
                    </Row>
                    <Row label={translate('home.day_end.precheck')}>
                        <State ok={data.invariants_hold}>
                            {data.invariants_hold
                                ? translate('home.day_end.invariants_ok')
                                : translate('home.day_end.invariants_broken', { count: data.violations.length })}
                        </State>
                        <Typography variant="body2">
                            {translate('home.day_end.open_orders', { count: data.open_orders.toLocaleString('en-US') })}
                        </Typography>
                    </Row>
                    <Row label={translate('home.day_end.bank')}>
                        <State ok={banks.length === 0} testId="day-end-banks">
                            {banks.length === 0
                                ? translate('home.day_end.bank_ok')
                                : translate('home.day_end.bank_pending', {
                                      count: banks.length,
                                      banks: banks.map(bankName).join(locale.startsWith('en') ? ', ' : '、'),
                                  })}
                        </State>
                    </Row>
                </Stack>
            )}
        </HomeCard>
    );
};

/** The clearing clerk's panel. */
export const ClerkHome = { DayEndPanel };

import { Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import { formatMoney } from '../resources/fund_accounts/money';
import { HomeCard } from './HomeCard';
import { kpiGlance, type KpiGlance } from './homeLogic';

type KpiStatus = { state: 'ready'; glance: KpiGlance } | { state: 'not_yet' | 'failed' };

/**
 * What GET /api/kpis/summary says: 'ready' with its figures when it answers in its shape,
 * 'not_yet' when it is not there (404, or anything else in its place), 'failed' on a refusal or
 * an error. The home page never shows a figure it did not get.
 */
export const useKpiStatus = () =>
    useQuery({
        queryKey: ['home', 'kpis', 'summary'],
        queryFn: async (): Promise<KpiStatus> => {
            try {
                const glance = kpiGlance((await httpClient(`${API_URL}/kpis/summary`)).json);
                return glance ? { state: 'ready', glance } : { state: 'not_yet' };
            } catch (e) {
                return { state: (e as { status?: number })?.status === 404 ? 'not_yet' : 'failed' };
            }
        },
        retry: false,
    });

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
    <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}
        data-testid={testId}
    >
        <Typography variant="body2" color="text.secondary">
            {label}
        </Typography>
        <Typography variant="h6" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {value}
        </Typography>
    </Stack>
);

/** 经营指标 (the branch manager): the period's headline figures when the KPI API answers, and the way to the page. */
export const KpiPanel = () => {
    const translate = useTranslate();
    const { data, isPending } = useKpiStatus();
    const ready = data?.state === 'ready' ? data.glance : null;
    return (
        <HomeCard
            testId="kpis"
            title={translate('home.kpis.title')}
            loading={isPending}
            caption={ready ? translate('home.kpis.period', { from: ready.from, to: ready.to }) : undefined}
            links={ready ? [{ label: translate('home.kpis.open'), to: '/kpis', primary: true }] : []}
        >
            {ready ? (
                <Stack spacing={0.5}>
                    <Figure
                        label={translate('home.kpis.turnover')}
                        value={`¥${formatMoney(ready.turnover)}`}
                        testId="kpi-turnover"
                    />
                    <Figure
                        label={translate('home.kpis.commission')}
                        value={`¥${formatMoney(ready.commission)}`}
                        testId="kpi-commission"
                    />
                    <Figure
                        label={translate('home.kpis.client_assets')}
                        value={`¥${formatMoney(ready.client_assets)}`}
                        testId="kpi-assets"
                    />
                    <Figure
                        label={translate('home.kpis.accounts_new')}
                        value={ready.accounts_new.toLocaleString('en-US')}
                        testId="kpi-accounts-new"
                    />
                </Stack>
            ) : (
                <Typography variant="body2" color="text.secondary">
                    {translate(`home.kpis.${data?.state ?? 'not_yet'}`)}
                </Typography>
            )}
        </HomeCard>
    );
};

/** The branch manager's panel (the pending approvals are the shared ApprovalsPanel). */
export const ManagerHome = { KpiPanel };

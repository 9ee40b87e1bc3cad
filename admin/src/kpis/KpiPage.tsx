import { useState } from 'react';
import { Alert, Box, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useCanAccess, useTranslate } from 'react-admin';
import { getMe } from '../providers/session';
import { SegmentsLink } from '../segments/SegmentsMenuItem';
import { BranchComparison } from './BranchComparison';
import { BranchFilter } from './BranchFilter';
import { KpiCards } from './KpiCards';
import { kpiApi, type Period } from './kpiApi';
import { StateText } from './KpiParts';
import { ManagerTable } from './ManagerTable';
import { Rankings } from './Rankings';
import { TierChart } from './TierChart';
import { TrendChart } from './TrendChart';

const PERIODS: Period[] = ['day', 'month', 'ytd', 'range'];

/**
 * 经营指标 (#/kpis): the branch manager's figures for a day, a month, the year to date or a range
 * — cards with 环比 and 同比, trends, client tiers, rankings, the client managers — and for head
 * office a branch filter and the branch comparison. Every figure comes from /api/kpis/*.
 */
export const KpiPage = () => {
    const translate = useTranslate();
    const { canAccess, isPending: rightPending } = useCanAccess({ resource: 'kpis', action: 'list' });
    const allBranches = getMe()?.all_branches === true;
    const [period, setPeriod] = useState<Period>('month');
    const [pickedDate, setPickedDate] = useState<string | null>(null);
    const [range, setRange] = useState<{ from: string; to: string } | null>(null);
    const [branchId, setBranchId] = useState<number | null>(null);

    const closed = useQuery({
        queryKey: ['kpis', 'last-closed-date'],
        queryFn: () => kpiApi.lastClosedDate(),
        enabled: canAccess === true,
        retry: false,
    });
    // without a completed day-end (or the right to read them) the summary picks its own default
    const defaultDate = closed.data ?? undefined;
    const date = pickedDate ?? defaultDate;
    const rangeParams =
        period === 'range' && date
            ? { from: range?.from ?? `${date.slice(0, 8)}01`, to: range?.to ?? date }
            : { from: undefined, to: undefined };

    const summary = useQuery({
        queryKey: ['kpis', 'summary', date, period, rangeParams.from, rangeParams.to, branchId],
        queryFn: () => kpiApi.summary({ date, period, ...rangeParams, branch_id: branchId }),
        enabled: canAccess === true && !closed.isPending,
    });
    const s = summary.data;
    const shownDate = date ?? s?.period.to;

    if (rightPending) return <StateText loading />;
    if (!canAccess) return <Alert severity="warning">{translate('kpis.no_right')}</Alert>;

    return (
        <Box sx={{ py: 2, pr: 1 }} data-testid="kpi-page">
            <Title title={translate('kpis.title')} />
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
                <Typography variant="h6" sx={{ fontWeight: 600 }}>
                    {translate('kpis.title')}
                </Typography>
                <ToggleButtonGroup
                    size="small"
                    exclusive
                    value={period}
                    onChange={(_, v) => v && setPeriod(v)}
                    aria-label={translate('kpis.period.label')}
                    data-testid="kpi-period"
                >
                    {PERIODS.map((p) => (
                        <ToggleButton key={p} value={p} sx={{ px: 1.5 }}>
                            {translate(`kpis.period.${p}`)}
                        </ToggleButton>
                    ))}
                </ToggleButtonGroup>
                {period === 'range' ? (
                    <>
                        <TextField
                            fullWidth={false}
                            type="date"
                            size="small"
                            label={translate('kpis.period.from')}
                            value={rangeParams.from ?? ''}
                            onChange={(e) =>
                                e.target.value &&
                                setRange({ from: e.target.value, to: rangeParams.to ?? e.target.value })
                            }
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                        <TextField
                            fullWidth={false}
                            type="date"
                            size="small"
                            label={translate('kpis.period.to')}
                            value={rangeParams.to ?? ''}
                            onChange={(e) => {
                                if (!e.target.value) return;
                                setRange({ from: rangeParams.from ?? e.target.value, to: e.target.value });
                                setPickedDate(e.target.value);
                            }}
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                    </>
                ) : (
                    <TextField
                        fullWidth={false}
                        type="date"
                        size="small"
                        label={translate('kpis.period.date')}
                        value={shownDate ?? ''}
                        onChange={(e) => e.target.value && setPickedDate(e.target.value)}
                        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'kpi-date' } }}
                    />
                )}
                {allBranches && (
                    <BranchFilter value={branchId} onChange={setBranchId} messages="kpis" testId="kpi-branch-filter" />
                )}
                <SegmentsLink />
                <Box sx={{ flex: 1 }} />
                {s && (
                    <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'right' }}>
                        {translate('kpis.period.shown', s.period)}
                        <br />
                        {translate('kpis.period.compare', {
                            prev: `${s.previous.from} – ${s.previous.to}`,
                            yoy: `${s.year_ago.from} – ${s.year_ago.to}`,
                        })}
                    </Typography>
                )}
            </Stack>

            {summary.isPending || summary.error || !s ? (
                <StateText
                    loading={summary.isPending}
                    error={summary.error}
                    empty={!summary.isPending && !summary.error}
                    height={240}
                />
            ) : (
                <Stack spacing={2}>
                    <KpiCards summary={s} exportParams={{ date, period, ...rangeParams, branch_id: branchId }} />
                    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '7fr 5fr' } }}>
                        <TrendChart date={s.period.to} branchId={branchId} />
                        <TierChart date={s.period.to} branchId={branchId} />
                    </Box>
                    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
                        <Rankings range={s.period} branchId={branchId} />
                        <ManagerTable range={s.period} branchId={branchId} />
                    </Box>
                    {allBranches && branchId === null && (
                        <BranchComparison date={s.period.to} period={period} range={s.period} />
                    )}
                </Stack>
            )}
        </Box>
    );
};

export default KpiPage;

import { useMemo, useState } from 'react';
import {
    Box,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    ToggleButton,
    ToggleButtonGroup,
    Typography,
} from '@mui/material';
import Decimal from 'decimal.js';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney } from '../resources/fund_accounts/money';
import { EChart, type ChartOption } from './EChart';
import { KpiExportButton } from './KpiExportButton';
import { kpiApi, type TierRow } from './kpiApi';
import { formatCount, formatMoneyIn, toChartNumber } from './kpiFormat';
import { Panel, StateText, type View, ViewToggle, compactTable, numCell } from './KpiParts';

type Measure = 'clients' | 'assets';

/** A row's share of its column, in percent with one decimal (decimal arithmetic). */
const share = (value: unknown, rows: TierRow[], measure: Measure): string => {
    const total = rows.reduce((sum, r) => sum.plus(new Decimal(String(r[measure] ?? 0))), new Decimal(0));
    if (total.isZero()) return '—';
    return `${new Decimal(String(value ?? 0)).div(total).times(100).toFixed(1, Decimal.ROUND_HALF_UP)}%`;
};

/** 客户分层: by assets (大户/中户/散户) and by contribution (核心/优质/有效/沉寂), counts or assets. */
export const TierChart = ({ date, branchId }: { date: string; branchId: number | null }) => {
    const translate = useTranslate();
    const [locale = 'zh'] = useLocaleState();
    const [measure, setMeasure] = useState<Measure>('clients');
    const [view, setView] = useState<View>('chart');
    const query = useQuery({
        queryKey: ['kpis', 'tiers', date, branchId],
        queryFn: () => kpiApi.tiers({ date, branch_id: branchId }),
    });
    const data = query.data;
    const groups = useMemo(
        () =>
            data
                ? [
                      { id: 'by_assets', rows: data.by_assets ?? [] },
                      { id: 'by_contribution', rows: data.by_contribution ?? [] },
                  ]
                : [],
        [data],
    );
    const empty = groups.every((g) => g.rows.every((r) => !r.clients && !toChartNumber(r.assets)));

    const options = useMemo<ChartOption[]>(() => {
        const unit = translate('kpis.unit_wan');
        return groups.map((g) => {
            const data = g.rows.map((r) => ({
                name: translate(`kpis.tiers.${r.tier}`),
                value: measure === 'assets' ? toChartNumber(r.assets) : r.clients,
            }));
            const shares = new Map(
                g.rows.map((r) => [translate(`kpis.tiers.${r.tier}`), share(r[measure], g.rows, measure)]),
            );
            return {
                tooltip: {
                    trigger: 'item',
                    valueFormatter: (v) =>
                        measure === 'assets'
                            ? `${formatMoneyIn(String(v), 'wan')} ${unit}`
                            : `${formatCount(String(v))} ${translate('kpis.unit_clients')}`,
                },
                legend: {
                    bottom: 0,
                    itemWidth: 12,
                    itemHeight: 10,
                    formatter: (name: string) => `${name} ${shares.get(name) ?? ''}`,
                },
                series: [
                    {
                        type: 'pie' as const,
                        name: translate(`kpis.tiers.${g.id}`),
                        radius: ['38%', '66%'],
                        center: ['50%', '42%'],
                        label: { show: false },
                        data,
                    },
                ],
            };
        });
    }, [groups, measure, translate]);

    return (
        <Panel
            title={translate('kpis.tiers.title')}
            subtitle={data ? translate('kpis.tiers.as_of', { date: data.date }) : undefined}
            testId="kpi-tiers"
            actions={
                <>
                    <ToggleButtonGroup size="small" exclusive value={measure} onChange={(_, v) => v && setMeasure(v)}>
                        <ToggleButton value="clients">{translate('kpis.tiers.clients')}</ToggleButton>
                        <ToggleButton value="assets">{translate('kpis.tiers.assets')}</ToggleButton>
                    </ToggleButtonGroup>
                    <ViewToggle view={view} onChange={setView} testId="kpi-tiers-view" />
                    <KpiExportButton table="tiers" params={{ date, branch_id: branchId }} disabled={empty} />
                </>
            }
        >
            {query.isPending || query.error || empty ? (
                <StateText loading={query.isPending} error={query.error} empty height={280} />
            ) : view === 'chart' ? (
                <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
                    {groups.map((g, i) => (
                        <Box key={g.id}>
                            <Typography
                                variant="caption"
                                color="text.secondary"
                                component="div"
                                sx={{ textAlign: 'center' }}
                            >
                                {translate(`kpis.tiers.${g.id}`)}
                            </Typography>
                            <EChart option={options[i]!} locale={locale} height={262} testId="kpi-tiers-chart" />
                        </Box>
                    ))}
                </Box>
            ) : (
                <Box sx={{ maxHeight: 280, overflow: 'auto' }}>
                    <Table size="small" sx={compactTable} data-testid="kpi-tiers-table">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('kpis.tiers.tier')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.tiers.clients')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.tiers.share')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.tiers.assets_yuan')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.tiers.share')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {groups.flatMap((g) => [
                                <TableRow key={g.id}>
                                    <TableCell colSpan={5} sx={{ fontWeight: 600, bgcolor: 'action.hover' }}>
                                        {translate(`kpis.tiers.${g.id}`)}
                                    </TableCell>
                                </TableRow>,
                                ...g.rows.map((r) => (
                                    <TableRow key={`${g.id}-${r.tier}`}>
                                        <TableCell>{translate(`kpis.tiers.${r.tier}`)}</TableCell>
                                        <TableCell sx={numCell}>{formatCount(r.clients)}</TableCell>
                                        <TableCell sx={numCell}>{share(r.clients, g.rows, 'clients')}</TableCell>
                                        <TableCell sx={numCell}>{formatMoney(r.assets)}</TableCell>
                                        <TableCell sx={numCell}>{share(r.assets, g.rows, 'assets')}</TableCell>
                                    </TableRow>
                                )),
                            ])}
                        </TableBody>
                    </Table>
                </Box>
            )}
        </Panel>
    );
};

import { useMemo, useState } from 'react';
import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney } from '../resources/fund_accounts/money';
import { EChart, type ChartOption } from './EChart';
import { KpiExportButton } from './KpiExportButton';
import { kpiApi, type DateRange, type Period } from './kpiApi';
import { formatAxisMoney, formatBp, formatCount, formatSignedCount, moneyAxisUnit, toChartNumber } from './kpiFormat';
import { Panel, StateText, type View, ViewToggle, compactTable, numCell } from './KpiParts';

/** 营业部对比 (head office): every branch's figures for the period, turnover and commission as bars. */
export const BranchComparison = ({ date, period, range }: { date: string; period: Period; range: DateRange }) => {
    const translate = useTranslate();
    const [locale = 'zh'] = useLocaleState();
    const [view, setView] = useState<View>('table');
    const query = useQuery({
        queryKey: ['kpis', 'branches', date, period, range.from, range.to],
        queryFn: () =>
            kpiApi.branches(period === 'range' ? { date, period, from: range.from, to: range.to } : { date, period }),
    });
    const rows = query.data ?? [];

    const option = useMemo<ChartOption>(() => {
        const turnover = rows.map((r) => toChartNumber(r.turnover));
        const commission = rows.map((r) => toChartNumber(r.commission));
        const unit = moneyAxisUnit([...turnover, ...commission]);
        const name = translate(unit === 'yi' ? 'kpis.unit_yi' : 'kpis.unit_wan');
        return {
            grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
            legend: { bottom: 0 },
            tooltip: { trigger: 'axis', valueFormatter: (v) => `${formatAxisMoney(Number(v), unit)} ${name}` },
            xAxis: { type: 'category', data: rows.map((r) => r.branch_name) },
            yAxis: { type: 'value', name, axisLabel: { formatter: (v: number) => formatAxisMoney(v, unit) } },
            series: [
                { type: 'bar', name: translate('kpis.branches.turnover'), data: turnover, barMaxWidth: 28 },
                { type: 'bar', name: translate('kpis.branches.commission'), data: commission, barMaxWidth: 28 },
            ],
        };
    }, [rows, translate]);

    return (
        <Panel
            title={translate('kpis.branches.title')}
            subtitle={translate('kpis.period.shown', range)}
            testId="kpi-branches"
            actions={
                <>
                    <ViewToggle view={view} onChange={setView} testId="kpi-branches-view" />
                    <KpiExportButton
                        table="branches"
                        params={
                            period === 'range' ? { date, period, from: range.from, to: range.to } : { date, period }
                        }
                        disabled={rows.length === 0}
                    />
                </>
            }
        >
            {query.isPending || query.error || rows.length === 0 ? (
                <StateText loading={query.isPending} error={query.error} empty height={160} />
            ) : view === 'chart' ? (
                <EChart option={option} locale={locale} height={280} testId="kpi-branches-chart" />
            ) : (
                <Box sx={{ overflow: 'auto' }}>
                    <Table size="small" sx={compactTable} data-testid="kpi-branches-table">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('kpis.branches.branch')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.branches.turnover')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.branches.market_share')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.branches.commission')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.branches.client_assets')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.branches.net_inflow')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.branches.accounts_total')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.branches.accounts_net')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map((r) => (
                                <TableRow key={r.branch_id} hover>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.branch_name}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(r.turnover)}</TableCell>
                                    <TableCell sx={numCell}>{formatBp(r.market_share_bp, locale)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(r.commission)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(r.client_assets)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(r.net_inflow)}</TableCell>
                                    <TableCell sx={numCell}>{formatCount(r.accounts_total)}</TableCell>
                                    <TableCell sx={numCell}>{formatSignedCount(r.accounts_net)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </Box>
            )}
        </Panel>
    );
};

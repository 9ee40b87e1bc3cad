import { useMemo, useState } from 'react';
import {
    Box,
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    ToggleButton,
    ToggleButtonGroup,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney } from '../resources/fund_accounts/money';
import { EChart, type ChartOption } from './EChart';
import { KpiExportButton } from './KpiExportButton';
import { type Granularity, kpiApi, type TrendPoint } from './kpiApi';
import {
    addDays,
    formatAxisMoney,
    formatBp,
    formatCount,
    moneyAxisUnit,
    monthStartBefore,
    toChartNumber,
} from './kpiFormat';
import { Panel, StateText, type View, ViewToggle, compactTable, numCell } from './KpiParts';

type Metric = Exclude<keyof TrendPoint, 'period'>;

const METRICS: { key: Metric; kind: 'money' | 'count' | 'bp'; line?: boolean }[] = [
    { key: 'turnover', kind: 'money' },
    { key: 'commission', kind: 'money' },
    { key: 'net_commission', kind: 'money' },
    { key: 'net_inflow', kind: 'money' },
    { key: 'client_funds', kind: 'money', line: true },
    { key: 'new_clients', kind: 'count' },
    { key: 'closed_clients', kind: 'count' },
    { key: 'market_share_bp', kind: 'bp', line: true },
];

/** Daily (the last 60 days) or monthly (13 months, so a year ago shows) figures up to the date. */
export const TrendChart = ({ date, branchId }: { date: string; branchId: number | null }) => {
    const translate = useTranslate();
    const [locale = 'zh'] = useLocaleState();
    const [granularity, setGranularity] = useState<Granularity>('day');
    const [metric, setMetric] = useState<Metric>('turnover');
    const [view, setView] = useState<View>('chart');
    const from = granularity === 'day' ? addDays(date, -59) : monthStartBefore(date, 12);
    const query = useQuery({
        queryKey: ['kpis', 'trend', from, date, granularity, branchId],
        queryFn: () => kpiApi.trend({ from, to: date, granularity, branch_id: branchId }),
    });
    const def = METRICS.find((m) => m.key === metric)!;
    const rows = query.data ?? [];

    const option = useMemo<ChartOption>(() => {
        const values = rows.map((r) => toChartNumber(r[metric]));
        const unit = moneyAxisUnit(values);
        const name =
            def.kind === 'money'
                ? translate(unit === 'yi' ? 'kpis.unit_yi' : 'kpis.unit_wan')
                : def.kind === 'bp'
                  ? translate('kpis.unit_bp')
                  : translate('kpis.unit_clients');
        const label = translate(`kpis.metric.${metric}`);
        return {
            grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
            tooltip: {
                trigger: 'axis',
                valueFormatter: (v) =>
                    def.kind === 'money'
                        ? `${formatAxisMoney(Number(v), unit)} ${name}`
                        : def.kind === 'bp'
                          ? formatBp(String(v), locale)
                          : formatCount(String(v)),
            },
            xAxis: { type: 'category', data: rows.map((r) => r.period) },
            yAxis: {
                type: 'value',
                name,
                axisLabel: {
                    formatter: (v: number) =>
                        def.kind === 'money'
                            ? formatAxisMoney(v, unit)
                            : def.kind === 'bp'
                              ? String(v)
                              : formatCount(v),
                },
            },
            series: [
                def.line
                    ? { type: 'line', name: label, data: values, smooth: true, symbolSize: 4 }
                    : { type: 'bar', name: label, data: values, barMaxWidth: 24 },
            ],
        };
    }, [rows, metric, def, translate, locale]);

    const cell = (r: TrendPoint) =>
        def.kind === 'money'
            ? formatMoney(r[metric])
            : def.kind === 'bp'
              ? formatBp(r[metric], locale)
              : formatCount(r[metric]);

    return (
        <Panel
            title={translate('kpis.trend.title')}
            testId="kpi-trend"
            actions={
                <>
                    <ToggleButtonGroup
                        size="small"
                        exclusive
                        value={granularity}
                        onChange={(_, v) => v && setGranularity(v)}
                    >
                        <ToggleButton value="day">{translate('kpis.trend.day')}</ToggleButton>
                        <ToggleButton value="month">{translate('kpis.trend.month')}</ToggleButton>
                    </ToggleButtonGroup>
                    <TextField
                        fullWidth={false}
                        select
                        size="small"
                        label={translate('kpis.trend.metric')}
                        value={metric}
                        onChange={(e) => setMetric(e.target.value as Metric)}
                        sx={{ minWidth: 180 }}
                        slotProps={{ htmlInput: { 'data-testid': 'kpi-trend-metric' } }}
                    >
                        {METRICS.map((m) => (
                            <MenuItem key={m.key} value={m.key}>
                                {translate(`kpis.metric.${m.key}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                    <ViewToggle view={view} onChange={setView} testId="kpi-trend-view" />
                    <KpiExportButton
                        table="trend"
                        params={{ from, to: date, granularity, branch_id: branchId }}
                        disabled={rows.length === 0}
                    />
                </>
            }
        >
            {query.isPending || query.error || rows.length === 0 ? (
                <StateText loading={query.isPending} error={query.error} empty height={280} />
            ) : view === 'chart' ? (
                <EChart option={option} locale={locale} height={280} testId="kpi-trend-chart" />
            ) : (
                <Box sx={{ maxHeight: 280, overflow: 'auto' }}>
                    <Table size="small" stickyHeader sx={compactTable} data-testid="kpi-trend-table">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('kpis.trend.period')}</TableCell>
                                <TableCell sx={numCell}>{translate(`kpis.metric.${metric}`)}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map((r) => (
                                <TableRow key={r.period}>
                                    <TableCell>{r.period}</TableCell>
                                    <TableCell sx={numCell}>{cell(r)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </Box>
            )}
        </Panel>
    );
};

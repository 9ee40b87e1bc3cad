import { useMemo, useState } from 'react';
import ListAltIcon from '@mui/icons-material/ListAlt';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    LinearProgress,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Confirm, Title, useCanAccess, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useResourceMeta } from '../auto/meta';
import { useDictLabel } from '../components/DictField';
import { BranchFilter } from '../kpis/BranchFilter';
import { EChart, type ChartOption } from '../kpis/EChart';
import { formatAxisMoney, formatCount, formatMoneyIn, toChartNumber } from '../kpis/kpiFormat';
import { Panel, StateText, type View, ViewToggle, compactTable, numCell } from '../kpis/KpiParts';
import { getMe } from '../providers/session';
import { reportPath } from '../reports/reportParams';
import { formatMoney } from '../resources/fund_accounts/money';
import {
    clientShare,
    formatRatioPercent,
    orderedGroups,
    type SegmentGroup,
    type Segmentation,
    segmentsApi,
} from './segmentsApi';

/** The 客户分群名单 report of a group, on the run's date (and the branch head office picked). */
const listPath = (date: string, segment: string, branchId: number | null): string => {
    const search = new URLSearchParams({ date, segment });
    if (branchId !== null) search.set('branch_id', String(branchId));
    return reportPath('client_segments', search.toString());
};

/** What the segmentation is: as at which date, how it was made, k, its indicators and window. */
const RunHeader = ({ data }: { data: Segmentation }) => {
    const translate = useTranslate();
    const label = useDictLabel();
    const run = [...data.runs].sort((a, b) => b.as_of.localeCompare(a.as_of))[0];
    if (!run) return null;
    const sep = translate('segments.list_separator');
    const sources = [...new Set(data.runs.map((r) => label('segment_source', r.source)))].join(sep);
    const indicators = run.indicators.map((code) => translate(`segments.indicator.${code}`, { _: code })).join(sep);
    const total = data.groups.reduce((sum, g) => sum + g.clients, 0);
    return (
        <Box data-testid="segments-header">
            <Typography variant="body2">
                {translate('segments.header', {
                    date: run.as_of,
                    source: sources,
                    k: run.k,
                    from: run.window_from,
                })}
                {' · '}
                {translate('segments.clients_total', { count: formatCount(total) })}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
                {translate('segments.indicators', { list: indicators })}
                {data.runs.length > 1 &&
                    ` · ${translate('segments.branches', { list: data.runs.map((r) => r.branch_name).join(sep) })}`}
            </Typography>
        </Box>
    );
};

const Figure = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
    <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="caption" color="text.secondary">
            {label}
        </Typography>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
            {value}
        </Typography>
    </Stack>
);

/** One group: its name, size and share, assets in 万元, commission, average turnover rate, and its client list. */
const GroupCard = ({
    group,
    total,
    date,
    branchId,
}: {
    group: SegmentGroup;
    total: number;
    date: string;
    branchId: number | null;
}) => {
    const translate = useTranslate();
    const label = useDictLabel();
    return (
        <Card variant="outlined" data-testid={`segment-card-${group.segment}`}>
            <CardContent sx={{ pb: '12px !important' }}>
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }} data-testid="segment-name">
                    {label('client_segment', group.segment)}
                </Typography>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
                    <Typography variant="h5" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="segment-clients">
                        {formatCount(group.clients)}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                        {translate('segments.unit_clients')} ·{' '}
                        {translate('segments.card.share', { share: clientShare(group.clients, total) })}
                    </Typography>
                </Stack>
                <Figure
                    label={translate('segments.card.assets')}
                    value={`${formatMoneyIn(group.assets, 'wan')} ${translate('segments.unit_wan')}`}
                    testId="segment-assets"
                />
                <Figure
                    label={translate('segments.card.commission')}
                    value={`${formatMoney(group.commission)} ${translate('segments.unit_yuan')}`}
                />
                <Figure
                    label={translate('segments.card.turnover_rate')}
                    value={formatRatioPercent(group.avg_turnover_rate)}
                />
                <Button
                    component={RouterLink}
                    to={listPath(date, group.segment, branchId)}
                    size="small"
                    startIcon={<ListAltIcon />}
                    sx={{ mt: 1, ml: -0.5 }}
                    data-testid={`segment-list-${group.segment}`}
                >
                    {translate('segments.list')}
                </Button>
            </CardContent>
        </Card>
    );
};

/** The groups compared: clients (bars, left axis) and assets in 万元 (bars, right axis), or the same as a table. */
const GroupComparison = ({ groups, total }: { groups: SegmentGroup[]; total: number }) => {
    const translate = useTranslate();
    const label = useDictLabel();
    const [locale = 'zh'] = useLocaleState();
    const [view, setView] = useState<View>('chart');
    const option = useMemo<ChartOption>(() => {
        const clientsName = translate('segments.chart.clients');
        const assetsName = translate('segments.chart.assets');
        return {
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 64, right: 80, top: 36, bottom: 56 },
            xAxis: { type: 'category', data: groups.map((g) => label('client_segment', g.segment)) },
            yAxis: [
                { type: 'value', name: clientsName },
                {
                    type: 'value',
                    name: assetsName,
                    splitLine: { show: false },
                    axisLabel: { formatter: (v: number) => formatAxisMoney(v, 'wan') },
                },
            ],
            series: [
                {
                    type: 'bar',
                    name: clientsName,
                    data: groups.map((g) => g.clients),
                    tooltip: {
                        valueFormatter: (v) => `${formatCount(String(v))} ${translate('segments.unit_clients')}`,
                    },
                },
                {
                    type: 'bar',
                    name: assetsName,
                    yAxisIndex: 1,
                    data: groups.map((g) => toChartNumber(g.assets)),
                    tooltip: {
                        valueFormatter: (v) => `${formatAxisMoney(Number(v), 'wan')} ${translate('segments.unit_wan')}`,
                    },
                },
            ],
        };
    }, [groups, label, translate]);

    return (
        <Panel
            title={view === 'chart' ? translate('segments.chart.title') : translate('segments.table.title')}
            testId="segments-comparison"
            actions={<ViewToggle view={view} onChange={setView} testId="segments-view" />}
        >
            {view === 'chart' ? (
                <EChart option={option} locale={locale} height={300} testId="segments-chart" />
            ) : (
                <Box sx={{ overflow: 'auto' }}>
                    <Table size="small" sx={compactTable} data-testid="segments-table">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('segments.table.segment')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.clients')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.share')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.assets')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.market_value')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.commission')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.turnover')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.trade_count')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.turnover_rate')}</TableCell>
                                <TableCell sx={numCell}>{translate('segments.table.pnl')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {groups.map((g) => (
                                <TableRow key={g.segment}>
                                    <TableCell>{label('client_segment', g.segment)}</TableCell>
                                    <TableCell sx={numCell}>{formatCount(g.clients)}</TableCell>
                                    <TableCell sx={numCell}>{clientShare(g.clients, total)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(g.assets)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(g.market_value)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(g.commission)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(g.turnover)}</TableCell>
                                    <TableCell sx={numCell}>{formatCount(g.trade_count)}</TableCell>
                                    <TableCell sx={numCell}>{formatRatioPercent(g.avg_turnover_rate)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(g.pnl)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </Box>
            )}
        </Panel>
    );
};

/** 重新分群: asks first, shows its progress, then the new result (the page's query gets the answer). */
const RefreshButton = ({ branchId, allBranches }: { branchId: number | null; allBranches: boolean }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const queryClient = useQueryClient();
    const [open, setOpen] = useState(false);
    const mutation = useMutation({
        mutationFn: () => segmentsApi.refresh(branchId),
        onSuccess: (data) => {
            queryClient.setQueryData(['segments', branchId], data);
            void queryClient.invalidateQueries({ queryKey: ['segments'] });
            notify('segments.refresh.done', {
                type: 'success',
                messageArgs: { count: formatCount(data.groups.reduce((s, g) => s + g.clients, 0)) },
            });
        },
        onError: (error) => {
            const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
            const field = Object.entries(body?.errors ?? {}).find(([k, v]) => k !== 'root' && typeof v === 'string');
            notify('segments.refresh.failed', {
                type: 'error',
                messageArgs: { message: (field?.[1] as string | undefined) ?? (error as Error).message },
            });
        },
    });
    const scope =
        allBranches && branchId === null
            ? translate('segments.refresh.scope_all')
            : translate('segments.refresh.scope_own');
    return (
        <>
            <Button
                variant="contained"
                size="small"
                startIcon={<RefreshIcon />}
                disabled={mutation.isPending}
                onClick={() => setOpen(true)}
                data-testid="segments-refresh"
            >
                {mutation.isPending ? translate('segments.refresh.running') : translate('segments.refresh.button')}
            </Button>
            <Confirm
                isOpen={open}
                title={translate('segments.refresh.confirm_title')}
                content={translate('segments.refresh.confirm_content', { scope })}
                onConfirm={() => {
                    setOpen(false);
                    mutation.mutate();
                }}
                onClose={() => setOpen(false)}
            />
            {mutation.isPending && (
                <LinearProgress
                    sx={{ position: 'absolute', left: 0, right: 0, top: 0 }}
                    data-testid="segments-refreshing"
                />
            )}
        </>
    );
};

/**
 * 客户分群 (#/segments): the latest behavioural segmentation of the branch (head office: every
 * branch summed, or one) — what it was made from, a card per group, the groups compared as a
 * chart or a table, each group's client list (the client_segments report) and 重新分群.
 */
export const SegmentsPage = () => {
    const translate = useTranslate();
    const { canAccess, isPending: rightPending } = useCanAccess({ resource: 'kpis', action: 'list' });
    const { canAccess: canRun } = useCanAccess({ resource: 'kpis', action: 'run' });
    const meta = useResourceMeta();
    const allBranches = getMe()?.all_branches === true;
    const [branchId, setBranchId] = useState<number | null>(null);
    const query = useQuery({
        queryKey: ['segments', branchId],
        queryFn: () => segmentsApi.get(branchId),
        enabled: canAccess === true,
    });
    const data = query.data;
    const groups = useMemo(() => orderedGroups(data?.groups ?? []), [data]);
    const total = groups.reduce((sum, g) => sum + g.clients, 0);
    const date = [...(data?.runs ?? [])].sort((a, b) => b.as_of.localeCompare(a.as_of))[0]?.as_of;

    if (rightPending) return <StateText loading />;
    if (!canAccess) return <Alert severity="warning">{translate('segments.no_right')}</Alert>;
    // the group names come from the data dictionary: wait for it rather than show codes
    const loading = query.isPending || meta.isPending;

    return (
        <Box sx={{ py: 2, pr: 1, position: 'relative' }} data-testid="segments-page">
            <Title title={translate('segments.title')} />
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
                <Typography variant="h6" sx={{ fontWeight: 600 }}>
                    {translate('segments.title')}
                </Typography>
                {allBranches && (
                    <BranchFilter
                        value={branchId}
                        onChange={setBranchId}
                        messages="segments"
                        testId="segments-branch-filter"
                    />
                )}
                <Box sx={{ flex: 1 }} />
                {canRun && <RefreshButton branchId={branchId} allBranches={allBranches} />}
            </Stack>
            {loading || query.error || !data ? (
                <StateText loading={loading} error={query.error} height={240} />
            ) : groups.length === 0 ? (
                <Alert severity="info" data-testid="segments-empty" sx={{ mt: 2 }}>
                    {translate(canRun ? 'segments.empty' : 'segments.empty_read_only')}
                </Alert>
            ) : (
                <Stack spacing={2}>
                    <RunHeader data={data} />
                    <Box
                        sx={{
                            display: 'grid',
                            gap: 2,
                            gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(5, 1fr)' },
                        }}
                    >
                        {groups.map((g) => (
                            <GroupCard key={g.segment} group={g} total={total} date={date ?? ''} branchId={branchId} />
                        ))}
                    </Box>
                    <GroupComparison groups={groups} total={total} />
                </Stack>
            )}
        </Box>
    );
};

export default SegmentsPage;

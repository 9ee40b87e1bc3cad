import { useState } from 'react';
import {
    Box,
    Link,
    Tab,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Tabs,
    ToggleButton,
    ToggleButtonGroup,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useTranslate } from 'react-admin';
import { formatMoney } from '../resources/fund_accounts/money';
import { kpiApi, type DateRange, type RankingBy, type RankingMetric, type RankingRow } from './kpiApi';
import { formatCount } from './kpiFormat';
import { KpiExportButton } from './KpiExportButton';
import { Panel, StateText, compactTable, numCell } from './KpiParts';

/** Top 10 clients, securities or client managers of the period, by turnover or commission. */
export const Rankings = ({ range, branchId }: { range: DateRange; branchId: number | null }) => {
    const translate = useTranslate();
    const [by, setBy] = useState<RankingBy>('clients');
    const [metric, setMetric] = useState<RankingMetric>('turnover');
    const { canAccess: canClients } = useCanAccess({ resource: 'clients', action: 'show' });
    const { canAccess: canSecurities } = useCanAccess({ resource: 'securities', action: 'show' });
    const query = useQuery({
        queryKey: ['kpis', 'rankings', range.from, range.to, by, metric, branchId],
        queryFn: () => kpiApi.rankings({ from: range.from, to: range.to, by, metric, top: 10, branch_id: branchId }),
    });
    const rows = query.data ?? [];
    const href = (r: RankingRow): string | null =>
        by === 'clients' && canClients
            ? `#/clients/${r.id}/show`
            : by === 'securities' && canSecurities
              ? `#/securities/${r.id}/show`
              : null;

    return (
        <Panel
            title={translate('kpis.rankings.title')}
            subtitle={translate('kpis.period.shown', range)}
            testId="kpi-rankings"
            actions={
                <>
                    <ToggleButtonGroup size="small" exclusive value={metric} onChange={(_, v) => v && setMetric(v)}>
                        <ToggleButton value="turnover">{translate('kpis.rankings.by_turnover')}</ToggleButton>
                        <ToggleButton value="commission">{translate('kpis.rankings.by_commission')}</ToggleButton>
                    </ToggleButtonGroup>
                    <KpiExportButton
                        table="rankings"
                        params={{ from: range.from, to: range.to, by, metric, top: 10, branch_id: branchId }}
                        disabled={rows.length === 0}
                    />
                </>
            }
        >
            <Tabs value={by} onChange={(_, v) => setBy(v)} sx={{ minHeight: 36, mb: 1 }}>
                {(['clients', 'securities', 'managers'] as const).map((b) => (
                    <Tab key={b} value={b} label={translate(`kpis.rankings.${b}`)} sx={{ minHeight: 36, py: 0 }} />
                ))}
            </Tabs>
            {query.isPending || query.error || rows.length === 0 ? (
                <StateText loading={query.isPending} error={query.error} empty height={200} />
            ) : (
                <Box sx={{ overflow: 'auto' }}>
                    <Table size="small" sx={compactTable} data-testid="kpi-rankings-table">
                        <TableHead>
                            <TableRow>
                                <TableCell sx={numCell}>{translate('kpis.rankings.rank')}</TableCell>
                                <TableCell>{translate('kpis.rankings.name')}</TableCell>
                                <TableCell>{translate('kpis.rankings.code')}</TableCell>
                                <TableCell sx={{ ...numCell, fontWeight: metric === 'turnover' ? 600 : undefined }}>
                                    {translate('kpis.rankings.turnover')}
                                </TableCell>
                                <TableCell sx={{ ...numCell, fontWeight: metric === 'commission' ? 600 : undefined }}>
                                    {translate('kpis.rankings.commission')}
                                </TableCell>
                                <TableCell sx={numCell}>{translate('kpis.rankings.trades')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map((r) => {
                                const link = href(r);
                                return (
                                    <TableRow key={`${r.rank}-${r.id}`} hover>
                                        <TableCell sx={numCell}>{r.rank}</TableCell>
                                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                            {link ? (
                                                <Link href={link} underline="hover">
                                                    {r.name}
                                                </Link>
                                            ) : (
                                                r.name
                                            )}
                                        </TableCell>
                                        <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{r.code}</TableCell>
                                        <TableCell sx={numCell}>{formatMoney(r.turnover)}</TableCell>
                                        <TableCell sx={numCell}>{formatMoney(r.commission)}</TableCell>
                                        <TableCell sx={numCell}>{formatCount(r.trades)}</TableCell>
                                    </TableRow>
                                );
                            })}
                        </TableBody>
                    </Table>
                </Box>
            )}
        </Panel>
    );
};

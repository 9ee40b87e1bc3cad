import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../resources/fund_accounts/money';
import { kpiApi, type DateRange } from './kpiApi';
import { formatCount } from './kpiFormat';
import { KpiExportButton } from './KpiExportButton';
import { Panel, StateText, compactTable, numCell } from './KpiParts';

/** 客户经理业绩: each client manager's clients, new accounts, assets, turnover and commission. */
export const ManagerTable = ({ range, branchId }: { range: DateRange; branchId: number | null }) => {
    const translate = useTranslate();
    const query = useQuery({
        queryKey: ['kpis', 'managers', range.from, range.to, branchId],
        queryFn: () => kpiApi.managers({ from: range.from, to: range.to, branch_id: branchId }),
    });
    const rows = query.data ?? [];
    return (
        <Panel
            title={translate('kpis.managers.title')}
            subtitle={translate('kpis.period.shown', range)}
            testId="kpi-managers"
            actions={
                <KpiExportButton
                    table="managers"
                    params={{ from: range.from, to: range.to, branch_id: branchId }}
                    disabled={rows.length === 0}
                />
            }
        >
            {query.isPending || query.error || rows.length === 0 ? (
                <StateText loading={query.isPending} error={query.error} empty height={200} />
            ) : (
                <Box sx={{ maxHeight: 420, overflow: 'auto' }}>
                    <Table size="small" stickyHeader sx={compactTable} data-testid="kpi-managers-table">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('kpis.managers.name')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.managers.clients')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.managers.new_clients')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.managers.assets')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.managers.turnover')}</TableCell>
                                <TableCell sx={numCell}>{translate('kpis.managers.commission')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map((r) => (
                                <TableRow key={r.manager_id} hover>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.name}</TableCell>
                                    <TableCell sx={numCell}>{formatCount(r.clients)}</TableCell>
                                    <TableCell sx={numCell}>{formatCount(r.new_clients)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(r.assets)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(r.turnover)}</TableCell>
                                    <TableCell sx={numCell}>{formatMoney(r.commission)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </Box>
            )}
        </Panel>
    );
};

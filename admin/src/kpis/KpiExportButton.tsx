import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useNotify } from 'react-admin';
import { type KpiTable, kpiApi, type Params } from './kpiApi';

/**
 * 导出 Excel: the card's table as the server renders it (GET /api/kpis/<table>/export, the report
 * engine's .xlsx: header block, 序号, 千分位, tiers in words), with the card's current parameters,
 * saved under the server's name. Hidden without the `kpis.export` right (the server refuses it anyway).
 */
export const KpiExportButton = ({
    table,
    params,
    disabled,
}: {
    table: KpiTable;
    params: Params;
    disabled?: boolean;
}) => {
    const { canAccess } = useCanAccess({ resource: 'kpis', action: 'export' });
    const notify = useNotify();
    const { mutate, isPending } = useMutation({
        mutationFn: () => kpiApi.exportXlsx(table, params),
        onSuccess: (name) => notify('kpis.export.done', { type: 'info', messageArgs: { name } }),
        onError: (error) =>
            notify('kpis.export.failed', { type: 'error', messageArgs: { message: (error as Error).message } }),
    });
    if (!canAccess) return null;
    return (
        <Button
            label="kpis.export.button"
            onClick={() => mutate()}
            disabled={disabled || isPending}
            data-testid={`kpi-${table}-export`}
        >
            {isPending ? <CircularProgress size={16} /> : <DownloadIcon />}
        </Button>
    );
};

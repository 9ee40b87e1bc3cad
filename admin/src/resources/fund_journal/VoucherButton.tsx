import PrintIcon from '@mui/icons-material/Print';
import { CircularProgress, IconButton, Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
    Button,
    useCanAccess,
    useDataProvider,
    useNotify,
    useRecordContext,
    useTranslate,
    type Identifier,
} from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';

/**
 * 打印凭证: the voucher of a journal entry (the cash_voucher report) as PDF, saved under the
 * server's name (资金业务凭证-<流水号>.pdf). Shown to operators with the report's download right.
 * `compact` draws an icon for a table row.
 */
export const VoucherButton = ({ entryId, compact = false }: { entryId?: Identifier; compact?: boolean }) => {
    const record = useRecordContext();
    const id = entryId ?? record?.id;
    const { canAccess } = useCanAccess({ resource: 'cash_voucher', action: 'export' });
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<AppDataProvider>();
    const { mutate, isPending } = useMutation({
        mutationFn: () => dataProvider.downloadReport('cash_voucher', 'pdf', { entry_id: String(id) }),
        onSuccess: (name) => notify('reports.download.done', { type: 'info', messageArgs: { name } }),
        onError: (error) =>
            notify('reports.download.failed', { type: 'error', messageArgs: { message: (error as Error).message } }),
    });
    if (!canAccess || id === undefined || id === null) return null;
    const icon = isPending ? <CircularProgress size={16} /> : <PrintIcon />;
    const print = (e: { stopPropagation: () => void }) => {
        e.stopPropagation();
        mutate();
    };
    return compact ? (
        <Tooltip title={translate('ledger.voucher.print')}>
            <span>
                <IconButton
                    size="small"
                    color="primary"
                    aria-label={translate('ledger.voucher.print')}
                    disabled={isPending}
                    onClick={print}
                >
                    {icon}
                </IconButton>
            </span>
        </Tooltip>
    ) : (
        <Button label="ledger.voucher.print" disabled={isPending} onClick={print}>
            {icon}
        </Button>
    );
};

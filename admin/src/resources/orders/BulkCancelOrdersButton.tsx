import CancelIcon from '@mui/icons-material/Cancel';
import { useState } from 'react';
import { Button, Confirm, useListContext, useNotify, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { summarizeCancel, type CancelResult } from './orderStatus';

/** 批量撤单: POST /api/orders/cancel_batch with the selected orders; reports those it could not cancel. */
export const BulkCancelOrdersButton = () => {
    const { selectedIds, data, onUnselectItems } = useListContext();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [loading, setLoading] = useState(false);

    const orderNo = (id: unknown) => data?.find((o) => o.id === id)?.order_no ?? `#${String(id)}`;

    const run = async () => {
        setLoading(true);
        try {
            const { json } = await httpClient(`${API_URL}/orders/cancel_batch`, {
                method: 'POST',
                body: JSON.stringify({ ids: selectedIds.map(Number) }),
            });
            const { cancelled, failed } = summarizeCancel((json ?? []) as CancelResult[]);
            if (failed.length === 0) {
                notify('resources.orders.messages.bulk_done', { type: 'success', messageArgs: { cancelled } });
            } else {
                const details = failed.map((f) => `${orderNo(f.id)} ${f.reason}`).join('；');
                notify('resources.orders.messages.bulk_partial', {
                    type: cancelled ? 'warning' : 'error',
                    messageArgs: { cancelled, failed: failed.length, details },
                    autoHideDuration: 10_000,
                });
            }
            onUnselectItems();
            refresh();
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setLoading(false);
            setOpen(false);
        }
    };

    return (
        <>
            <Button label="resources.orders.actions.bulk_cancel" color="warning" onClick={() => setOpen(true)}>
                <CancelIcon />
            </Button>
            <Confirm
                isOpen={open}
                loading={loading}
                title="resources.orders.messages.bulk_cancel_title"
                content="resources.orders.messages.bulk_cancel_content"
                translateOptions={{ smart_count: selectedIds.length }}
                confirmColor="warning"
                onConfirm={run}
                onClose={() => setOpen(false)}
            />
        </>
    );
};

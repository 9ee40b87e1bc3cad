import CancelIcon from '@mui/icons-material/Cancel';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, type RaRecord } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { isCancellable } from './orderStatus';

/** 撤单 on one open order: the unfilled part is cancelled and its freeze released. */
export const CancelOrderButton = () => {
    const record = useRecordContext();
    return record && isCancellable(record.status) ? <CancelOrderAction record={record} /> : null;
};

const CancelOrderAction = ({ record }: { record: RaRecord }) => {
    const { canAccess } = useCanAccess({ resource: 'orders', action: 'edit', record });
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [loading, setLoading] = useState(false);
    if (!canAccess) return null;

    const run = async () => {
        setLoading(true);
        try {
            await httpClient(`${API_URL}/orders/${encodeURIComponent(String(record.id))}/cancel`, { method: 'POST' });
            notify('resources.orders.messages.cancelled', {
                type: 'success',
                messageArgs: { order_no: record.order_no },
            });
            refresh();
        } catch (error) {
            // "委托已成交、已撤销或不是当日委托" comes as the id field's message
            const fields = (error as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields;
            const message = fields?.id ?? (error as Error).message ?? 'ra.notification.http_error';
            notify(message, { type: 'error', messageArgs: { _: message } });
        } finally {
            setLoading(false);
            setOpen(false);
        }
    };

    return (
        // biome-ignore lint/a11y: a wrapper that only keeps clicks from reaching the list row (dialogs render in a portal, React events still bubble); the Button inside is the control
        <span onClick={(e) => e.stopPropagation()}>
            <Button label="resources.orders.actions.cancel" color="warning" onClick={() => setOpen(true)}>
                <CancelIcon />
            </Button>
            <Confirm
                isOpen={open}
                loading={loading}
                title="resources.orders.messages.confirm_cancel_title"
                titleTranslateOptions={{ order_no: record.order_no }}
                content="resources.orders.messages.confirm_cancel_content"
                confirmColor="warning"
                onConfirm={run}
                onClose={() => setOpen(false)}
            />
        </span>
    );
};

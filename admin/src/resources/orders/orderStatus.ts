/** Order statuses (orders.status), in the order an order goes through them. */
export const ORDER_STATUSES = ['open', 'partially_filled', 'filled', 'cancelled', 'partially_cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

export interface StatusChip {
    /** i18n key of the label: 未成交 / 部分成交 / 已成交 / 已撤单 / 部分撤单 */
    label: string;
    color: ChipColor;
    variant: 'filled' | 'outlined';
}

const CHIPS: Record<OrderStatus, Omit<StatusChip, 'label'>> = {
    open: { color: 'info', variant: 'outlined' },
    partially_filled: { color: 'warning', variant: 'outlined' },
    filled: { color: 'success', variant: 'filled' },
    cancelled: { color: 'default', variant: 'filled' },
    partially_cancelled: { color: 'default', variant: 'outlined' },
};

export const isOrderStatus = (status: unknown): status is OrderStatus =>
    (ORDER_STATUSES as readonly unknown[]).includes(status);

/** How a status shows as a chip; an unknown status shows as itself in grey. */
export const statusChip = (status: unknown): StatusChip =>
    isOrderStatus(status)
        ? { label: `resources.orders.status.${status}`, ...CHIPS[status] }
        : { label: String(status ?? ''), color: 'default', variant: 'outlined' };

/** Only the unfilled part of an open or partly filled order can be cancelled (撤单). */
export const isCancellable = (status: unknown): boolean => status === 'open' || status === 'partially_filled';

export const ORDER_STATUS_CHOICES = ORDER_STATUSES.map(id => ({ id, name: `resources.orders.status.${id}` }));
export const SIDE_CHOICES = [
    { id: 'buy', name: 'resources.orders.side.buy' },
    { id: 'sell', name: 'resources.orders.side.sell' },
];
export const CHANNEL_CHOICES = [
    { id: 'counter', name: 'resources.orders.channel.counter' },
    { id: 'phone', name: 'resources.orders.channel.phone' },
    { id: 'online', name: 'resources.orders.channel.online' },
];

/**
 * The reason POST /api/orders/cancel_batch gives for an order it did not cancel, as an i18n key.
 * The server sends the error's key untranslated: "validation_failed" for an order that is no
 * longer open (its field message is dropped), "not_found" for one outside the branch.
 */
export const cancelErrorKey = (error: unknown): string => {
    switch (error) {
        case 'validation_failed':
        case 'order_not_open':
            return 'resources.orders.cancel_errors.order_not_open';
        case 'not_found':
            return 'resources.orders.cancel_errors.not_found';
        case 'forbidden':
            return 'resources.orders.cancel_errors.forbidden';
        default:
            return 'resources.orders.cancel_errors.other';
    }
};

export interface CancelResult {
    id: number;
    ok: boolean;
    error?: string;
}

/** How many of a bulk cancel went through, and which did not (with the reason's key). */
export const summarizeCancel = (results: CancelResult[]) => ({
    cancelled: results.filter(r => r.ok).length,
    failed: results.filter(r => !r.ok).map(r => ({ id: r.id, reason: cancelErrorKey(r.error), code: r.error ?? '' })),
});

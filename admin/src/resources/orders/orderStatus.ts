/** Order statuses (orders.status), in the order an order goes through them; day-end expires what is left open. */
export const ORDER_STATUSES = [
    'open',
    'partially_filled',
    'filled',
    'cancelled',
    'partially_cancelled',
    'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

export interface StatusChip {
    /** i18n key of the label: 未成交 / 部分成交 / 已成交 / 已撤单 / 部分撤单 / 已失效 */
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
    expired: { color: 'default', variant: 'outlined' },
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

export const ORDER_STATUS_CHOICES = ORDER_STATUSES.map((id) => ({ id, name: `resources.orders.status.${id}` }));
export const SIDE_CHOICES = [
    { id: 'buy', name: 'resources.orders.side.buy' },
    { id: 'sell', name: 'resources.orders.side.sell' },
];
export const CHANNEL_CHOICES = [
    { id: 'counter', name: 'resources.orders.channel.counter' },
    { id: 'phone', name: 'resources.orders.channel.phone' },
    { id: 'online', name: 'resources.orders.channel.online' },
];

/** One line of POST /api/orders/cancel_batch's answer; the server words the reason. */
export interface CancelResult {
    id: number;
    ok: boolean;
    error?: { code: string; message: string };
}

/** How many of a bulk cancel went through, and which did not (with the server's reason). */
export const summarizeCancel = (results: CancelResult[]) => ({
    cancelled: results.filter((r) => r.ok).length,
    failed: results
        .filter((r) => !r.ok)
        .map((r) => ({ id: r.id, reason: r.error?.message ?? '', code: r.error?.code ?? '' })),
});

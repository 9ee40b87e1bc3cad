import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, cancelErrorKey, isCancellable, statusChip, summarizeCancel } from './orderStatus';
import { orderMessages } from './messages';

describe('status → chip', () => {
    it('labels each status with its own key and a colour', () => {
        expect(statusChip('open')).toEqual({ label: 'resources.orders.status.open', color: 'info', variant: 'outlined' });
        expect(statusChip('partially_filled').color).toBe('warning');
        expect(statusChip('filled')).toMatchObject({ color: 'success', variant: 'filled' });
        expect(statusChip('cancelled').color).toBe('default');
        expect(statusChip('partially_cancelled')).toMatchObject({ color: 'default', variant: 'outlined' });
        expect(statusChip('weird')).toEqual({ label: 'weird', color: 'default', variant: 'outlined' });
    });

    it('reads 未成交 / 部分成交 / 已成交 / 已撤单 / 部分撤单', () => {
        expect(ORDER_STATUSES.map(s => orderMessages.zh.resources.orders.status[s])).toEqual(['未成交', '部分成交', '已成交', '已撤单', '部分撤单']);
    });

    it('lets only open and partly filled orders be cancelled', () => {
        expect(ORDER_STATUSES.filter(isCancellable)).toEqual(['open', 'partially_filled']);
    });
});

describe('bulk cancel results', () => {
    it('translates the untranslated keys cancel_batch sends', () => {
        expect(cancelErrorKey('validation_failed')).toBe('resources.orders.cancel_errors.order_not_open');
        expect(cancelErrorKey('not_found')).toBe('resources.orders.cancel_errors.not_found');
        expect(cancelErrorKey('boom')).toBe('resources.orders.cancel_errors.other');
    });

    it('counts what was cancelled and lists what was not', () => {
        expect(
            summarizeCancel([
                { id: 3, ok: false, error: 'validation_failed' },
                { id: 2, ok: true },
                { id: 99, ok: false, error: 'not_found' },
            ]),
        ).toEqual({
            cancelled: 1,
            failed: [
                { id: 3, reason: 'resources.orders.cancel_errors.order_not_open', code: 'validation_failed' },
                { id: 99, reason: 'resources.orders.cancel_errors.not_found', code: 'not_found' },
            ],
        });
    });
});

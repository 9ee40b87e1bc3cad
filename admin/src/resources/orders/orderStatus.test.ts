import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, isCancellable, statusChip, summarizeCancel } from './orderStatus';
import { orderMessages } from './messages';

describe('status → chip', () => {
    it('labels each status with its own key and a colour', () => {
        expect(statusChip('open')).toEqual({
            label: 'resources.orders.status.open',
            color: 'info',
            variant: 'outlined',
        });
        expect(statusChip('partially_filled').color).toBe('warning');
        expect(statusChip('filled')).toMatchObject({ color: 'success', variant: 'filled' });
        expect(statusChip('cancelled').color).toBe('default');
        expect(statusChip('partially_cancelled')).toMatchObject({ color: 'default', variant: 'outlined' });
        expect(statusChip('weird')).toEqual({ label: 'weird', color: 'default', variant: 'outlined' });
    });

    it('reads 未成交 / 部分成交 / 已成交 / 已撤单 / 部分撤单 / 已失效', () => {
        expect(ORDER_STATUSES.map((s) => orderMessages.zh.resources.orders.status[s])).toEqual([
            '未成交',
            '部分成交',
            '已成交',
            '已撤单',
            '部分撤单',
            '已失效',
        ]);
        expect(statusChip('expired')).toMatchObject({ label: 'resources.orders.status.expired', color: 'default' });
    });

    it('lets only open and partly filled orders be cancelled', () => {
        expect(ORDER_STATUSES.filter(isCancellable)).toEqual(['open', 'partially_filled']);
    });
});

describe('bulk cancel results', () => {
    it('counts what was cancelled and lists what was not', () => {
        expect(
            summarizeCancel([
                { id: 3, ok: false, error: { code: 'VALIDATION_FAILED', message: '委托已成交、已撤销或不是当日委托' } },
                { id: 2, ok: true },
                { id: 99, ok: false, error: { code: 'NOT_FOUND', message: '记录不存在' } },
            ]),
        ).toEqual({
            cancelled: 1,
            failed: [
                { id: 3, reason: '委托已成交、已撤销或不是当日委托', code: 'VALIDATION_FAILED' },
                { id: 99, reason: '记录不存在', code: 'NOT_FOUND' },
            ],
        });
    });
});

import { describe, expect, it } from 'vitest';
import { HttpError } from 'react-admin';
import {
    canConfirm,
    createColumns,
    errorFieldLabel,
    keyLabel,
    normalizePreview,
    uploadErrorLines,
} from './importLogic';
import { feeSchedulesMeta, seatsMeta } from './metaFixtures';

const preview = (
    summary: Partial<{ rows: number; create: number; update: number; unchanged: number; errors: number }>,
) =>
    normalizePreview({
        batch_id: 4,
        file_name: 'a.xlsx',
        summary: { rows: 3, create: 0, update: 0, unchanged: 0, errors: 0, ...summary },
        errors: [],
        creates: [],
        updates: [],
    });

describe('import preview', () => {
    it('confirm only for a clean file that changes something', () => {
        expect(canConfirm(preview({ create: 1 }))).toBe(true);
        expect(canConfirm(preview({ update: 2 }))).toBe(true);
        expect(canConfirm(preview({ create: 1, errors: 1 }))).toBe(false);
        expect(canConfirm(preview({ unchanged: 3 }))).toBe(false);
        expect(canConfirm(null)).toBe(false);
    });

    it('normalizes a partial answer', () => {
        expect(normalizePreview({})).toEqual({
            batch_id: NaN,
            file_name: '',
            summary: { rows: 0, create: 0, update: 0, unchanged: 0, errors: 0 },
            errors: [],
            creates: [],
            updates: [],
        });
    });

    it('labels error fields, natural keys and row-level messages', () => {
        expect(errorFieldLabel(feeSchedulesMeta, 'rate', 'zh-CN')).toBe('费率');
        expect(errorFieldLabel(seatsMeta, 'market+seat_no', 'zh-CN')).toBe('市场 + 席位号');
        expect(errorFieldLabel(seatsMeta, '_', 'zh-CN')).toBe('');
        expect(errorFieldLabel(seatsMeta, 'unknown', 'zh-CN')).toBe('unknown');
        expect(keyLabel(seatsMeta, 'en')).toBe('Market + Seat number');
    });

    it('create table columns: declared fields any row sets, in order', () => {
        const cols = createColumns(feeSchedulesMeta, [
            { row: 2, values: { rate: '0.1', fee_item: 'commission' } },
            { row: 3, values: { note: 'x' } },
        ]);
        expect(cols.map((c) => c.name)).toEqual(['fee_item', 'rate', 'note']);
    });

    it('upload errors: the field messages of a 400, else its message', () => {
        const columns = new HttpError('提交的数据有误', 400, {
            error: {
                code: 'VALIDATION_FAILED',
                message: '提交的数据有误',
                fields: { missing_columns: '缺少列：费率' },
            },
        });
        expect(uploadErrorLines(columns)).toEqual(['缺少列：费率']);
        expect(uploadErrorLines(new HttpError('请先登录', 401, { error: { message: '请先登录' } }))).toEqual([
            '请先登录',
        ]);
        expect(uploadErrorLines(new Error('network'))).toEqual(['network']);
    });
});

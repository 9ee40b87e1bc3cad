import { describe, expect, it } from 'vitest';
import { diffRows, formatValue, isIsoTimestamp } from './auditDiff';

describe('diffRows', () => {
    it('marks changed fields of an update', () => {
        expect(
            diffRows({ name: '张三', phone: '1', role_ids: [1] }, { name: '张三', phone: '2', role_ids: [1, 2] }),
        ).toEqual([
            { field: 'phone', before: '1', after: '2', changed: true },
            { field: 'role_ids', before: [1], after: [1, 2], changed: true },
            { field: 'name', before: '张三', after: '张三', changed: false },
        ]);
    });

    it('handles a create (no before) and a delete (no after)', () => {
        expect(diffRows(null, { code: 'x' })).toEqual([
            { field: 'code', before: undefined, after: 'x', changed: true },
        ]);
        expect(diffRows({ code: 'x' }, null)).toEqual([
            { field: 'code', before: 'x', after: undefined, changed: true },
        ]);
        expect(diffRows(null, null)).toEqual([]);
    });

    it('keeps fields only present after', () => {
        expect(diffRows({ a: 1 }, { a: 1, b: 2 }).map((r) => [r.field, r.changed])).toEqual([
            ['b', true],
            ['a', false],
        ]);
    });

    it('treats non-object snapshots as one value', () => {
        expect(diffRows('on', 'off')).toEqual([{ field: 'value', before: 'on', after: 'off', changed: true }]);
    });
});

describe('formatValue', () => {
    it('renders scalars, arrays and objects without JSON syntax', () => {
        expect(formatValue(null)).toBe('—');
        expect(formatValue('abc')).toBe('abc');
        expect(formatValue(12.5)).toBe('12.5');
        expect(formatValue(true)).toBe('✓');
        expect(formatValue([false], { yes: '是', no: '否' })).toBe('否');
        expect(formatValue(['operators.list', 'roles.list'])).toBe('operators.list, roles.list');
        expect(formatValue({ id: 1, code: 'HQ' })).toBe('id: 1; code: HQ');
    });

    it('recognises ISO timestamps', () => {
        expect(isIsoTimestamp('2026-11-22T01:30:00.000Z')).toBe(true);
        expect(isIsoTimestamp('2026-11-22T09:30:00+08:00')).toBe(true);
        expect(isIsoTimestamp('2026-11-22')).toBe(false);
    });
});

import { describe, expect, it } from 'vitest';
import { feeSchedulesMeta } from '../auto/metaFixtures';
import { approvalDiff, approvalRecordId } from './approvalLogic';

const fields = feeSchedulesMeta.fields;
const before = {
    id: 2,
    fee_item: 'commission',
    scope: 'default',
    scope_value: '',
    side: 'both',
    rate: '0.00030000',
    min_fee: '5.00',
    effective_from: '2024-01-01',
    effective_to: null,
    note: 'a',
    version: 1,
};

describe('approvalDiff', () => {
    it('update: payload fields that differ from the record as submitted (version ignored)', () => {
        const payload = { ...before, id: undefined, rate: '0.00025000', note: 'b', version: 1 };
        const diff = approvalDiff({ operation: 'update', before, payload, summary: '' }, fields);
        expect(diff).toMatchObject({ kind: 'changes', deleting: false });
        expect(diff.kind === 'changes' && diff.changes.map((c) => [c.name, c.before, c.after])).toEqual([
            ['rate', '0.00030000', '0.00025000'],
            ['note', 'a', 'b'],
        ]);
    });

    it('create: only the payload, empty values left out', () => {
        const diff = approvalDiff(
            {
                operation: 'create',
                before: null,
                payload: { fee_item: 'commission', scope: 'default', scope_value: '', rate: '0.0002' },
                summary: '',
            },
            fields,
        );
        expect(diff.kind === 'changes' && diff.changes.map((c) => [c.name, c.before, c.after])).toEqual([
            ['fee_item', undefined, 'commission'],
            ['scope', undefined, 'default'],
            ['rate', undefined, '0.0002'],
        ]);
    });

    it('delete: the record that goes (payload holds only the version)', () => {
        const diff = approvalDiff({ operation: 'delete', before, payload: { version: 1 }, summary: '' }, fields);
        expect(diff).toMatchObject({ kind: 'changes', deleting: true });
        expect(diff.kind === 'changes' && diff.changes.map((c) => c.name)).toEqual([
            'fee_item',
            'scope',
            'side',
            'rate',
            'min_fee',
            'effective_from',
            'note',
        ]);
    });

    it('import: counts and file', () => {
        expect(
            approvalDiff({
                operation: 'import',
                before: null,
                payload: { batch_id: 3, create: 2, update: 5 },
                summary: 'fees.xlsx',
            }),
        ).toEqual({
            kind: 'import',
            file: 'fees.xlsx',
            create: 2,
            update: 5,
        });
    });

    it('restore: the request as values, nothing "before"', () => {
        const payload = { backup_id: 7, kind: 'before_clearing', business_date: '2026-11-23', reason: '清算有误' };
        const diff = approvalDiff({ operation: 'restore', before: null, payload, summary: '清算有误' });
        expect(diff.kind === 'changes' && diff.changes.map((c) => [c.name, c.before, c.after])).toEqual([
            ['backup_id', undefined, 7],
            ['kind', undefined, 'before_clearing'],
            ['business_date', undefined, '2026-11-23'],
            ['reason', undefined, '清算有误'],
        ]);
    });

    it('unknown resource (no metadata): every changed key', () => {
        const diff = approvalDiff({
            operation: 'grant',
            before: { permissions: ['a'] },
            payload: { permissions: ['a', 'b'] },
            summary: '',
        });
        expect(diff.kind === 'changes' && diff.changes.map((c) => c.name)).toEqual(['permissions']);
    });
});

describe('approvalRecordId', () => {
    it('points at the record when it exists', () => {
        expect(approvalRecordId({ operation: 'update', record_id: '2', result_id: null, status: 'pending' })).toBe('2');
        expect(approvalRecordId({ operation: 'create', record_id: null, result_id: '15', status: 'approved' })).toBe(
            '15',
        );
        expect(
            approvalRecordId({ operation: 'create', record_id: null, result_id: null, status: 'pending' }),
        ).toBeNull();
        expect(
            approvalRecordId({ operation: 'delete', record_id: '2', result_id: '2', status: 'approved' }),
        ).toBeNull();
        expect(
            approvalRecordId({ operation: 'import', record_id: null, result_id: null, status: 'approved' }),
        ).toBeNull();
    });
});

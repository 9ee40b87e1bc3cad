import { describe, expect, it } from 'vitest';
import { detailText, historyActionKey, isDeleteSubmission, sortHistory } from './historyLogic';
import type { HistoryEntry } from './types';

const entry = (id: number, at: string, action = 'update'): HistoryEntry => ({
    id,
    at,
    action,
    operator_id: 1,
    username: 'admin',
    before: null,
    after: null,
    detail: '',
});

describe('change history', () => {
    it('newest first, ties by id', () => {
        const rows = [
            entry(1, '2026-11-22T01:00:00Z'),
            entry(3, '2026-11-22T02:00:00Z'),
            entry(2, '2026-11-22T02:00:00Z'),
        ];
        expect(sortHistory(rows).map((r) => r.id)).toEqual([3, 2, 1]);
    });

    it('translates the actions the brief names, others through the audit trail words', () => {
        expect(historyActionKey('submit')).toBe('auto.history.actions.submit');
        expect(historyActionKey('change_code')).toBe('auto.history.actions.change_code');
        expect(historyActionKey('export')).toBe('audit_actions.export');
    });

    it('words approval and import references of the detail', () => {
        const t = (key: string, args: Record<string, unknown>) => `${key}(${String(args.id)})`;
        expect(detailText('approval #12', t)).toBe('auto.history.approval_ref(12)');
        expect(detailText('import #3 (approval #4)', t)).toBe(
            'auto.history.import_ref(3) (auto.history.approval_ref(4))',
        );
        expect(detailText('600000 → 600001', t)).toBe('600000 → 600001');
        expect(detailText(null, t)).toBe('');
    });

    it('recognises a submitted deletion', () => {
        expect(isDeleteSubmission({ action: 'submit', after: { version: 3 } })).toBe(true);
        expect(isDeleteSubmission({ action: 'submit', after: { version: 3, rate: '0.1' } })).toBe(false);
        expect(isDeleteSubmission({ action: 'delete', after: null })).toBe(false);
    });
});

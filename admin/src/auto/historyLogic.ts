import type { HistoryEntry } from './types';

/** Audit actions with a wording of their own on the history tab. */
export const HISTORY_ACTIONS = [
    'create',
    'update',
    'delete',
    'submit',
    'approve',
    'reject',
    'import',
    'change_code',
] as const;

/** The i18n key of an action's name; unknown actions fall back to their code where this is used. */
export const historyActionKey = (action: string): string =>
    (HISTORY_ACTIONS as readonly string[]).includes(action)
        ? `auto.history.actions.${action}`
        : `audit_actions.${action}`;

/** Newest first; ties (one transaction) by id, latest first. */
export const sortHistory = (rows: HistoryEntry[]): HistoryEntry[] =>
    [...rows].sort((a, b) => {
        const ta = Date.parse(a.at);
        const tb = Date.parse(b.at);
        if (ta !== tb) return (Number.isNaN(tb) ? 0 : tb) - (Number.isNaN(ta) ? 0 : ta);
        return b.id - a.id;
    });

/**
 * The server's audit detail mentions approvals and import batches in English ("approval #3",
 * "import #12"); those references read in the UI's language, the rest stays as written.
 */
export const detailText = (
    detail: string | null | undefined,
    t: (key: string, args: Record<string, unknown>) => string,
): string =>
    (detail ?? '')
        .replace(/\bapproval #(\d+)/g, (_m, id) => t('auto.history.approval_ref', { id }))
        .replace(/\bimport #(\d+)/g, (_m, id) => t('auto.history.import_ref', { id }));

/** A submitted deletion (复核): its payload carries only the version it was asked against. */
export const isDeleteSubmission = (row: Pick<HistoryEntry, 'action' | 'after'>): boolean =>
    row.action === 'submit' &&
    !!row.after &&
    typeof row.after === 'object' &&
    Object.keys(row.after as object).every((k) => k === 'version');

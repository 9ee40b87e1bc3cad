import type { HistoryEntry } from './types';

/** Audit actions with a wording of their own on the history tab. */
export const HISTORY_ACTIONS = ['create', 'update', 'delete', 'submit', 'approve', 'reject', 'import', 'change_code'] as const;

/** The i18n key of an action's name; unknown actions fall back to their code where this is used. */
export const historyActionKey = (action: string): string =>
    (HISTORY_ACTIONS as readonly string[]).includes(action) ? `auto.history.actions.${action}` : `audit_actions.${action}`;

/** Newest first; ties (one transaction) by id, latest first. */
export const sortHistory = (rows: HistoryEntry[]): HistoryEntry[] =>
    [...rows].sort((a, b) => {
        const ta = Date.parse(a.at);
        const tb = Date.parse(b.at);
        if (ta !== tb) return (Number.isNaN(tb) ? 0 : tb) - (Number.isNaN(ta) ? 0 : ta);
        return b.id - a.id;
    });

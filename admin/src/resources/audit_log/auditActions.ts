/** Audit actions the server writes today; names are i18n keys (audit_actions.<action>). */
export const AUDIT_ACTIONS = [
    'login',
    'login_failed',
    'logout',
    'forbidden',
    'create',
    'update',
    'delete',
    'enable',
    'disable',
    'reset_password',
    'change_password',
] as const;

export const AUDIT_ACTION_CHOICES = AUDIT_ACTIONS.map(id => ({ id, name: `audit_actions.${id}` }));

/** Actions worth a second look in the trail. */
export const WARNING_ACTIONS: ReadonlySet<string> = new Set(['login_failed', 'forbidden', 'disable', 'delete']);

/** The date filters pick whole local days; the server compares UTC timestamps. */
export const startOfLocalDay = (date: string): string | null => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return null;
    return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toISOString();
};

export const endOfLocalDay = (date: string): string | null => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return null;
    return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999).toISOString();
};

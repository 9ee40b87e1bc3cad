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
    'export',
    'import',
    'submit',
    'approve',
    'reject',
    'change_code',
] as const;

export const AUDIT_ACTION_CHOICES = AUDIT_ACTIONS.map((id) => ({ id, name: `audit_actions.${id}` }));

/** Actions worth a second look in the trail. */
export const WARNING_ACTIONS: ReadonlySet<string> = new Set(['login_failed', 'forbidden', 'disable', 'delete']);

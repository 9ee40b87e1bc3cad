/** Actions worth a second look in the trail. The actions and their words are the data dictionary's (audit_action). */
export const WARNING_ACTIONS: ReadonlySet<string> = new Set([
    'login_failed',
    'forbidden',
    'disable',
    'delete',
    'forged',
]);

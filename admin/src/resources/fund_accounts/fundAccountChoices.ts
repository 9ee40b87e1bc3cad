/** Fund account statuses; names are i18n keys, translated by choice inputs. */
export const FUND_ACCOUNT_STATUS_CHOICES = [
    { id: 'active', name: 'resources.fund_accounts.status.active' },
    { id: 'closed', name: 'resources.fund_accounts.status.closed' },
];

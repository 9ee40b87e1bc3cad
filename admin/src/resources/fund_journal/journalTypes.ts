import { normalizeAmount } from '../fund_accounts/money';

/** Every type a fund journal entry can have (DOMAIN.md §3.3); the server's CHECK holds the same list. */
export const JOURNAL_TYPES = [
    'deposit',
    'withdrawal',
    'transfer_in',
    'transfer_out',
    'remit_in',
    'remit_out',
    'bank_in',
    'bank_out',
    'trade_buy',
    'trade_sell',
    'fee',
    'interest',
    'freeze',
    'unfreeze',
    'reversal',
] as const;
export type JournalType = (typeof JOURNAL_TYPES)[number];

/** What an operator may post at the counter; trades, fees, interest and reversals come from elsewhere. */
export const POSTING_TYPES = [
    'deposit',
    'withdrawal',
    'bank_in',
    'bank_out',
    'transfer_in',
    'transfer_out',
    'remit_in',
    'remit_out',
    'freeze',
    'unfreeze',
] as const satisfies readonly JournalType[];
export type PostingType = (typeof POSTING_TYPES)[number];

export const FREEZE_KINDS = ['same_day', 'long_term'] as const;
export type FreezeKind = (typeof FREEZE_KINDS)[number];

/** The i18n key of a journal type's label; unknown types fall back to the code itself. */
export const journalTypeLabel = (type: string): string => `resources.fund_journal.types.${type}`;

export const freezeKindLabel = (kind: string): string => `resources.fund_journal.freeze_kind.${kind}`;

export const JOURNAL_TYPE_CHOICES = JOURNAL_TYPES.map((id) => ({ id, name: journalTypeLabel(id) }));
export const POSTING_TYPE_CHOICES = POSTING_TYPES.map((id) => ({ id, name: journalTypeLabel(id) }));
export const FREEZE_KIND_CHOICES = FREEZE_KINDS.map((id) => ({ id, name: freezeKindLabel(id) }));

/** 银证转账 names the bank the cash comes from or goes to. */
export const needsBank = (type: unknown): boolean => type === 'bank_in' || type === 'bank_out';

/** A freeze is same-day (released by day-end) or long-term (长期冻结); an unfreeze says which it releases. */
export const needsFreezeKind = (type: unknown): boolean => type === 'freeze' || type === 'unfreeze';

/** Cash leaving the branch: only withdrawable cash may go (DOMAIN.md §3.3). */
export const isOutflow = (type: unknown): boolean =>
    type === 'withdrawal' || type === 'transfer_out' || type === 'remit_out' || type === 'bank_out';

/** A same-day reversal may be asked for any entry except a reversal itself (the server checks the date). */
export const isReversible = (entry: { [key: string]: unknown } | undefined): boolean =>
    !!entry && entry.type !== 'reversal' && (entry.reverses_id === null || entry.reverses_id === undefined);

export interface PostingForm {
    type?: string;
    amount?: string;
    reference?: string;
    bank_code?: string | null;
    freeze_kind?: string | null;
}

/** The body of POST /api/fund_journal: bank and freeze kind only where the type uses them. */
export const toPosting = (values: PostingForm, accountId: number, idempotencyKey: string) => ({
    account_id: accountId,
    type: values.type,
    amount: normalizeAmount(values.amount),
    reference: (values.reference ?? '').trim(),
    bank_code: needsBank(values.type) ? values.bank_code || null : null,
    freeze_kind: needsFreezeKind(values.type) ? values.freeze_kind || 'same_day' : null,
    idempotency_key: idempotencyKey,
});

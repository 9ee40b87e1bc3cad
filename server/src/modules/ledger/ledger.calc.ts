import { Decimal } from 'decimal.js';

/** A fund account's money as the ledger rules see it (decimal strings, 2 places). */
export interface AccountState {
  balance: string;
  frozen: string;
  unwithdrawable: string;
  credit_line: string;
}

export const CREDIT_TYPES = ['deposit', 'transfer_in', 'remit_in', 'bank_in', 'interest', 'trade_sell'] as const;
export const DEBIT_TYPES = ['withdrawal', 'transfer_out', 'remit_out', 'bank_out', 'trade_buy', 'fee'] as const;
/** Cash leaving the branch: only withdrawable cash may go (DOMAIN.md §3.3). */
export const OUTFLOW_TYPES = ['withdrawal', 'transfer_out', 'remit_out', 'bank_out'] as const;
export type CreditType = (typeof CREDIT_TYPES)[number];
export type DebitType = (typeof DEBIT_TYPES)[number];
export type PostingType = CreditType | DebitType | 'freeze' | 'unfreeze';
/** Every type a journal entry can have: the postings and the reversal of one. */
export const JOURNAL_TYPES = [...CREDIT_TYPES, ...DEBIT_TYPES, 'freeze', 'unfreeze', 'reversal'] as const;

export type LedgerProblem =
  | 'amount_not_positive'
  | 'amount_precision'
  | 'insufficient_withdrawable'
  | 'insufficient_available'
  | 'insufficient_frozen'
  | 'reversal_breaks_balance';

/** The effect of one entry: on the balance (`amount`, signed) and on the frozen part. */
export interface Effect {
  amount: Decimal;
  frozen_delta: Decimal;
}

export const available = (s: AccountState) => new Decimal(s.balance).minus(s.frozen);
/** Withdrawable: available, less today's sale proceeds; a credit line never makes cash withdrawable. */
export const withdrawable = (s: AccountState) => Decimal.max(0, available(s).minus(s.unwithdrawable));

/** A posting's effect on an account, from its type and (positive) amount. */
export function effectOf(type: PostingType, amount: Decimal): Effect {
  if ((CREDIT_TYPES as readonly string[]).includes(type)) return { amount, frozen_delta: new Decimal(0) };
  if ((DEBIT_TYPES as readonly string[]).includes(type)) return { amount: amount.neg(), frozen_delta: new Decimal(0) };
  if (type === 'freeze') return { amount: new Decimal(0), frozen_delta: amount };
  return { amount: new Decimal(0), frozen_delta: amount.neg() };
}

/** The account after an effect, or why it may not happen. Invariants (DOMAIN.md §3.3): frozen ≥ 0,
 * balance − frozen ≥ −credit line. */
export function apply(s: AccountState, e: Effect): AccountState | null {
  const balance = new Decimal(s.balance).plus(e.amount);
  const frozen = new Decimal(s.frozen).plus(e.frozen_delta);
  if (frozen.isNegative() || balance.minus(frozen).lt(new Decimal(s.credit_line).neg())) return null;
  // proceeds not yet withdrawable shrink with the balance they are part of (not with the
  // available part: a freeze and its unfreeze must not turn today's proceeds withdrawable)
  const unwithdrawable = Decimal.min(s.unwithdrawable, Decimal.max(0, balance));
  return {
    balance: balance.toFixed(2),
    frozen: frozen.toFixed(2),
    unwithdrawable: unwithdrawable.toFixed(2),
    credit_line: s.credit_line,
  };
}

/**
 * Checks and applies a posting (DOMAIN.md §3.3): the amount is a positive number of cents; an
 * outflow takes only withdrawable cash (never frozen cash, never today's proceeds); a freeze takes
 * only available cash; an unfreeze releases only frozen cash.
 */
export function post(
  s: AccountState,
  type: PostingType,
  amountText: string,
): { state: AccountState; effect: Effect } | { problem: LedgerProblem } {
  const amount = new Decimal(amountText);
  if (!amount.isFinite() || amount.lte(0)) return { problem: 'amount_not_positive' };
  if (amount.decimalPlaces() > 2) return { problem: 'amount_precision' };
  if ((OUTFLOW_TYPES as readonly string[]).includes(type) && amount.gt(withdrawable(s)))
    return { problem: 'insufficient_withdrawable' };
  if (type === 'freeze' && amount.gt(available(s))) return { problem: 'insufficient_available' };
  if (type === 'unfreeze' && amount.gt(s.frozen)) return { problem: 'insufficient_frozen' };
  const effect = effectOf(type, amount);
  const state = apply(s, effect);
  if (!state)
    return {
      problem: (DEBIT_TYPES as readonly string[]).includes(type) ? 'insufficient_available' : 'insufficient_frozen',
    };
  // sale proceeds buy at once but are withdrawable only from the next day (DOMAIN.md §3.2)
  if (type === 'trade_sell') state.unwithdrawable = new Decimal(state.unwithdrawable).plus(amount).toFixed(2);
  return { state, effect };
}

/** A same-day reversal (当日冲销): the opposite effect, refused if it would break an invariant
 * (e.g. reversing a deposit whose cash has already been withdrawn). */
export function reverse(
  s: AccountState,
  original: { amount: string; frozen_delta: string },
): { state: AccountState; effect: Effect } | { problem: LedgerProblem } {
  const effect = { amount: new Decimal(original.amount).neg(), frozen_delta: new Decimal(original.frozen_delta).neg() };
  // reversing a credit takes cash out: it must be withdrawable cash
  if (effect.amount.isNegative() && effect.amount.neg().gt(withdrawable(s)))
    return { problem: 'reversal_breaks_balance' };
  const state = apply(s, effect);
  return state ? { state, effect } : { problem: 'reversal_breaks_balance' };
}

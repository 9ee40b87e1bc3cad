import { Decimal } from 'decimal.js';

/** The fee items of an A-share trade (DOMAIN.md §3.1). */
export const FEE_ITEMS = ['commission', 'stamp_duty', 'transfer_fee', 'handling_fee', 'regulatory_fee'] as const;
export type FeeItem = (typeof FEE_ITEMS)[number];
export type Side = 'buy' | 'sell';

/** A fee schedule row as the rules see it. */
export interface Schedule {
  id: number;
  fee_item: string;
  scope: string;
  scope_value: string;
  side: string;
  rate: string;
  min_fee: string;
  effective_from: string;
  effective_to: string | null;
}

/** What fee resolution needs to know of a trade. */
export interface TradeFacts {
  date: string;
  side: Side;
  market: string;
  security_type: string;
  board: string;
  client_class?: string | null;
  client_id?: string | null;
}

/**
 * Scope precedence, most specific first (DOMAIN.md §3.1: client → client class → security
 * type/board → market → default). Board outranks security type where both exist.
 */
export const SCOPE_RANK: Record<string, number> = {
  client: 6,
  client_class: 5,
  board: 4,
  security_type: 3,
  market: 2,
  default: 1,
};

function scopeMatches(s: Schedule, t: TradeFacts): boolean {
  switch (s.scope) {
    case 'default':
      return true;
    case 'market':
      return s.scope_value === t.market;
    case 'security_type':
      return s.scope_value === t.security_type;
    case 'board':
      return s.scope_value === t.board;
    case 'client_class':
      return !!t.client_class && s.scope_value === t.client_class;
    case 'client':
      return !!t.client_id && s.scope_value === t.client_id;
    default:
      return false;
  }
}

/** In force on `date`: effective_from ≤ date ≤ effective_to (open-ended when null). */
export const inForce = (s: Pick<Schedule, 'effective_from' | 'effective_to'>, date: string) =>
  s.effective_from <= date && (s.effective_to === null || date <= s.effective_to);

/**
 * Picks, per fee item, the schedule that governs a trade: in force on the trade date, for its
 * side (or both sides), the most specific scope winning; an exact side beats "both" at equal scope.
 */
export function resolveSchedules(
  schedules: readonly Schedule[],
  trade: TradeFacts,
): Partial<Record<FeeItem, Schedule>> {
  const out: Partial<Record<FeeItem, Schedule>> = {};
  const score = (s: Schedule) => (SCOPE_RANK[s.scope] ?? 0) * 2 + (s.side === trade.side ? 1 : 0);
  for (const s of schedules) {
    if (!(FEE_ITEMS as readonly string[]).includes(s.fee_item)) continue;
    if (s.side !== 'both' && s.side !== trade.side) continue;
    if (!inForce(s, trade.date) || !scopeMatches(s, trade)) continue;
    const item = s.fee_item as FeeItem;
    const best = out[item];
    if (!best || score(s) > score(best)) out[item] = s;
  }
  return out;
}

export interface FeeBreakdown {
  amount: string;
  commission: string;
  stamp_duty: string;
  transfer_fee: string;
  handling_fee: string;
  regulatory_fee: string;
  /** what the client pays on top of (buy) or out of (sell) the amount: commission + stamp duty + transfer fee */
  total_fees: string;
  /** commission net of the handling and regulatory fees it includes (净佣金) */
  net_commission: string;
  /** buy: amount + fees (cash needed); sell: amount − fees (cash received) */
  net_amount: string;
}

const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * A trade's fees, to the cent (DOMAIN.md §3.1): amount = price × quantity; each fee item is
 * amount × rate rounded half-up to the cent, per item per trade; commission is at least its
 * minimum (5.00 by default). The commission includes the handling and regulatory fees, so the
 * client pays commission + stamp duty (sell only, by its schedule's side) + transfer fee.
 */
export function computeFees(
  trade: { side: Side; price: string; quantity: number },
  schedules: Partial<Record<FeeItem, Pick<Schedule, 'rate' | 'min_fee'>>>,
): FeeBreakdown {
  const amount = cents(new Decimal(trade.price).times(trade.quantity));
  const fee = (item: FeeItem) => {
    const s = schedules[item];
    if (!s) return new Decimal(0);
    const f = cents(amount.times(s.rate));
    return item === 'commission' ? Decimal.max(f, s.min_fee) : f;
  };
  const commission = amount.isZero() ? new Decimal(0) : fee('commission');
  const stamp = fee('stamp_duty');
  const transfer = fee('transfer_fee');
  const handling = fee('handling_fee');
  const regulatory = fee('regulatory_fee');
  const total = commission.plus(stamp).plus(transfer);
  return {
    amount: amount.toFixed(2),
    commission: commission.toFixed(2),
    stamp_duty: stamp.toFixed(2),
    transfer_fee: transfer.toFixed(2),
    handling_fee: handling.toFixed(2),
    regulatory_fee: regulatory.toFixed(2),
    total_fees: total.toFixed(2),
    net_commission: commission.minus(handling).minus(regulatory).toFixed(2),
    net_amount: (trade.side === 'buy' ? amount.plus(total) : amount.minus(total)).toFixed(2),
  };
}

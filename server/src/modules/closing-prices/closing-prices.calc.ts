import { Decimal } from 'decimal.js';
import { priceBand, type SecurityFacts } from '../orders/order-checks.calc.js';

/**
 * The simulated exchange's close (and the demo history's): a random walk from the previous close,
 * close = prev × (1 + (u − 0.5) × 0.7 × limit), u uniform in [0, 1) — at most 35 % of the daily
 * limit either way — rounded half-up to the tick and held inside the day's band (priceBand, as
 * the exchanges publish it), so it is a price the security could have traded at.
 */
export function walkClose(s: Pick<SecurityFacts, 'prev_close' | 'price_limit_pct' | 'tick'>, u: number): string {
  const move = new Decimal(u).minus('0.5').times('0.7').times(new Decimal(s.price_limit_pct).div(100));
  const raw = new Decimal(s.prev_close).times(move.plus(1));
  const onTick = raw.div(s.tick).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(s.tick);
  const { down, up } = priceBand(s);
  return Decimal.min(up, Decimal.max(down, onTick)).toFixed(3);
}

export type CloseDateProblem = {
  key: 'close_date_future' | 'close_date_closed';
  params: { date: string; open: string };
};

/**
 * Only the open business date takes closes (entered, imported or simulated): a later date has
 * not traded yet, and an earlier one is closed — its day-end made its closes the next day's
 * previous closes, the base of that day's price bands (DOMAIN.md §3.2), and valued its holdings.
 */
export function closeDateProblem(date: string, open: string): CloseDateProblem | null {
  if (date > open) return { key: 'close_date_future', params: { date, open } };
  if (date < open) return { key: 'close_date_closed', params: { date, open } };
  return null;
}

import { Decimal } from 'decimal.js';

/**
 * Interest on an accrual base (利息积数, DOMAIN.md §3.4): base × annual rate / 360, half-up to the
 * cent. The base is a sum of daily closing balances, so dividing by 360 (the banks' day count for
 * demand deposits, 活期) turns it into a year's worth of balance. A base of zero or less earns nothing.
 */
export function interestOn(base: Decimal.Value, annualRate: Decimal.Value): string {
  const b = new Decimal(base);
  if (!b.isFinite() || b.lte(0)) return '0.00';
  return b.times(annualRate).div(360).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * Is day-end of `date` the one that capitalises (转息日)? `dates` are month-days (`03-20`); a
 * 转息日 on a weekend or holiday is honoured by the last day-end before it passes, i.e. the
 * trading day `date` whose next trading day `next` comes after it.
 */
export function capitalisationDue(dates: readonly string[], date: string, next: string): boolean {
  const year = Number(date.slice(0, 4));
  return dates
    .filter((md) => /^\d{2}-\d{2}$/.test(md))
    .some((md) => [year, year + 1].some((y) => `${y}-${md}` >= date && `${y}-${md}` < next));
}

/**
 * Period arithmetic of the KPI screen (DOMAIN.md §6: 环比 month on month, 同比 year on year).
 * Pure: dates are 'YYYY-MM-DD' text, the trading calendar comes in as a predicate.
 */
export type PeriodKind = 'day' | 'month' | 'ytd' | 'range';
export interface Span {
  from: string;
  to: string;
}
export interface Periods {
  period: Span;
  /** 环比: the preceding period of the same kind */
  previous: Span;
  /** 同比: the same period a year earlier */
  year_ago: Span;
}

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromTime(toTime(d) + n * DAY);
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m: 1–12
const ymd = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The same day `months` months away, clamped to the month's last day (03-31 − 1 month = 02-28 or 02-29). */
export function shiftMonths(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return ymd(ny, nm, Math.min(day, lastDayOfMonth(ny, nm)));
}

/** The last trading day strictly before `d` (a fortnight back at most: the longest holiday is a week). */
export function previousTradingDay(d: string, isTradingDay: (d: string) => boolean): string {
  let x = addDays(d, -1);
  for (let i = 0; i < 31 && !isTradingDay(x); i++) x = addDays(x, -1);
  return x;
}

/** `d` itself when it is a trading day, else the last trading day before it. */
export function tradingDayOnOrBefore(d: string, isTradingDay: (d: string) => boolean): string {
  return isTradingDay(d) ? d : previousTradingDay(d, isTradingDay);
}

/**
 * The period a KPI request names, and the two it is compared with:
 * - day D: D; 环比 the previous trading day; 同比 the trading day on or before D a year earlier;
 * - month to D: the 1st of D's month … D; 环比 the previous month's 1st … the same day (clamped to
 *   its last day); 同比 the same month a year earlier, to the same day;
 * - ytd to D: 1 January … D; 环比 and 同比 both the previous year's ytd to the same day;
 * - range from … to: 环比 the range of as many calendar days just before it; 同比 the range a year earlier.
 * Month, ytd and range periods are calendar spans: days without trading add nothing to their sums,
 * and their snapshots (assets, accounts) are taken at the span's last day.
 */
export function periodsOf(
  kind: PeriodKind,
  date: string,
  range: Partial<Span>,
  isTradingDay: (d: string) => boolean,
): Periods {
  switch (kind) {
    case 'day': {
      const prev = previousTradingDay(date, isTradingDay);
      const ya = tradingDayOnOrBefore(shiftMonths(date, -12), isTradingDay);
      return { period: { from: date, to: date }, previous: { from: prev, to: prev }, year_ago: { from: ya, to: ya } };
    }
    case 'month': {
      const first = `${date.slice(0, 8)}01`;
      return {
        period: { from: first, to: date },
        previous: { from: shiftMonths(first, -1), to: shiftMonths(date, -1) },
        year_ago: { from: shiftMonths(first, -12), to: shiftMonths(date, -12) },
      };
    }
    case 'ytd': {
      const lastYear = { from: `${shiftMonths(date, -12).slice(0, 4)}-01-01`, to: shiftMonths(date, -12) };
      return { period: { from: `${date.slice(0, 4)}-01-01`, to: date }, previous: lastYear, year_ago: { ...lastYear } };
    }
    case 'range': {
      const from = range.from!;
      const to = range.to!;
      const days = Math.round((toTime(to) - toTime(from)) / DAY) + 1;
      return {
        period: { from, to },
        previous: { from: addDays(from, -days), to: addDays(from, -1) },
        year_ago: { from: shiftMonths(from, -12), to: shiftMonths(to, -12) },
      };
    }
  }
}

/** A day of the trading calendar. */
export interface CalendarDay {
  date: string;
  is_trading_day: boolean;
}

/**
 * The first trading day strictly after `date` (DOMAIN.md §3.5 step 11: the business date rolls
 * to the next trading day of the calendar). `days` may be in any order; null when the calendar
 * has no later trading day (it must then be extended).
 */
export function nextTradingDay(days: readonly CalendarDay[], date: string): string | null {
  let best: string | null = null;
  for (const d of days) if (d.is_trading_day && d.date > date && (best === null || d.date < best)) best = d.date;
  return best;
}

/** Weekends are never trading days; weekday holidays are listed. Builds one market's year. */
export function buildYear(year: number, holidays: ReadonlyMap<string, string>): (CalendarDay & { note: string })[] {
  const out: (CalendarDay & { note: string })[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    const holiday = holidays.get(date);
    out.push({ date, is_trading_day: !weekend && !holiday, note: holiday ?? (weekend ? '周末' : '') });
  }
  return out;
}

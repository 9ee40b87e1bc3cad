/** A day of the month view: its date, and whether it belongs to the month shown. */
export interface GridDay {
    date: string;
    day: number;
    inMonth: boolean;
    /** 1 = Monday … 7 = Sunday (ISO) */
    weekday: number;
}

/** What a day is on a market's calendar. */
export type DayKind = 'trading' | 'holiday' | 'weekend' | 'missing';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoWeekday = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;

/** `YYYY-MM` of a date (`YYYY-MM-DD`). */
export const monthOf = (date: string) => date.slice(0, 7);

/** The month `delta` months from `month` (`YYYY-MM`). */
export const shiftMonth = (month: string, delta: number): string => {
    const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + delta, 1));
    return iso(d).slice(0, 7);
};

/**
 * The month as whole weeks, Monday first (the Chinese calendar's week): the days before the 1st
 * and after the last day fill the first and last weeks, marked outside the month.
 */
export const monthGrid = (month: string): GridDay[][] => {
    const year = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7)) - 1;
    const first = new Date(Date.UTC(year, m, 1));
    const start = new Date(first);
    start.setUTCDate(1 - (isoWeekday(first) - 1));
    const weeks: GridDay[][] = [];
    for (const d = new Date(start); weeks.length === 0 || d.getUTCMonth() === m; ) {
        const week: GridDay[] = [];
        for (let i = 0; i < 7; i++) {
            week.push({ date: iso(d), day: d.getUTCDate(), inMonth: d.getUTCMonth() === m, weekday: isoWeekday(d) });
            d.setUTCDate(d.getUTCDate() + 1);
        }
        weeks.push(week);
    }
    return weeks;
};

/** The first and last day a grid shows (to fetch them in one request). */
export const gridRange = (weeks: GridDay[][]) => ({
    from: weeks[0]![0]!.date,
    to: weeks[weeks.length - 1]![6]!.date,
});

/**
 * A day's kind from its calendar row: a trading day; a closed weekday is a holiday (with the row's
 * note: 国庆节 …); a closed Saturday or Sunday a weekend; no row: missing from the calendar.
 */
export const dayKind = (day: Pick<GridDay, 'weekday'>, row?: { is_trading_day: boolean } | null): DayKind => {
    if (!row) return 'missing';
    if (row.is_trading_day) return 'trading';
    return day.weekday >= 6 ? 'weekend' : 'holiday';
};

/** How many days of each kind the month (its own days only) has. */
export const monthCounts = (weeks: GridDay[][], rows: Map<string, { is_trading_day: boolean }>) => {
    const counts: Record<DayKind, number> = { trading: 0, holiday: 0, weekend: 0, missing: 0 };
    for (const week of weeks) for (const day of week) if (day.inMonth) counts[dayKind(day, rows.get(day.date))]++;
    return counts;
};

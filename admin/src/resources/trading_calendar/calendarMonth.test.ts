import { describe, expect, it } from 'vitest';
import { dayKind, gridRange, monthCounts, monthGrid, monthOf, shiftMonth } from './calendarMonth';

describe('the month view of the trading calendar', () => {
    it.each([
        ['2026-11', 1, '2026-12'],
        ['2026-12', 1, '2027-01'],
        ['2026-01', -1, '2025-12'],
        ['2026-03', -13, '2025-02'],
        ['2026-11', 0, '2026-11'],
    ])('%s shifted by %i is %s', (month, delta, expected) => expect(shiftMonth(month, delta)).toBe(expected));

    it('takes the month of a date', () => expect(monthOf('2026-11-23')).toBe('2026-11'));

    it('lays November 2026 out in Monday-first weeks (the 1st is a Sunday)', () => {
        const weeks = monthGrid('2026-11');
        expect(weeks).toHaveLength(6);
        expect(weeks[0]!.map((d) => d.date)).toEqual([
            '2026-10-26',
            '2026-10-27',
            '2026-10-28',
            '2026-10-29',
            '2026-10-30',
            '2026-10-31',
            '2026-11-01',
        ]);
        expect(weeks[0]![6]).toEqual({ date: '2026-11-01', day: 1, inMonth: true, weekday: 7 });
        expect(weeks[0]![0]!.inMonth).toBe(false);
        expect(weeks[5]!.map((d) => d.day)).toEqual([30, 1, 2, 3, 4, 5, 6]);
        expect(gridRange(weeks)).toEqual({ from: '2026-10-26', to: '2026-12-06' });
        for (const week of weeks) expect(week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });

    it.each([
        ['2026-06', 5, '2026-06-01'], // starts on a Monday
        ['2027-02', 4, '2027-02-01'], // 28 days from a Monday: exactly four weeks
        ['2026-02', 5, '2026-01-26'], // the 1st a Sunday, the 28th a Saturday
    ])('%s has %i weeks from %s', (month, n, from) => {
        const weeks = monthGrid(month);
        expect(weeks).toHaveLength(n);
        expect(weeks[0]![0]!.date).toBe(from);
    });

    it('tells trading days, holidays and weekends apart', () => {
        expect(dayKind({ weekday: 3 }, { is_trading_day: true })).toBe('trading');
        expect(dayKind({ weekday: 4 }, { is_trading_day: false })).toBe('holiday');
        expect(dayKind({ weekday: 6 }, { is_trading_day: false })).toBe('weekend');
        expect(dayKind({ weekday: 7 }, { is_trading_day: false })).toBe('weekend');
        expect(dayKind({ weekday: 1 }, undefined)).toBe('missing');
    });

    it('counts the month’s own days', () => {
        const weeks = monthGrid('2026-10');
        const rows = new Map<string, { is_trading_day: boolean }>();
        for (const w of weeks)
            for (const d of w)
                rows.set(d.date, {
                    is_trading_day: d.weekday < 6 && !(d.date >= '2026-10-01' && d.date <= '2026-10-07'),
                });
        expect(monthCounts(weeks, rows)).toEqual({ trading: 17, holiday: 5, weekend: 9, missing: 0 });
    });
});

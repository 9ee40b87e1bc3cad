import { describe, expect, it } from 'vitest';
import { buildYear, nextTradingDay } from './calendar.calc.js';

describe('trading calendar', () => {
  const holidays = new Map([
    ['2026-10-01', '国庆节'],
    ['2026-10-02', '国庆节'],
    ['2026-10-05', '国庆节'],
    ['2026-10-06', '国庆节'],
    ['2026-10-07', '国庆节'],
  ]);
  const year = buildYear(2026, holidays);

  it('has every day of the year, weekends and holidays closed', () => {
    expect(year).toHaveLength(365);
    expect(year.find((d) => d.date === '2026-11-21')).toMatchObject({ is_trading_day: false, note: '周末' });
    expect(year.find((d) => d.date === '2026-10-01')).toMatchObject({ is_trading_day: false, note: '国庆节' });
    expect(year.find((d) => d.date === '2026-11-23')).toMatchObject({ is_trading_day: true, note: '' });
  });

  it.each([
    ['2026-11-20', '2026-11-23'], // Friday → Monday
    ['2026-11-23', '2026-11-24'],
    ['2026-09-30', '2026-10-08'], // over the National Day closure
    ['2026-11-21', '2026-11-23'], // from a Saturday
  ])('after %s comes %s', (from, next) => expect(nextTradingDay(year, from)).toBe(next));

  it('says so when the calendar ends', () => expect(nextTradingDay(year, '2026-12-31')).toBeNull());
});

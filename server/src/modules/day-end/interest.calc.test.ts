import { describe, expect, it } from 'vitest';
import { capitalisationDue, interestOn } from './interest.calc.js';

describe('interest on an accrual base (利息积数 × 年利率 / 360, half-up to the cent)', () => {
  it.each([
    ['0', '0.0035', '0.00'],
    ['-100.00', '0.0035', '0.00'],
    ['360000.00', '0.0035', '3.50'],
    // 514.29 × 0.0035 / 360 = 0.0050000… → half-up
    ['514.29', '0.0035', '0.01'],
    ['514.28', '0.0035', '0.00'],
    // 102857.14 × 0.0035 / 360 = 0.999999…
    ['102857.14', '0.0035', '1.00'],
    // a month of 320 million: 9,600,000,000 × 0.0035 / 360 = 93,333.333…
    ['9600000000.00', '0.0035', '93333.33'],
    ['1000000.00', '0.0072', '20.00'],
    ['1234567.89', '0', '0.00'],
  ])('base %s at %s → %s', (base, rate, interest) => expect(interestOn(base, rate)).toBe(interest));
});

describe('转息日: which day-end capitalises', () => {
  const dates = ['03-20', '06-20', '09-20', '12-20'];
  it.each([
    ['2026-12-18', '2026-12-21', true], // Friday before a Sunday 20th
    ['2026-12-21', '2026-12-22', false],
    ['2026-06-19', '2026-06-22', true], // 20 June 2026 is a Saturday
    ['2026-03-20', '2026-03-23', true], // on the day
    ['2026-03-19', '2026-03-20', false], // the day before: the 20th's own day-end capitalises
    ['2026-12-31', '2027-01-04', false],
    ['2026-11-23', '2026-11-24', false],
  ] as const)('day-end of %s (next %s) → %s', (date, next, due) =>
    expect(capitalisationDue(dates, date, next)).toBe(due),
  );
  it('ignores malformed month-days', () =>
    expect(capitalisationDue(['12/20', ''], '2026-12-18', '2026-12-21')).toBe(false));
  it('spans the year end', () => expect(capitalisationDue(['01-01'], '2026-12-31', '2027-01-04')).toBe(true));
});

import { describe, expect, it } from 'vitest';
import {
    addDays,
    formatAxisMoney,
    formatBp,
    formatCount,
    formatMoneyIn,
    formatPermille,
    formatSignedCount,
    moneyAxisUnit,
    monthStartBefore,
    percentChange,
    toChartNumber,
} from './kpiFormat';

describe('money axes in 万元 / 亿元', () => {
    it('picks 亿元 from one 亿 upwards, 万元 below', () => {
        expect(moneyAxisUnit([1e8, 5])).toBe('yi');
        expect(moneyAxisUnit([-2e8])).toBe('yi');
        expect(moneyAxisUnit([99_999_999.99])).toBe('wan');
        expect(moneyAxisUnit([])).toBe('wan');
    });

    it('labels an axis value in its unit with 千分位 and at most two decimals', () => {
        expect(formatAxisMoney(12_345_678, 'wan')).toBe('1,234.57');
        expect(formatAxisMoney(168_500_000, 'yi')).toBe('1.69');
        expect(formatAxisMoney(300_000_000, 'yi')).toBe('3');
        expect(formatAxisMoney(0, 'wan')).toBe('0');
        expect(formatAxisMoney(-50_000, 'wan')).toBe('-5');
        expect(formatAxisMoney(Number.NaN, 'wan')).toBe('');
    });

    it('shows a decimal string in 万元 / 亿元 with two decimals, exactly', () => {
        expect(formatMoneyIn('320000000.00', 'yi')).toBe('3.20');
        expect(formatMoneyIn('1685000000.55', 'wan')).toBe('168,500.00');
        expect(formatMoneyIn('12345.67', 'wan')).toBe('1.23');
        expect(formatMoneyIn(null, 'wan')).toBe('');
    });
});

describe('环比 / 同比', () => {
    it('is the change in percent with its sign and one decimal', () => {
        expect(percentChange('1685000000', '1300000000')).toEqual({ text: '+29.6%', sign: 1 });
        expect(percentChange('90', '100')).toEqual({ text: '-10.0%', sign: -1 });
        expect(percentChange('100.00', '100')).toEqual({ text: '0.0%', sign: 0 });
        expect(percentChange(250, 100)).toEqual({ text: '+150.0%', sign: 1 });
        expect(percentChange('2600', '100')).toEqual({ text: '+2,500.0%', sign: 1 });
    });

    it('compares a negative previous figure by its size', () => {
        expect(percentChange('50', '-100')).toEqual({ text: '+150.0%', sign: 1 });
    });

    it('is nothing without a previous figure or with a previous of zero', () => {
        expect(percentChange('100', '0')).toBeNull();
        expect(percentChange('100', null)).toBeNull();
        expect(percentChange(undefined, '1')).toBeNull();
        expect(percentChange('abc', '1')).toBeNull();
    });

    it('rounds half away from zero on the decimal, not on a float', () => {
        // 0.05% exactly: a float would give 0.04999…
        expect(percentChange('100.05', '100')).toEqual({ text: '+0.1%', sign: 1 });
        expect(percentChange('99.95', '100')).toEqual({ text: '-0.1%', sign: -1 });
    });
});

describe('万分之, 千分之 and counts', () => {
    it('shows market share in 万分之 (zh) or basis points (en)', () => {
        expect(formatBp('3.86', 'zh-CN')).toBe('万分之3.86');
        expect(formatBp('3.8649', 'zh')).toBe('万分之3.86');
        expect(formatBp('3.865', 'en')).toBe('3.87 bp');
        expect(formatBp(null, 'en')).toBe('');
    });

    it('shows a commission rate in 千分之', () => {
        expect(formatPermille('0.2534')).toBe('0.253‰');
        expect(formatPermille('1')).toBe('1.000‰');
    });

    it('groups counts and signs net changes', () => {
        expect(formatCount(14300)).toBe('14,300');
        expect(formatCount('-1234')).toBe('-1,234');
        expect(formatSignedCount(210)).toBe('+210');
        expect(formatSignedCount(-3)).toBe('-3');
        expect(formatSignedCount(0)).toBe('0');
        expect(formatCount(undefined)).toBe('');
    });

    it('feeds charts numbers from decimal strings', () => {
        expect(toChartNumber('1234.50')).toBe(1234.5);
        expect(toChartNumber(null)).toBe(0);
    });
});

describe('dates', () => {
    it('moves by calendar days and months', () => {
        expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
        expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
        expect(monthStartBefore('2026-12-03', 11)).toBe('2026-01-01');
        expect(monthStartBefore('2026-03-15', 3)).toBe('2025-12-01');
        expect(monthStartBefore('2026-03-15', 0)).toBe('2026-03-01');
    });
});

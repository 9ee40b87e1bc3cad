import Decimal from 'decimal.js';
import { formatMoney, groupThousands } from '../resources/fund_accounts/money';

/**
 * Pure formatting for the KPI page. Figures arrive as decimal strings and are shown exactly
 * (千分位, two decimals) through formatMoney; ratios (环比/同比) are computed with decimal.js.
 * Floats appear only where a chart needs a number for its axis (toChartNumber).
 */

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

const asDecimal = (value: unknown): Decimal | null => {
    if (value === null || value === undefined) return null;
    const text = String(value).trim();
    if (!DECIMAL.test(text)) return null;
    return new Decimal(text);
};

/** A decimal string as a number, for a chart's series only (never for money shown as text). */
export const toChartNumber = (value: unknown): number => {
    const d = asDecimal(value);
    return d ? d.toNumber() : 0;
};

export type MoneyUnit = 'yuan' | 'wan' | 'yi';

/** The unit of a money axis from its largest absolute value: 亿元 from 1 亿, 万元 otherwise. */
export const moneyAxisUnit = (values: number[]): MoneyUnit => {
    const max = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    return max >= 1e8 ? 'yi' : 'wan';
};

const DIVISOR: Record<MoneyUnit, number> = { yuan: 1, wan: 1e4, yi: 1e8 };

/** An axis label in the unit (the unit itself is the axis name): 12345678 in 万 → "1,234.57". */
export const formatAxisMoney = (value: number, unit: MoneyUnit): string => {
    if (!Number.isFinite(value)) return '';
    const scaled = new Decimal(value).div(DIVISOR[unit]).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const sign = scaled.isNegative() && !scaled.isZero() ? '-' : '';
    const [int, frac] = scaled.abs().toFixed().split('.');
    return `${sign}${groupThousands(int!)}${frac ? `.${frac}` : ''}`;
};

/** A money figure in 万元 / 亿元 with two decimals, from its decimal string ("168500000.00", 'yi' → "1.69"). */
export const formatMoneyIn = (value: unknown, unit: MoneyUnit): string => {
    const d = asDecimal(value);
    if (!d) return '';
    return formatMoney(d.div(DIVISOR[unit]).toFixed(2, Decimal.ROUND_HALF_UP));
};

export interface Change {
    /** "+12.3%", "-4.0%", "0.0%" */
    text: string;
    sign: -1 | 0 | 1;
}

/**
 * 环比 / 同比: (current − previous) / |previous| as a percentage with its sign and one decimal.
 * Null when there is nothing to compare with (no previous figure, or a previous of zero).
 */
export const percentChange = (current: unknown, previous: unknown): Change | null => {
    const cur = asDecimal(current);
    const prev = asDecimal(previous);
    if (!cur || !prev || prev.isZero()) return null;
    const pct = cur.minus(prev).div(prev.abs()).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
    if (pct.isZero()) return { text: '0.0%', sign: 0 };
    const sign = pct.isNegative() ? -1 : 1;
    return {
        text: `${sign > 0 ? '+' : '-'}${groupThousands(pct.abs().toFixed(1).split('.')[0]!)}.${pct.abs().toFixed(1).split('.')[1]}%`,
        sign,
    };
};

/** Market share in 万分之 (basis points) with two decimals: zh "万分之3.86", en "3.86 bp". */
export const formatBp = (value: unknown, locale: string): string => {
    const d = asDecimal(value);
    if (!d) return '';
    const text = d.toFixed(2, Decimal.ROUND_HALF_UP);
    return locale.startsWith('zh') ? `万分之${text}` : `${text} bp`;
};

/** A rate in 千分之 (commission rate): "0.253‰" with three decimals. */
export const formatPermille = (value: unknown): string => {
    const d = asDecimal(value);
    return d ? `${d.toFixed(3, Decimal.ROUND_HALF_UP)}‰` : '';
};

/** A count with 千分位: 14300 → "14,300". */
export const formatCount = (value: unknown): string => {
    const d = asDecimal(value);
    if (!d) return '';
    const text = d.toFixed(0);
    return text.startsWith('-') ? `-${groupThousands(text.slice(1))}` : groupThousands(text);
};

/** A signed count: +210, -3, 0. */
export const formatSignedCount = (value: unknown): string => {
    const d = asDecimal(value);
    if (!d) return '';
    const text = formatCount(value);
    return d.gt(0) ? `+${text}` : text;
};

/** Adds days to a YYYY-MM-DD date (calendar days, UTC, no time zone drift). */
export const addDays = (date: string, days: number): string => {
    const t = new Date(`${date}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + days);
    return t.toISOString().slice(0, 10);
};

/** The first day of the month `months` months before the date's month: ("2026-12-03", 11) → "2026-01-01". */
export const monthStartBefore = (date: string, months: number): string => {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const index = y * 12 + (m - 1) - months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return `${year}-${String(month).padStart(2, '0')}-01`;
};

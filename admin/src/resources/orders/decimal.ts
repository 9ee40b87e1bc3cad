/**
 * Exact decimal arithmetic on the server's decimal strings ("1452.000", "0.010", "10.00"), done
 * on BigInt digits: prices, price bands and market values are never put through a binary float.
 */
import { groupDecimal } from '../fund_accounts/money';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/** A decimal as an integer of units of 10^-scale: "12.50" → { units: 1250n, scale: 2 }. */
export interface Scaled {
    units: bigint;
    scale: number;
}

export const parseDecimal = (value: unknown): Scaled | null => {
    if (value === null || value === undefined) return null;
    const match = DECIMAL.exec(String(value).trim());
    if (!match) return null;
    const fraction = match[3] ?? '';
    const units = BigInt(`${match[2]}${fraction}`);
    return { units: match[1] === '-' ? -units : units, scale: fraction.length };
};

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** numerator / denominator rounded half away from zero (denominator > 0). */
export const divideHalfUp = (numerator: bigint, denominator: bigint): bigint => {
    const negative = numerator < 0n;
    const n = negative ? -numerator : numerator;
    const q = (2n * n + denominator) / (2n * denominator);
    return negative ? -q : q;
};

/** Units of 10^-scale as text with exactly `scale` decimals: (-1250n, 2) → "-12.50". */
export const formatScaled = (units: bigint, scale: number): string => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
    const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
    return negative ? `-${text}` : text;
};

/** The value at another scale, rounded half-up when decimals are dropped. */
export const rescale = (value: Scaled, scale: number): bigint =>
    scale >= value.scale
        ? value.units * pow10(scale - value.scale)
        : divideHalfUp(value.units, pow10(value.scale - scale));

/** A decimal string with exactly `places` decimals, half-up; null for anything not a decimal. */
export const toFixedDecimal = (value: unknown, places: number): string | null => {
    const parsed = parseDecimal(value);
    return parsed ? formatScaled(rescale(parsed, places), places) : null;
};

/** a × b with `places` decimals, half-up: ("5050", "10.850", 2) → "54792.50". */
export const multiplyDecimal = (a: unknown, b: unknown, places = 2): string | null => {
    const x = parseDecimal(a);
    const y = parseDecimal(b);
    if (!x || !y) return null;
    return formatScaled(rescale({ units: x.units * y.units, scale: x.scale + y.scale }, places), places);
};

/** a − b with `places` decimals, half-up. */
export const subtractDecimal = (a: unknown, b: unknown, places = 2): string | null => {
    const x = parseDecimal(a);
    const y = parseDecimal(b);
    if (!x || !y) return null;
    const scale = Math.max(x.scale, y.scale);
    return formatScaled(rescale({ units: rescale(x, scale) - rescale(y, scale), scale }, places), places);
};

/** -1, 0 or 1 by comparing two decimals (null when either is not a decimal). */
export const compareDecimal = (a: unknown, b: unknown): -1 | 0 | 1 | null => {
    const x = parseDecimal(a);
    const y = parseDecimal(b);
    if (!x || !y) return null;
    const scale = Math.max(x.scale, y.scale);
    const d = rescale(x, scale) - rescale(y, scale);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** The decimals a tick really has: "0.010" → 2, "0.001" → 3, "1" → 0. */
export const tickPlaces = (tick: unknown): number => {
    const parsed = parseDecimal(tick);
    if (!parsed) return 2;
    let { units, scale } = parsed;
    while (scale > 0 && units % 10n === 0n) {
        units /= 10n;
        scale -= 1;
    }
    return scale;
};

/**
 * A price as a clerk reads it: the server's 3 decimals trimmed to the tick's (or to at least 2):
 * "1452.000" → "1,452.00", "1.234" → "1.234". Anything that is not a decimal comes back as text.
 */
export const formatPrice = (value: unknown, tick?: unknown): string => {
    if (value === null || value === undefined) return '';
    const parsed = parseDecimal(value);
    if (!parsed) return String(value);
    const places = tick !== undefined ? tickPlaces(tick) : Math.max(2, tickPlaces(value));
    // shown with 千分位 like every amount on screen (a 1,452.03 share price)
    return groupDecimal(formatScaled(rescale(parsed, places), places));
};

export interface PriceBand {
    /** 跌停价 */
    down: string;
    /** 涨停价 */
    up: string;
}

/**
 * The daily price band (涨跌停价): previous close × (1 ± pct/100), each rounded half-up to a
 * whole number of ticks, the lower one at least one tick — as the exchanges publish them and as
 * the server checks orders (order-checks.calc.ts priceBand).
 */
export const priceBand = (prevClose: unknown, limitPct: unknown, tick: unknown): PriceBand | null => {
    const prev = parseDecimal(prevClose);
    const pct = parseDecimal(limitPct);
    const t = parseDecimal(tick);
    if (!prev || !pct || !t || t.units <= 0n || prev.units <= 0n) return null;
    // ticks = prev × (100 ± pct) / (100 × tick), all as integers over a common denominator
    const hundred = 100n * pow10(pct.scale);
    const denominator = pow10(prev.scale) * pow10(pct.scale) * 100n * t.units;
    const ticksAt = (factor: bigint) => divideHalfUp(prev.units * factor * pow10(t.scale), denominator);
    const upTicks = ticksAt(hundred + pct.units);
    let downTicks = ticksAt(hundred - pct.units);
    if (downTicks < 1n) downTicks = 1n;
    const places = tickPlaces(tick);
    const asPrice = (ticks: bigint) =>
        formatScaled(rescale({ units: ticks * t.units, scale: t.scale }, places), places);
    return { down: asPrice(downTicks), up: asPrice(upTicks) };
};

/** A decimal without its trailing zeros: "10.00" → "10", "5.50" → "5.5", "100" → "100". */
export const trimDecimal = (value: unknown): string => {
    const text = String(value ?? '');
    return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
};

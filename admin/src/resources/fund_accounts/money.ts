import { Decimal } from 'decimal.js';

/**
 * Money arrives from the server as decimal strings ("1234567.89", "-500.00"): it is formatted
 * with decimal.js, never through a binary float, so no cent is ever lost or invented on screen.
 */

/**
 * A plain decimal as the server writes it ("-12.5", ".5", "+42"), else null. decimal.js would
 * also read "1e5", "0x1f" or "Infinity": text like that is shown as it is, not as a number.
 */
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)$/;
export const asDecimal = (value: unknown): Decimal | null => {
    if (value === null || value === undefined) return null;
    const text = String(value).trim();
    return PLAIN.test(text) ? new Decimal(text) : null;
};

/** "1234567" → "1,234,567" */
export const groupThousands = (integer: string): string => integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A decimal as the server sent it (exact), its whole part in groups of three: "6403448952.70" → "6,403,448,952.70". */
export const groupDecimal = (text: string): string => {
    const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(text);
    return m ? `${m[1]}${groupThousands(m[2]!)}${m[3] ?? ''}` : text;
};

/** `d` with exactly `places` decimals, half away from zero, grouped; never "-0.00". */
const fixed = (d: Decimal, places: number): string => {
    const rounded = d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    return groupDecimal((rounded.isZero() ? rounded.abs() : rounded).toFixed(places));
};

/**
 * A decimal string with thousands separators and exactly 2 decimals: "-1234.5" → "-1,234.50".
 * More than 2 decimals are rounded half away from zero. Anything that is not a plain decimal
 * (null, "", "abc") comes back unchanged (empty text for null/undefined).
 */
export const formatMoney = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const d = asDecimal(value);
    return d ? fixed(d, 2) : String(value).trim();
};

/**
 * A price as a clerk reads it: the server's 3 decimals trimmed to the tick's (or to at least 2),
 * grouped like every amount on screen: "1452.000" → "1,452.00", "1.234" → "1.234", ("0.450",
 * tick "0.001") → "0.450". Anything that is not a decimal comes back as text.
 */
export const formatPrice = (value: unknown, tick?: unknown): string => {
    if (value === null || value === undefined) return '';
    const d = asDecimal(value);
    if (!d) return String(value);
    const places = tick !== undefined ? (asDecimal(tick)?.decimalPlaces() ?? 2) : Math.max(2, d.decimalPlaces());
    return fixed(d, places);
};

/** -1, 0 or 1 by the sign of a decimal string (0 for zero or for anything not a number). */
export const moneySign = (value: unknown): -1 | 0 | 1 => {
    const d = asDecimal(value);
    return !d || d.isZero() ? 0 : d.isNegative() ? -1 : 1;
};

/** What the operator typed, cleaned of grouping commas and spaces (半角/全角): "10,000.00" → "10000.00". */
export const normalizeAmount = (text: unknown): string => String(text ?? '').replace(/[\s,，]/g, '');

/** Up to 16 integer digits (numeric(18,2)) and at most 2 decimals, as the ledger keeps cents. */
const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

/**
 * Validates a counter amount: undefined when fine, else the i18n key of the problem. The server
 * checks again (limits, available cash); this only catches typing mistakes early.
 */
export const amountProblem = (text: unknown): string | undefined => {
    const amount = normalizeAmount(text);
    if (amount === '') return 'ra.validation.required';
    if (!AMOUNT.test(amount)) return 'ledger.validation.amount_format';
    if (!/[1-9]/.test(amount)) return 'ledger.validation.amount_positive';
    return undefined;
};

/**
 * Whether an amount is to be confirmed before it is sent (柜台确认): above the line, the system
 * parameter the server hands out (confirm_cash_above, confirm_order_above). Without a known line
 * — not loaded yet, or unreadable — every amount is confirmed: a missing line never skips it.
 */
export const aboveConfirmLine = (amount: unknown, line: unknown): boolean => {
    const a = asDecimal(normalizeAmount(amount));
    const l = asDecimal(line);
    return !a || !l || a.gt(l);
};

import { compareDecimal } from '../orders/decimal';

/**
 * Money arrives from the server as decimal strings ("1234567.89", "-500.00"): it is formatted
 * as text, never through a binary float, so no cent is ever lost or invented on screen.
 */

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;
const DIGITS = '0123456789';

/** Adds one to a string of digits ("0999" → "1000"), carrying as far as needed. */
const incrementDigits = (digits: string): string => {
    const out = digits.split('');
    for (let i = out.length - 1; i >= 0; i--) {
        if (out[i] !== '9') {
            out[i] = DIGITS[DIGITS.indexOf(out[i]!) + 1]!;
            return out.join('');
        }
        out[i] = '0';
    }
    return `1${out.join('')}`;
};

/** "1234567" → "1,234,567" */
export const groupThousands = (integer: string): string => integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A decimal as the server sent it (exact), its whole part in groups of three: "6403448952.70" → "6,403,448,952.70". */
export const groupDecimal = (text: string): string => {
    const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(text);
    return m ? `${m[1]}${groupThousands(m[2]!)}${m[3] ?? ''}` : text;
};

/**
 * A decimal string with thousands separators and exactly 2 decimals: "-1234.5" → "-1,234.50".
 * More than 2 decimals are rounded half away from zero, on the digits. Anything that is not a
 * plain decimal (null, "", "abc") comes back unchanged (empty text for null/undefined).
 */
export const formatMoney = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = String(value).trim();
    const match = DECIMAL.exec(text);
    if (!match || (!match[2] && !match[3])) return text;
    const sign = match[1] === '-' ? '-' : '';
    const integer = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
    const fraction = match[3] ?? '';
    // All the digits as a whole number of cents, rounded on the third decimal.
    let cents = integer + fraction.slice(0, 2).padEnd(2, '0');
    if (fraction.length > 2 && fraction[2]! >= '5') cents = incrementDigits(cents);
    const whole = cents.slice(0, -2).replace(/^0+(?=\d)/, '') || '0';
    const result = `${groupThousands(whole)}.${cents.slice(-2)}`;
    return sign && /[1-9]/.test(cents) ? `${sign}${result}` : result;
};

/** -1, 0 or 1 by the sign of a decimal string (0 for zero or for anything not a number). */
export const moneySign = (value: unknown): -1 | 0 | 1 => {
    if (value === null || value === undefined) return 0;
    const match = DECIMAL.exec(String(value).trim());
    if (!match || !/[1-9]/.test(`${match[2] ?? ''}${match[3] ?? ''}`)) return 0;
    return match[1] === '-' ? -1 : 1;
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
    const vs = compareDecimal(normalizeAmount(amount), line);
    return vs === null || vs > 0;
};

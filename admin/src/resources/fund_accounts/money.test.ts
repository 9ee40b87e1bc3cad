import { describe, expect, it } from 'vitest';
import {
    aboveConfirmLine,
    amountProblem,
    formatMoney,
    formatPrice,
    groupDecimal,
    groupThousands,
    moneySign,
    normalizeAmount,
} from './money';

describe('formatMoney', () => {
    it.each([
        ['0', '0.00'],
        ['0.00', '0.00'],
        ['5', '5.00'],
        ['12.3', '12.30'],
        ['999.99', '999.99'],
        ['1000', '1,000.00'],
        ['1234567.89', '1,234,567.89'],
        ['-1234.5', '-1,234.50'],
        ['-0.01', '-0.01'],
        ['-0.00', '0.00'],
        ['+42', '42.00'],
        ['.5', '0.50'],
        ['007.10', '7.10'],
        ['  88.8 ', '88.80'],
    ])('%s → %s', (input, expected) => {
        expect(formatMoney(input)).toBe(expected);
    });

    it('keeps every digit of values beyond a float (16 integer digits)', () => {
        expect(formatMoney('9999999999999999.99')).toBe('9,999,999,999,999,999.99');
        expect(formatMoney('-1234567890123456.07')).toBe('-1,234,567,890,123,456.07');
        expect(formatMoney('123456789012345678901234.5')).toBe('123,456,789,012,345,678,901,234.50');
    });

    it('rounds a third decimal half away from zero, carrying through the digits', () => {
        expect(formatMoney('1.005')).toBe('1.01');
        expect(formatMoney('1.004')).toBe('1.00');
        expect(formatMoney('999999.995')).toBe('1,000,000.00');
        expect(formatMoney('-0.005')).toBe('-0.01');
        expect(formatMoney('-0.0049')).toBe('0.00');
    });

    it('accepts JSON numbers and leaves what is not a decimal alone', () => {
        expect(formatMoney(1500)).toBe('1,500.00');
        expect(formatMoney(null)).toBe('');
        expect(formatMoney(undefined)).toBe('');
        expect(formatMoney('')).toBe('');
        expect(formatMoney('abc')).toBe('abc');
        expect(formatMoney('-')).toBe('-');
        expect(formatMoney('1e5')).toBe('1e5');
    });
});

describe('money helpers', () => {
    it('groups thousands', () => {
        expect(groupThousands('1')).toBe('1');
        expect(groupThousands('123')).toBe('123');
        expect(groupThousands('1234')).toBe('1,234');
        expect(groupThousands('1234567')).toBe('1,234,567');
    });

    it('tells the sign', () => {
        expect(moneySign('-3.00')).toBe(-1);
        expect(moneySign('0.00')).toBe(0);
        expect(moneySign('-0.00')).toBe(0);
        expect(moneySign('12')).toBe(1);
        expect(moneySign(null)).toBe(0);
        expect(moneySign('x')).toBe(0);
    });

    it('cleans typed amounts', () => {
        expect(normalizeAmount(' 10,000.00 ')).toBe('10000.00');
        expect(normalizeAmount('1，000')).toBe('1000');
        expect(normalizeAmount(undefined)).toBe('');
    });

    it('validates a counter amount to the cent', () => {
        expect(amountProblem('100')).toBeUndefined();
        expect(amountProblem('100.5')).toBeUndefined();
        expect(amountProblem('1,000.25')).toBeUndefined();
        expect(amountProblem('0.01')).toBeUndefined();
        expect(amountProblem('')).toBe('ra.validation.required');
        expect(amountProblem(undefined)).toBe('ra.validation.required');
        expect(amountProblem('1.234')).toBe('ledger.validation.amount_format');
        expect(amountProblem('-5')).toBe('ledger.validation.amount_format');
        expect(amountProblem('1e3')).toBe('ledger.validation.amount_format');
        expect(amountProblem('12345678901234567')).toBe('ledger.validation.amount_format');
        expect(amountProblem('0')).toBe('ledger.validation.amount_positive');
        expect(amountProblem('0.00')).toBe('ledger.validation.amount_positive');
    });

    it('asks for confirmation above the line, and whenever the line is unknown', () => {
        expect(aboveConfirmLine('50000.01', '50000')).toBe(true);
        expect(aboveConfirmLine('1,234,567.80', '50000')).toBe(true);
        expect(aboveConfirmLine('50000', '50000')).toBe(false);
        expect(aboveConfirmLine('50000.00', '50000')).toBe(false);
        expect(aboveConfirmLine('9.99', '50000')).toBe(false);
        expect(aboveConfirmLine('0.01', '0')).toBe(true);
        expect(aboveConfirmLine('100', undefined)).toBe(true);
        expect(aboveConfirmLine('100', 'abc')).toBe(true);
    });
});

describe('groupDecimal', () => {
    it('groups the whole part and keeps every decimal the server sent', () => {
        expect(groupDecimal('6403448952.70')).toBe('6,403,448,952.70');
        expect(groupDecimal('-1234.5')).toBe('-1,234.5');
        expect(groupDecimal('0.00012500')).toBe('0.00012500');
        expect(groupDecimal('999')).toBe('999');
        expect(groupDecimal('abc')).toBe('abc');
    });
});

describe('formatPrice', () => {
    it('shows a price to its tick, or to at least 2 decimals, grouped', () => {
        expect(formatPrice('1452.000')).toBe('1,452.00');
        expect(formatPrice('1.234')).toBe('1.234');
        expect(formatPrice('10.5')).toBe('10.50');
        expect(formatPrice('0.450', '0.001')).toBe('0.450');
        expect(formatPrice('11.560', '0.010')).toBe('11.56');
        expect(formatPrice(null)).toBe('');
        expect(formatPrice('abc')).toBe('abc');
    });
});

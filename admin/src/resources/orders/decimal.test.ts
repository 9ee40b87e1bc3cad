import { describe, expect, it } from 'vitest';
import {
    compareDecimal,
    formatPrice,
    multiplyDecimal,
    parseDecimal,
    priceBand,
    subtractDecimal,
    tickPlaces,
    toFixedDecimal,
    trimDecimal,
} from './decimal';

describe('decimal strings', () => {
    it('parses plain decimals only', () => {
        expect(parseDecimal('12.50')).toEqual({ units: 1250n, scale: 2 });
        expect(parseDecimal('-0.010')).toEqual({ units: -10n, scale: 3 });
        expect(parseDecimal(' 7 ')).toEqual({ units: 7n, scale: 0 });
        for (const bad of ['', 'abc', '1e5', '.5', '1.2.3', null, undefined]) expect(parseDecimal(bad)).toBeNull();
    });

    it('rounds half away from zero when dropping decimals', () => {
        expect(toFixedDecimal('1.005', 2)).toBe('1.01');
        expect(toFixedDecimal('1.004', 2)).toBe('1.00');
        expect(toFixedDecimal('-1.005', 2)).toBe('-1.01');
        expect(toFixedDecimal('3', 2)).toBe('3.00');
    });

    it('multiplies exactly (a float would give 0.1 × 3 = 0.30000000000000004)', () => {
        expect(multiplyDecimal('0.1', '3')).toBe('0.30');
        expect(multiplyDecimal(5050, '10.850')).toBe('54792.50');
        expect(multiplyDecimal('100', '1452.000')).toBe('145200.00');
        expect(multiplyDecimal('3', '0.335')).toBe('1.01'); // 1.005 half-up
        expect(multiplyDecimal('123456789', '9999.999')).toBe('1234567766543.21');
        expect(multiplyDecimal('x', '1')).toBeNull();
    });

    it('subtracts and compares', () => {
        expect(subtractDecimal('1000000.00', '145245.01')).toBe('854754.99');
        expect(subtractDecimal('0.00', '5.5')).toBe('-5.50');
        expect(compareDecimal('10.50', '10.5')).toBe(0);
        expect(compareDecimal('10.49', '10.5')).toBe(-1);
        expect(compareDecimal('0.001', '0')).toBe(1);
    });

    it('knows the decimals of a tick and formats prices to it', () => {
        expect(tickPlaces('0.010')).toBe(2);
        expect(tickPlaces('0.001')).toBe(3);
        expect(tickPlaces('1')).toBe(0);
        expect(formatPrice('1452.000')).toBe('1,452.00');
        expect(formatPrice('1.234')).toBe('1.234');
        expect(formatPrice('10.5')).toBe('10.50');
        expect(formatPrice('0.450', '0.001')).toBe('0.450');
        expect(formatPrice(null)).toBe('');
    });

    it('trims trailing zeros of a decimal only', () => {
        expect(trimDecimal('10.00')).toBe('10');
        expect(trimDecimal('5.50')).toBe('5.5');
        expect(trimDecimal('100')).toBe('100');
    });
});

describe('priceBand (涨跌停价)', () => {
    it('is prev close ± pct, to the tick', () => {
        expect(priceBand('1452.000', '10.00', '0.010')).toEqual({ down: '1306.80', up: '1597.20' });
        expect(priceBand('11.560', '10.00', '0.010')).toEqual({ down: '10.40', up: '12.72' }); // 10.404, 12.716
    });

    it('rounds half-up to the tick', () => {
        // 10.05 × 1.1 = 11.055 → 11.06; 10.05 × 0.9 = 9.045 → 9.05
        expect(priceBand('10.05', '10', '0.01')).toEqual({ down: '9.05', up: '11.06' });
        // ST ±5%: 3.18 → 3.339 / 3.021
        expect(priceBand('3.180', '5.00', '0.010')).toEqual({ down: '3.02', up: '3.34' });
        // ChiNext ±20% on a fund tick of 0.001: 1.2345 is no real close, but 0.8125 × 1.2 = 0.975
        expect(priceBand('0.8125', '20', '0.001')).toEqual({ down: '0.650', up: '0.975' });
        // 2.345 × 1.3 = 3.0485 → 3.05 (half-up, not banker's 3.04)
        expect(priceBand('2.345', '30', '0.01')).toEqual({ down: '1.64', up: '3.05' });
    });

    it('never goes below one tick, and refuses nonsense', () => {
        expect(priceBand('0.01', '10', '0.01')).toEqual({ down: '0.01', up: '0.01' });
        expect(priceBand('0', '10', '0.01')).toBeNull();
        expect(priceBand('10', '10', '0')).toBeNull();
        expect(priceBand(undefined, '10', '0.01')).toBeNull();
    });
});

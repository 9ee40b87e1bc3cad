import { describe, expect, it } from 'vitest';
import {
    availableCash,
    fieldErrors,
    maskIdNumber,
    typedCode,
    normalizeCode,
    priceInputProblem,
    quantityInputProblem,
    toEstimateRequest,
    toOrderRequest,
    type OrderForm,
} from './orderLogic';

const form = (over: Partial<OrderForm> = {}): OrderForm => ({
    client_id: 1,
    code: '600519',
    side: 'buy',
    price: '1452.00',
    quantity: '100',
    channel: 'counter',
    ...over,
});

describe('order form → request', () => {
    it('builds the request once everything is typed', () => {
        expect(toOrderRequest(form())).toEqual({
            client_id: 1,
            code: '600519',
            side: 'buy',
            price: '1452.00',
            quantity: 100,
            channel: 'counter',
        });
        expect(toOrderRequest(form({ code: ' sh600519 ', quantity: '1,000', price: '１０.５' }))).toMatchObject({
            code: 'sh600519',
            quantity: 1000,
            price: '10.5',
        });
    });

    it('sends nothing while incomplete or mistyped', () => {
        expect(toOrderRequest(form({ client_id: null }))).toBeNull();
        expect(toOrderRequest(form({ code: '  ' }))).toBeNull();
        expect(toOrderRequest(form({ price: '' }))).toBeNull();
        expect(toOrderRequest(form({ price: '10.1234' }))).toBeNull();
        expect(toOrderRequest(form({ quantity: '0' }))).toBeNull();
        expect(toOrderRequest(form({ quantity: '1.5' }))).toBeNull();
    });

    it('asks the estimate as soon as the client and the code are typed, with what is typed well', () => {
        expect(toEstimateRequest(form({ price: '', quantity: '' }))).toEqual({
            client_id: 1,
            code: '600519',
            side: 'buy',
            channel: 'counter',
        });
        expect(toEstimateRequest(form({ price: '10.1234' }))).toEqual({
            client_id: 1,
            code: '600519',
            side: 'buy',
            quantity: 100,
            channel: 'counter',
        });
        expect(toEstimateRequest(form())).toEqual(toOrderRequest(form()));
        expect(toEstimateRequest(form({ client_id: null }))).toBeNull();
        expect(toEstimateRequest(form({ code: ' ' }))).toBeNull();
    });

    it('names typing mistakes, not empty inputs', () => {
        expect(priceInputProblem('')).toBeUndefined();
        expect(priceInputProblem('12.345')).toBeUndefined();
        expect(priceInputProblem('12.3456')).toBe('counter.validation.price_format');
        expect(priceInputProblem('abc')).toBe('counter.validation.price_format');
        expect(priceInputProblem('0.000')).toBe('counter.validation.price_positive');
        expect(quantityInputProblem('')).toBeUndefined();
        expect(quantityInputProblem('200')).toBeUndefined();
        expect(quantityInputProblem('-1')).toBe('counter.validation.quantity_format');
        expect(quantityInputProblem('0')).toBe('counter.validation.quantity_format');
        expect(quantityInputProblem('100000001')).toBe('counter.validation.quantity_format');
    });

    it('normalizes the code the way it was typed', () => {
        expect(normalizeCode('  SH  600519 ')).toBe('SH 600519');
        expect(normalizeCode('６００５１９')).toBe('600519');
    });
});

describe('cash and server errors', () => {
    it('available cash is balance − frozen, exactly', () => {
        expect(availableCash({ balance: '1000000.00', frozen: '145245.01' })).toBe('854754.99');
        expect(availableCash(null)).toBeNull();
    });

    it('reads the localized field messages of a 400', () => {
        const error = { body: { error: { code: 'VALIDATION_FAILED', fields: { code: '找不到证券 999999', x: 1 } } } };
        expect(fieldErrors(error)).toEqual({ code: '找不到证券 999999' });
        expect(fieldErrors(new Error('x'))).toEqual({});
    });
});

describe('security codes', () => {
    it('types a holding back unambiguously', () => {
        expect(typedCode('SH-A', '600000')).toBe('sh600000');
        expect(typedCode('SZ-A', '000001')).toBe('sz000001');
        expect(typedCode('SZ-B', '200002')).toBe('szb200002');
        expect(typedCode('BJ', '830799')).toBe('bj830799');
    });

    it('masks the middle of an ID number', () => {
        expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
        expect(maskIdNumber('')).toBe('');
    });
});

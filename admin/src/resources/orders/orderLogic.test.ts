import { describe, expect, it } from 'vitest';
import {
    ORDER_PROBLEMS,
    availableCash,
    estimateProblem,
    fieldErrors,
    maskIdNumber,
    parseSecurityCode,
    typedCode,
    normalizeCode,
    priceInputProblem,
    problemMessageKey,
    quantityInputProblem,
    toOrderRequest,
    type OrderForm,
} from './orderLogic';
import { orderMessages } from './messages';

const form = (over: Partial<OrderForm> = {}): OrderForm => ({
    client_id: 1,
    code: '600519',
    side: 'buy',
    price: '1452.00',
    quantity: '100',
    channel: 'counter',
    ...over,
});

describe('problem → message key', () => {
    it('maps every problem code the server names to its own message', () => {
        const server = [
            'lot_multiple',
            'lot_minimum',
            'odd_lot_sell',
            'price_tick',
            'price_band',
            'security_not_trading',
            'client_status',
            'channel_not_allowed',
            'insufficient_shares',
            'insufficient_available',
            'quantity_not_positive',
        ];
        for (const p of server) expect(problemMessageKey(p)).toBe(`counter.problems.${p}`);
        expect(problemMessageKey('something_new')).toBe('counter.problems.unknown');
        expect(problemMessageKey(null)).toBeNull();
    });

    it('has a zh and en message for each key', () => {
        for (const p of [...ORDER_PROBLEMS, 'unknown']) {
            expect((orderMessages.zh.counter.problems as Record<string, string>)[p], p).toBeTruthy();
            expect((orderMessages.en.counter.problems as Record<string, string>)[p], p).toBeTruthy();
        }
    });

    it('reports a missing shareholder account when the server sees no other problem', () => {
        expect(estimateProblem({ problem: null, shareholder_account: null })).toBe('no_shareholder_account');
        expect(estimateProblem({ problem: 'price_band', shareholder_account: null })).toBe('price_band');
        expect(estimateProblem({ problem: null, shareholder_account: 'A123456789' })).toBeNull();
        expect(estimateProblem(null)).toBeNull();
    });
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
    it('reads a typed code like the server does', () => {
        expect(parseSecurityCode('600519')).toEqual({ code: '600519' });
        expect(parseSecurityCode('1')).toEqual({ code: '000001' });
        expect(parseSecurityCode('sh600519')).toEqual({ code: '600519', market: 'SH-A' });
        expect(parseSecurityCode('SZ 000002')).toEqual({ code: '000002', market: 'SZ-A' });
        expect(parseSecurityCode('shb900901')).toEqual({ code: '900901', market: 'SH-B' });
        expect(parseSecurityCode('bj830799')).toEqual({ code: '830799', market: 'BJ' });
        expect(parseSecurityCode('茅台')).toBeNull();
        expect(parseSecurityCode('1234567')).toBeNull();
    });

    it('types a holding back unambiguously', () => {
        expect(typedCode('SH-A', '600000')).toBe('sh600000');
        expect(typedCode('SZ-A', '000001')).toBe('sz000001');
        expect(typedCode('SZ-B', '200002')).toBe('szb200002');
        expect(typedCode('BJ', '830799')).toBe('bj830799');
        for (const [market, code] of [
            ['SH-A', '600000'],
            ['SZ-B', '200002'],
            ['BJ', '830799'],
        ] as const) {
            expect(parseSecurityCode(typedCode(market, code))).toEqual({ code, market });
        }
    });

    it('masks the middle of an ID number', () => {
        expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
        expect(maskIdNumber('')).toBe('');
    });
});

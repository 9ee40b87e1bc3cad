import { describe, expect, it } from 'vitest';
import { batchErrorText, parseBatchLines, parseSide, rowProblem, toBatchOrders } from './batchLines';

describe('parseBatchLines', () => {
    it('reads code,side,price,quantity with any separator and side spelling', () => {
        const parsed = parseBatchLines(
            [
                '600519,买入,1452.00,100',
                '000001\tS\t11.56\t1,000'.replace('1,000', '1000'),
                'sh600000 卖出 10.85 500',
                '１，buy，１０.５，２００',
            ].join('\n'),
        );
        expect(parsed.map((p) => p.row)).toEqual([
            { code: '600519', side: 'buy', price: '1452.00', quantity: '100' },
            { code: '000001', side: 'sell', price: '11.56', quantity: '1000' },
            { code: 'sh600000', side: 'sell', price: '10.85', quantity: '500' },
            { code: '1', side: 'buy', price: '10.5', quantity: '200' },
        ]);
        expect(parsed.map((p) => p.line)).toEqual([1, 2, 3, 4]);
    });

    it('skips blank lines, comments and a header', () => {
        const parsed = parseBatchLines('code,side,price,quantity\n\n# 上午的单子\n600519,B,1452,100\n');
        expect(parsed).toHaveLength(1);
        expect(parsed[0]).toMatchObject({ line: 4, row: { code: '600519' } });
    });

    it('names what is wrong with each bad line, keeping its number', () => {
        const parsed = parseBatchLines(
            [
                '600519,买入,1452',
                '600519,持有,1452,100',
                '600519,B,14.5234,100',
                '600519,B,14.52,1.5',
                '600519,B,,100',
            ].join('\n'),
        );
        expect(parsed.map((p) => [p.line, p.problem])).toEqual([
            [1, 'counter.batch.problems.columns'],
            [2, 'counter.batch.problems.side'],
            [3, 'counter.batch.problems.price'],
            [4, 'counter.batch.problems.quantity'],
            [5, 'counter.batch.problems.columns'],
        ]);
    });

    it('knows the sides', () => {
        expect(['B', 'buy', '买', '买入'].map(parseSide)).toEqual(['buy', 'buy', 'buy', 'buy']);
        expect(['s', 'SELL', '卖', '卖出'].map(parseSide)).toEqual(['sell', 'sell', 'sell', 'sell']);
        expect(parseSide('hold')).toBeUndefined();
    });
});

describe('batch rows → request', () => {
    it('checks a row before sending', () => {
        expect(rowProblem({ code: '600519', side: 'buy', price: '10', quantity: '100' })).toBeUndefined();
        expect(rowProblem({ code: '', side: 'buy', price: '10', quantity: '100' })).toBe('counter.batch.problems.code');
        expect(rowProblem({ code: '1', side: 'buy', price: '', quantity: '100' })).toBe('counter.batch.problems.price');
        expect(rowProblem({ code: '1', side: 'buy', price: '1', quantity: 'x' })).toBe(
            'counter.batch.problems.quantity',
        );
    });

    it('sends one client and channel for every row', () => {
        expect(
            toBatchOrders([{ code: ' 600519 ', side: 'sell', price: '1,452.00', quantity: '1,000' }], 7, 'phone'),
        ).toEqual([{ client_id: 7, code: '600519', side: 'sell', price: '1452.00', quantity: 1000, channel: 'phone' }]);
    });

    it('explains a refused row with the server field messages', () => {
        expect(
            batchErrorText({
                code: 'VALIDATION_FAILED',
                message: '提交的数据有误',
                fields: { code: '找不到证券 999999' },
            }),
        ).toBe('找不到证券 999999');
        expect(batchErrorText({ code: 'CONFLICT', message: '冲突' })).toBe('冲突');
        expect(batchErrorText(undefined)).toBe('');
    });
});

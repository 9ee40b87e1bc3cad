import { describe, expect, it } from 'vitest';
import { costProblem, floatingProfit, marketValue, toTransfer, transferQuantityProblem } from './positionLogic';

describe('market value', () => {
    it('is quantity × previous close, exact to the cent', () => {
        expect(marketValue(5050, '10.850')).toBe('54792.50');
        expect(marketValue(100, '1452.000')).toBe('145200.00');
        expect(marketValue(3, '0.335')).toBe('1.01');
        // 0.1 × 3 in floats is 0.30000000000000004; 123456789 × 0.07 = 8641975.23
        expect(marketValue('123456789', '0.070')).toBe('8641975.23');
        expect(marketValue(0, '10.000')).toBe('0.00');
        expect(marketValue(100, null)).toBeNull();
    });

    it('floating profit is market value − cost', () => {
        expect(floatingProfit(100, '1452.000', '145243.01')).toBe('-43.01');
        expect(floatingProfit(5050, '10.850', '50000.00')).toBe('4792.50');
        expect(floatingProfit(100, '1452.000', null)).toBeNull();
    });
});

describe('转托管 form', () => {
    it('sends the cost only for a transfer in', () => {
        expect(
            toTransfer(
                {
                    shareholder_account_id: 1,
                    code: ' 600000 ',
                    type: 'transfer_in',
                    quantity: '5,000',
                    cost: '50,000.00',
                },
                'k1',
            ),
        ).toEqual({
            shareholder_account_id: 1,
            code: '600000',
            type: 'transfer_in',
            quantity: 5000,
            cost: '50000.00',
            idempotency_key: 'k1',
        });
        expect(
            toTransfer(
                { shareholder_account_id: 1, code: '600000', type: 'transfer_out', quantity: 100, cost: '5' },
                'k2',
            ),
        ).not.toHaveProperty('cost');
        expect(
            toTransfer({ shareholder_account_id: 1, code: '600000', type: 'transfer_in', quantity: 100 }, 'k3').cost,
        ).toBe('0.00');
    });

    it('catches typing mistakes', () => {
        expect(costProblem('')).toBeUndefined();
        expect(costProblem('1234.5')).toBeUndefined();
        expect(costProblem('1.234')).toBe('resources.positions.transfer.cost_format');
        expect(transferQuantityProblem('')).toBe('ra.validation.required');
        expect(transferQuantityProblem('100')).toBeUndefined();
        expect(transferQuantityProblem('0')).toBe('counter.validation.quantity_format');
    });
});

import { describe, expect, it } from 'vitest';
import { costProblem, toTransfer, transferQuantityProblem } from './positionLogic';

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

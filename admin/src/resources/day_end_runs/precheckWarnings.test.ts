import { describe, expect, it } from 'vitest';
import { acknowledgement, warningMessage, type PrecheckWarning } from './precheckWarnings';

const report: PrecheckWarning = {
    code: 'no_trade_report',
    kind: 'no_trade_report',
    params: { orders: 3, branches: '本溪风光街营业部' },
};
const bank = (state: 'none' | 'differences' | 'changed'): PrecheckWarning => ({
    code: 'bank_unreconciled:ICBC',
    kind: 'bank_unreconciled',
    params: {
        bank_code: 'ICBC',
        bank_name_zh: '中国工商银行',
        bank_name_en: 'ICBC',
        transfers: 2,
        net: '3500.00',
        state,
    },
});

describe('day-end pre-check warnings', () => {
    it('word a missing trade report with its orders and branches', () =>
        expect(warningMessage(report, 'zh-CN')).toEqual({
            key: 'resources.day_end_runs.precheck.warning_no_trade_report',
            args: { orders: 3, branches: '本溪风光街营业部' },
        }));

    it.each([
        ['none', 'zh-CN', '中国工商银行'],
        ['differences', 'zh-CN', '中国工商银行'],
        ['changed', 'en', 'ICBC'],
    ] as const)('word a bank (%s) by its name in %s', (state, locale, name) =>
        expect(warningMessage(bank(state), locale)).toEqual({
            key: `resources.day_end_runs.precheck.warning_bank_${state}`,
            args: { bank: name, transfers: 2, net: '3500.00' },
        }),
    );

    it('the run waits until every warning is ticked, and sends only the day’s codes', () => {
        const all = [report, bank('none')];
        expect(acknowledgement(all, new Set())).toEqual({ codes: [], complete: false });
        expect(acknowledgement(all, new Set(['no_trade_report']))).toEqual({
            codes: ['no_trade_report'],
            complete: false,
        });
        expect(acknowledgement(all, new Set(['bank_unreconciled:ICBC', 'no_trade_report', 'gone']))).toEqual({
            codes: ['no_trade_report', 'bank_unreconciled:ICBC'],
            complete: true,
        });
        expect(acknowledgement([], new Set())).toEqual({ codes: [], complete: true });
    });
});

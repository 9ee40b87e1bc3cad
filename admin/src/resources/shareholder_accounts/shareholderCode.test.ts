import { describe, expect, it } from 'vitest';
import { orderMessages } from '../orders/messages';
import { SHAREHOLDER_MARKETS, codeHintKey, normalizeShareholderCode, shareholderCodeProblem } from './shareholderCode';

describe('shareholder codes', () => {
    it('accepts the exchange formats', () => {
        expect(shareholderCodeProblem('SH-A', 'A123456789')).toBeUndefined();
        expect(shareholderCodeProblem('SH-A', ' a123456789 ')).toBeUndefined();
        expect(shareholderCodeProblem('SZ-A', '0123456789')).toBeUndefined();
        expect(shareholderCodeProblem('SH-B', 'C123456789')).toBeUndefined();
        expect(shareholderCodeProblem('SZ-B', '2123456789')).toBeUndefined();
        expect(shareholderCodeProblem('BJ', '8123456789')).toBeUndefined();
    });

    it('refuses codes of the wrong shape for the market', () => {
        const wrong = 'resources.shareholder_accounts.validation.code_format';
        expect(shareholderCodeProblem('SH-A', '0123456789')).toBe(wrong);
        expect(shareholderCodeProblem('SH-A', 'A12345678')).toBe(wrong);
        expect(shareholderCodeProblem('SZ-A', '1123456789')).toBe(wrong);
        expect(shareholderCodeProblem('SZ-A', '12')).toBe(wrong);
        expect(shareholderCodeProblem('SH-A', '')).toBe('ra.validation.required');
        // no market chosen yet: only the required check
        expect(shareholderCodeProblem(undefined, '12')).toBeUndefined();
    });

    it('has a hint for every market', () => {
        for (const m of SHAREHOLDER_MARKETS) {
            expect(codeHintKey(m)).toBe(`resources.shareholder_accounts.hints.${m}`);
            expect((orderMessages.zh.resources.shareholder_accounts.hints as Record<string, string>)[m]).toBeTruthy();
            expect((orderMessages.zh.counter.markets as Record<string, string>)[m]).toBeTruthy();
        }
        expect(codeHintKey('XX')).toBe('resources.shareholder_accounts.hints.none');
        expect(normalizeShareholderCode(' a 123 ')).toBe('A123');
    });
});

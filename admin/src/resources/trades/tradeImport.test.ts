import { describe, expect, it } from 'vitest';
import { FORMAT_REASONS, MATCH_REASONS, csvBlob, parseSeed, reasonKey, sortUnmatched } from './tradeImport';
import { orderMessages } from '../orders/messages';

describe('unmatched reasons', () => {
    const zh = orderMessages.zh.resources.trades.reasons as Record<string, string>;

    it('translates every reason the server gives', () => {
        expect(MATCH_REASONS.map((r) => zh[reasonKey(r).split('.').pop()!])).toEqual([
            '找不到委托',
            '与委托不符',
            '股东账户不符',
            '委托已结束',
            '超出委托数量',
            '价格超出委托限价',
            '非当前业务日',
        ]);
        for (const f of FORMAT_REASONS) {
            expect(reasonKey(`format_${f}`)).toBe(`resources.trades.reasons.format_${f}`);
            expect(zh[`format_${f}`]).toMatch(/^格式错误/);
        }
    });

    it('falls back for reasons it does not know', () => {
        expect(reasonKey('format_tabs')).toBe('resources.trades.reasons.format');
        expect(zh.format).toBe('格式错误');
        expect(reasonKey('solar_flare')).toBe('resources.trades.reasons.other');
    });

    it('lists lines in file order', () => {
        expect(
            sortUnmatched([
                { line: 4, reason: 'format_columns' },
                { line: 3, reason: 'unknown_order' },
            ]).map((u) => u.line),
        ).toEqual([3, 4]);
    });
});

describe('simulation', () => {
    it('takes a seed from 0 to 1,000,000', () => {
        expect(parseSeed('1')).toBe(1);
        expect(parseSeed(' 42 ')).toBe(42);
        expect(parseSeed('0')).toBe(0);
        expect(parseSeed('1000000')).toBe(1_000_000);
        expect(parseSeed('1000001')).toBeNull();
        expect(parseSeed('-1')).toBeNull();
        expect(parseSeed('1.5')).toBeNull();
        expect(parseSeed('')).toBeNull();
    });

    it('offers the generated CSV unchanged', async () => {
        const csv = 'trade_date,market\n2026-11-23,SH-A\n';
        const blob = csvBlob(csv);
        expect(blob.type).toBe('text/csv;charset=utf-8');
        expect(await blob.text()).toBe(csv);
    });
});

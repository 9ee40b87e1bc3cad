import { describe, expect, it } from 'vitest';
import { segmentMessages } from './messages';
import { INDICATORS, SEGMENTS, clientShare, formatRatioPercent, orderedGroups, type SegmentGroup } from './segmentsApi';
import { leaves, tokens } from '../i18n/messageTree';

describe('segment messages', () => {
    const zh = new Map(leaves(segmentMessages.zh));
    const en = new Map(leaves(segmentMessages.en));

    it('zh and en have the same keys and tokens, all under segments.*, none empty', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
        for (const [key, value] of zh) expect(tokens(en.get(key) as string), key).toEqual(tokens(value as string));
        for (const [key, value] of [...zh, ...en]) {
            expect(key.startsWith('segments.'), key).toBe(true);
            expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
        }
    });

    it('words every indicator the server names', () => {
        for (const code of INDICATORS) expect(zh.has(`segments.indicator.${code}`), code).toBe(true);
        expect(zh.get('segments.indicator.turnover_rate')).toBe('换手率');
    });
});

describe('segment figures', () => {
    it('shows a ratio as a percentage and a share of all clients, exactly', () => {
        expect(formatRatioPercent('2.5000')).toBe('250.0%');
        expect(formatRatioPercent('0.01234')).toBe('1.2%');
        expect(formatRatioPercent(null)).toBe('—');
        expect(clientShare(1, 3)).toBe('33.3%');
        expect(clientShare(0, 0)).toBe('—');
    });

    it('orders the groups as the dictionary does', () => {
        const groups = [...SEGMENTS].reverse().map((segment) => ({ segment }) as SegmentGroup);
        expect(orderedGroups(groups).map((g) => g.segment)).toEqual([...SEGMENTS]);
    });
});

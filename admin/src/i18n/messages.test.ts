import { describe, expect, it } from 'vitest';
import { appZh } from './zh';
import { appEn } from './en';
import { leaves, tokens } from './messageTree';

describe('app messages', () => {
    const zh = new Map(leaves(appZh));
    const en = new Map(leaves(appEn));

    it('zh and en have identical key trees', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    });

    it('every message is a non-empty string', () => {
        for (const [key, value] of [...zh, ...en]) {
            expect(typeof value, key).toBe('string');
            expect((value as string).trim().length, key).toBeGreaterThan(0);
        }
    });

    it('zh and en use the same interpolation tokens', () => {
        for (const [key, value] of zh) {
            const enTokens = [...new Set(tokens(en.get(key) as string))];
            expect(enTokens, key).toEqual([...new Set(tokens(value as string))]);
        }
    });

    it('zh messages are Chinese, not copied English', () => {
        const untranslated = [...zh].filter(
            ([key, value]) => value === en.get(key) && /[a-z]{3}/i.test(value as string),
        );
        expect(untranslated).toEqual([]);
    });
});

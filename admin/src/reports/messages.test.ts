import { describe, expect, it } from 'vitest';
import { reportMessages } from './messages';
import { leaves, tokens } from '../i18n/messageTree';

describe('report messages', () => {
    const zh = new Map(leaves(reportMessages.zh));
    const en = new Map(leaves(reportMessages.en));

    it('zh and en have the same keys and the same interpolation tokens', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
        for (const [key, value] of zh) expect(tokens(en.get(key) as string), key).toEqual(tokens(value as string));
    });

    it('stay under reports.*, every one a non-empty string', () => {
        for (const [key, value] of [...zh, ...en]) {
            expect(key.startsWith('reports.'), key).toBe(true);
            expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
        }
    });

    it('zh messages are Chinese, not copied English', () => {
        const untranslated = [...zh].filter(
            ([key, value]) => value === en.get(key) && /[a-z]{3}/i.test((value as string).replace(/%\{\w+\}/g, '')),
        );
        expect(untranslated).toEqual([]);
    });

    it('has every key the report screens ask for', async () => {
        const { readdirSync, readFileSync } = await import('node:fs');
        const dir = new URL('.', import.meta.url);
        const used = new Set<string>();
        for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))) {
            const text = readFileSync(new URL(file, dir), 'utf8');
            for (const m of text.matchAll(/'(reports\.[a-z_.]+)'/g)) used.add(m[1]!);
        }
        // the weekday keys are built from a list
        const missing = [...used].filter((k) => !zh.has(k) && !k.endsWith('.'));
        expect(missing).toEqual([]);
        expect(used.size).toBeGreaterThan(20);
    });
});

import { describe, it, expect } from 'vitest';
import englishMessages from 'ra-language-english';
import raZh from './ra-zh';

type Tree = { [key: string]: unknown };

const flatten = (tree: Tree, prefix = ''): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(tree)) {
        const path = prefix ? `${prefix}.${key}` : key;
        if (value !== null && typeof value === 'object') {
            Object.assign(out, flatten(value as Tree, path));
        } else {
            out[path] = value;
        }
    }
    return out;
};

const placeholders = (value: string): string[] => Array.from(new Set(value.match(/%\{[^}]+\}/g) ?? [])).sort();

const en = flatten(englishMessages as unknown as Tree);
const zh = flatten(raZh as unknown as Tree);
const enKeys = Object.keys(en);

describe('ra-zh (Simplified Chinese react-admin messages)', () => {
    it('has exactly the same flattened key set as ra-language-english', () => {
        expect(enKeys.length).toBeGreaterThan(100);
        expect(Object.keys(zh).sort()).toEqual([...enKeys].sort());
    });

    it('has a non-empty string for every key', () => {
        for (const [key, value] of Object.entries(zh)) {
            expect(typeof value, key).toBe('string');
            expect((value as string).length, key).toBeGreaterThan(0);
        }
    });

    it('keeps every %{placeholder} used by the English message', () => {
        for (const key of enKeys) {
            const enValue = en[key] as string;
            const zhValue = zh[key] as string;
            for (const placeholder of placeholders(enValue)) {
                expect(zhValue, `${key} should contain ${placeholder}`).toContain(placeholder);
            }
        }
    });

    it('keeps the polyglot plural separator where the English uses it', () => {
        for (const key of enKeys) {
            const enValue = en[key] as string;
            if (enValue.includes('||||')) {
                expect(zh[key] as string, key).toContain('||||');
            }
        }
    });
});

import { describe, expect, it } from 'vitest';
import { clientMessages } from './messages';
import { leaves, tokens } from '../../i18n/messageTree';

describe('client, fund account and fund journal messages', () => {
    const zh = new Map(leaves(clientMessages.zh));
    const en = new Map(leaves(clientMessages.en));

    it('zh and en have identical key trees', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    });

    it('stay under the keys this module owns', () => {
        const roots = [...zh.keys()].map((k) =>
            k
                .split('.')
                .slice(0, k.startsWith('resources.') ? 2 : 1)
                .join('.'),
        );
        expect([...new Set(roots)].sort()).toEqual([
            'ledger',
            'resources.bank_transfers',
            'resources.clients',
            'resources.fund_accounts',
            'resources.fund_journal',
        ]);
    });

    it('every message is a non-empty string', () => {
        for (const [key, value] of [...zh, ...en]) {
            expect(typeof value, key).toBe('string');
            expect((value as string).trim().length, key).toBeGreaterThan(0);
        }
    });

    it('zh and en use the same interpolation tokens', () => {
        for (const [key, value] of zh) expect(tokens(en.get(key) as string), key).toEqual(tokens(value as string));
    });

    it('zh messages are Chinese, not copied English', () => {
        const untranslated = [...zh].filter(
            ([key, value]) => value === en.get(key) && /[a-z]{3}/i.test(value as string),
        );
        expect(untranslated).toEqual([]);
    });
});

import { describe, expect, it } from 'vitest';
import { reportPackageMessages } from './messages';
import { leaves, tokens } from '../../i18n/messageTree';

describe('report archive messages', () => {
    const zh = new Map(leaves(reportPackageMessages.zh));
    const en = new Map(leaves(reportPackageMessages.en));

    it('zh and en have the same keys and the same interpolation tokens', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
        for (const [key, value] of zh) expect(tokens(en.get(key) as string), key).toEqual(tokens(value as string));
    });

    it('zh messages are Chinese, not copied English', () => {
        const untranslated = [...zh].filter(
            ([key, value]) => value === en.get(key) && /[a-z]{3}/i.test((value as string).replace(/%\{\w+\}/g, '')),
        );
        expect(untranslated).toEqual([]);
    });
});

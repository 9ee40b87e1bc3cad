import { describe, expect, it } from 'vitest';
import { backupMessages } from './messages';
import { leaves, tokens } from '../../i18n/messageTree';

describe('backup messages', () => {
    const zh = new Map(leaves(backupMessages.zh));
    const en = new Map(leaves(backupMessages.en));

    it('zh and en have the same keys and the same interpolation tokens', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
        for (const [key, value] of zh) expect(tokens(en.get(key) as string), key).toEqual(tokens(value as string));
    });

    it('add to the approvals inbox and the audit trail only the words for restores and snapshots', () => {
        const outside = [...zh.keys()].filter((k) => !k.startsWith('resources.backups.'));
        expect(outside.sort()).toEqual([
            'audit_actions.approve_failed',
            'audit_actions.restore',
            'audit_actions.snapshot',
            'auto.approvals.operations.restore',
        ]);
    });

    it('zh messages are Chinese, not copied English', () => {
        // units (MB) and interpolation tokens read the same in both
        const untranslated = [...zh].filter(
            ([key, value]) => value === en.get(key) && /[a-z]{3}/i.test((value as string).replace(/%\{\w+\}/g, '')),
        );
        expect(untranslated).toEqual([]);
    });
});

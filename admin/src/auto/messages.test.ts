import { describe, expect, it } from 'vitest';
import { autoMessages } from './messages';
import { leaves, tokens } from '../i18n/messageTree';

describe('autoMessages', () => {
    const zh = new Map(leaves(autoMessages.zh));
    const en = new Map(leaves(autoMessages.en));

    it('live under the top-level key "auto"', () => {
        expect(Object.keys(autoMessages.zh)).toEqual(['auto']);
        expect(Object.keys(autoMessages.en)).toEqual(['auto']);
    });

    it('zh and en have the same keys, non-empty strings, the same tokens', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
        for (const [key, value] of [...zh, ...en]) {
            expect(typeof value, key).toBe('string');
            expect((value as string).trim().length, key).toBeGreaterThan(0);
        }
        for (const [key, value] of zh) expect(tokens(en.get(key) as string), key).toEqual(tokens(value as string));
    });

    it('zh is Chinese, with the words the brief fixes', () => {
        const untranslated = [...zh].filter(
            ([key, value]) => value === en.get(key) && /[a-z]{3}/i.test(value as string),
        );
        expect(untranslated).toEqual([]);
        expect(zh.get('auto.approval.submitted')).toBe('已提交复核，待另一名柜员审批后生效');
        expect(zh.get('auto.history.actions.reject')).toBe('驳回');
        expect(zh.get('auto.history.actions.change_code')).toBe('代码更换');
        expect(zh.get('auto.approvals.operations.import')).toBe('批量导入');
        expect(zh.get('auto.menu.groups.system')).toBe('系统管理');
    });
});

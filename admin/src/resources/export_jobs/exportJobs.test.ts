import { describe, expect, it } from 'vitest';
import { leaves, tokens } from '../../i18n/messageTree';
import { isLive, percent } from './jobEvents';
import { exportJobMessages } from './messages';

describe('我的导出', () => {
    it('zh and en have the same keys and tokens, and every status has a word', () => {
        const zh = new Map(leaves(exportJobMessages.zh));
        const en = new Map(leaves(exportJobMessages.en));
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
        for (const [key, value] of zh) expect(tokens(en.get(key) as string), key).toEqual(tokens(value as string));
        for (const s of ['queued', 'running', 'completed', 'failed', 'cancelled', 'expired'])
            expect(zh.get(`resources.export_jobs.statuses.${s}`), s).toMatch(/\p{Script=Han}/u);
    });

    it('progress is rows done of rows expected, whole when completed, and only waiting or running jobs are live', () => {
        expect(percent({ status: 'running', rows_done: 25, rows_expected: 14_158 })).toBe(0);
        expect(percent({ status: 'running', rows_done: 7_079, rows_expected: 14_158 })).toBe(50);
        expect(percent({ status: 'running', rows_done: 20, rows_expected: 10 })).toBe(100);
        expect(percent({ status: 'queued', rows_done: 0, rows_expected: null })).toBe(0);
        expect(percent({ status: 'completed', rows_done: 0, rows_expected: 0 })).toBe(100);
        expect(['queued', 'running', 'completed', 'failed'].map((status) => isLive({ status } as never))).toEqual([
            true,
            true,
            false,
            false,
        ]);
    });
});

import { describe, expect, it } from 'vitest';
import { dictChoices, dictLabel, displayFieldFor, fieldLabel, isEnglish, pickLabel, resourceLabel } from './labels';
import { feeSchedulesMeta } from './metaFixtures';
import type { Dictionary } from './types';

const dictionary: Dictionary = {
    fee_item: [
        { code: 'commission', label_zh: '佣金', label_en: 'Commission' },
        { code: 'stamp_duty', label_zh: '印花税', label_en: 'Stamp duty' },
    ],
};

describe('labels from the metadata', () => {
    it('zh-CN reads zh, en reads en', () => {
        expect(isEnglish('zh-CN')).toBe(false);
        expect(isEnglish('en')).toBe(true);
        expect(pickLabel({ zh: '费率', en: 'Rate' }, 'zh-CN')).toBe('费率');
        expect(pickLabel({ zh: '费率', en: 'Rate' }, 'en')).toBe('Rate');
        expect(pickLabel({ zh: '费率', en: '' }, 'en')).toBe('费率');
        expect(pickLabel(undefined, 'en', 'rate')).toBe('rate');
        expect(resourceLabel(feeSchedulesMeta, 'zh-CN')).toBe('费率');
        expect(fieldLabel(feeSchedulesMeta, 'effective_from', 'en')).toBe('Effective from');
        expect(fieldLabel(feeSchedulesMeta, 'version', 'en')).toBeUndefined();
    });

    it('enum codes show their dictionary label, unknown codes themselves', () => {
        expect(dictLabel(dictionary, 'fee_item', 'commission', 'zh-CN')).toBe('佣金');
        expect(dictLabel(dictionary, 'fee_item', 'commission', 'en')).toBe('Commission');
        expect(dictLabel(dictionary, 'fee_item', 'other', 'zh-CN')).toBe('other');
        expect(dictLabel(dictionary, 'missing', 'x', 'zh-CN')).toBe('x');
        expect(dictLabel(dictionary, 'fee_item', null, 'zh-CN')).toBe('');
        expect(dictChoices(dictionary, 'fee_item', 'zh-CN')).toEqual([
            { id: 'commission', name: '佣金' },
            { id: 'stamp_duty', name: '印花税' },
        ]);
        expect(dictChoices(dictionary, undefined, 'zh-CN')).toEqual([]);
    });

    it('a language-suffixed display field follows the UI language when the sibling exists', () => {
        const markets = { display: 'name_zh', fields: [{ name: 'name_zh' }, { name: 'name_en' }] } as never;
        expect(displayFieldFor(markets, 'zh-CN')).toBe('name_zh');
        expect(displayFieldFor(markets, 'en')).toBe('name_en');
        const dictionaryMeta = { display: 'label_zh', fields: [{ name: 'label_zh' }] } as never;
        expect(displayFieldFor(dictionaryMeta, 'en')).toBe('label_zh');
        expect(displayFieldFor(feeSchedulesMeta, 'en')).toBe('fee_item');
    });
});

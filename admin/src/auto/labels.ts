import type { Bilingual, Dictionary, FieldMeta, ResourceMeta } from './types';

/** The UI speaks zh-CN by default; anything starting with "en" is English. */
export const isEnglish = (locale: string | undefined): boolean => !!locale && locale.toLowerCase().startsWith('en');

/** A declared zh/en label in the current UI language (zh-CN → zh, en → en). */
export const pickLabel = (label: Bilingual | undefined, locale: string | undefined, fallback = ''): string => {
    if (!label) return fallback;
    const text = isEnglish(locale) ? label.en : label.zh;
    return text || label.zh || label.en || fallback;
};

export const resourceLabel = (meta: Pick<ResourceMeta, 'label' | 'name'>, locale: string | undefined): string =>
    pickLabel(meta.label, locale, meta.name);

export const findField = (meta: Pick<ResourceMeta, 'fields'> | undefined, name: string): FieldMeta | undefined =>
    meta?.fields.find((f) => f.name === name);

/** A field's label, or undefined when the resource does not declare it (system columns, unknown keys). */
export const fieldLabel = (
    meta: Pick<ResourceMeta, 'fields'> | undefined,
    name: string,
    locale: string | undefined,
) => {
    const field = findField(meta, name);
    return field ? pickLabel(field.label, locale, name) : undefined;
};

/** The label of a dictionary code (enum value); the code itself when the dictionary does not know it. */
export const dictLabel = (
    dictionary: Dictionary | undefined,
    category: string | undefined,
    code: unknown,
    locale: string | undefined,
): string => {
    if (code === null || code === undefined) return '';
    const entry = category ? dictionary?.[category]?.find((e) => e.code === String(code)) : undefined;
    if (!entry) return String(code);
    return (isEnglish(locale) ? entry.label_en : entry.label_zh) || entry.label_zh || entry.code;
};

/** SelectInput choices of a dictionary category, in the dictionary's order. */
export const dictChoices = (
    dictionary: Dictionary | undefined,
    category: string | undefined,
    locale: string | undefined,
) =>
    (category ? (dictionary?.[category] ?? []) : []).map((e) => ({
        id: e.code,
        name: (isEnglish(locale) ? e.label_en : e.label_zh) || e.label_zh || e.code,
    }));

/**
 * The field shown when a record of this resource is referenced. A display field with a
 * language suffix (name_zh) switches to its sibling (name_en) when the UI is in the other
 * language and the resource has it.
 */
export const displayFieldFor = (meta: Pick<ResourceMeta, 'display' | 'fields'>, locale: string | undefined): string => {
    const match = /^(.*)_(zh|en)$/.exec(meta.display);
    if (!match) return meta.display;
    const wanted = `${match[1]}_${isEnglish(locale) ? 'en' : 'zh'}`;
    return meta.fields.some((f) => f.name === wanted) ? wanted : meta.display;
};

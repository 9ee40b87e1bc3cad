import { useLocaleState, useRecordContext } from 'react-admin';
import { dictChoices, dictLabel } from '../auto/labels';
import { useResourceMeta } from '../auto/meta';

/** A code's words from the data dictionary in the UI language (the code itself while loading or when unknown). */
export const useDictLabel = () => {
    const { data } = useResourceMeta();
    const [locale] = useLocaleState();
    return (category: string, code: unknown) => dictLabel(data?.dictionary, category, code, locale);
};

/** A dictionary category as SelectInput choices, in the dictionary's order. */
export const useDictChoices = (category: string) => {
    const { data } = useResourceMeta();
    const [locale] = useLocaleState();
    return dictChoices(data?.dictionary, category, locale);
};

/** The record's `source` code shown by its words in the dictionary `category` (currency CNY → 人民币). */
// label is read by the show layout and DataTable to label the column.
export const DictField = ({ source, category }: { source: string; category: string; label?: string }) => {
    const record = useRecordContext();
    const label = useDictLabel();
    const code = record?.[source];
    if (code === null || code === undefined || code === '') return null;
    return <span title={String(code)}>{label(category, code)}</span>;
};

import { useMemo, useState } from 'react';
import {
    AutocompleteInput,
    BooleanInput,
    DateInput,
    NumberInput,
    ReferenceInput,
    SelectInput,
    TextInput,
    maxLength,
    required,
    useGetList,
    useLocaleState,
    type RaRecord,
    type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { validateDecimal, validateInteger, validateTime } from './fieldLogic';
import { dictChoices, displayFieldFor, pickLabel } from './labels';
import { useResourceMeta } from './meta';
import type { FieldMeta, ResourceMeta } from './types';

type InputMode = 'create' | 'edit' | 'filter';

export interface AutoInputProps {
    field: FieldMeta;
    mode: InputMode;
    /** the form key; a range filter uses <name>_gte / <name>_lte */
    source?: string;
    label?: string;
    disabled?: boolean;
    alwaysOn?: boolean;
}

/** react-admin validators from the field's declaration (none in filters). */
export const validatorsFor = (field: FieldMeta, mode: InputMode): Validator[] => {
    if (mode === 'filter') return [];
    const list: Validator[] = [];
    if (field.required && field.type !== 'boolean') list.push(required());
    if (field.type === 'text' && field.max) list.push(maxLength(field.max));
    if (field.type === 'decimal') list.push((value) => validateDecimal(field, value));
    if (field.type === 'integer') list.push((value) => validateInteger(field, value));
    if (field.type === 'time') list.push((value) => validateTime(value));
    return list;
};

/** Choices of a referenced resource shown by its display field; the referenced rows' own sort when the display is not sortable. */
const referenceSort = (refMeta: ResourceMeta | undefined, locale: string) => {
    if (!refMeta) return undefined;
    const display = displayFieldFor(refMeta, locale);
    if (refMeta.sortable.includes(display)) return { field: display, order: 'ASC' as const };
    return { field: refMeta.default_sort[0], order: refMeta.default_sort[1] };
};

/** The input for one declared field, by type. */
export const AutoInput = ({ field, mode, source = field.name, label, disabled, alwaysOn }: AutoInputProps) => {
    const [locale] = useLocaleState();
    const { data, getResource } = useResourceMeta();
    const finalLabel = label ?? pickLabel(field.label, locale, field.name);
    const helperText: string | false | undefined =
        mode === 'filter' ? false : field.help ? pickLabel(field.help, locale) : undefined;
    const validate = validatorsFor(field, mode);
    const common = {
        source,
        label: finalLabel,
        helperText,
        disabled,
        validate: disabled ? undefined : validate,
        alwaysOn,
    };
    const fullWidth = mode !== 'filter';

    switch (field.type) {
        case 'enum':
            return (
                <SelectInput
                    {...common}
                    fullWidth={fullWidth}
                    choices={dictChoices(data?.dictionary, field.dict, locale)}
                    translateChoice={false}
                />
            );
        case 'boolean':
            return <BooleanInput {...common} />;
        case 'integer':
            return <NumberInput {...common} fullWidth={fullWidth} step={1} />;
        case 'decimal':
            return (
                <TextInput
                    {...common}
                    fullWidth={fullWidth}
                    slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
                />
            );
        case 'date':
            return <DateInput {...common} fullWidth={fullWidth} />;
        case 'time':
            return (
                <TextInput
                    {...common}
                    fullWidth={fullWidth}
                    placeholder="HH:MM"
                    slotProps={{ htmlInput: { maxLength: 5, autoComplete: 'off' } }}
                />
            );
        case 'reference': {
            const reference = field.reference ?? '';
            const refMeta = getResource(reference);
            if ((field.reference_column ?? 'id') !== 'id') {
                return <ReferenceColumnInput {...common} field={field} refMeta={refMeta} fullWidth={fullWidth} />;
            }
            const display = refMeta ? displayFieldFor(refMeta, locale) : undefined;
            return (
                <ReferenceInput
                    source={source}
                    reference={reference}
                    label={finalLabel}
                    alwaysOn={alwaysOn}
                    sort={referenceSort(refMeta, locale)}
                    perPage={50}
                >
                    <AutocompleteInput
                        label={finalLabel}
                        helperText={helperText}
                        disabled={disabled}
                        validate={disabled ? undefined : validate}
                        optionText={display}
                        filterToQuery={(q) => (q ? { q } : {})}
                        // in a filter bar: a fixed width the text field fills
                        fullWidth
                        sx={mode === 'filter' ? { width: 240 } : undefined}
                    />
                </ReferenceInput>
            );
        }
        default: {
            const long = (field.max ?? 0) > 100;
            return (
                <TextInput
                    {...common}
                    fullWidth={fullWidth}
                    multiline={mode !== 'filter' && long}
                    minRows={mode !== 'filter' && long ? 2 : undefined}
                    slotProps={field.max && mode !== 'filter' ? { htmlInput: { maxLength: field.max } } : undefined}
                />
            );
        }
    }
};

interface ReferenceColumnInputProps {
    field: FieldMeta;
    refMeta?: ResourceMeta;
    source: string;
    label: string;
    helperText?: string | false;
    disabled?: boolean;
    validate?: Validator[];
    alwaysOn?: boolean;
    fullWidth?: boolean;
}

/**
 * A reference that holds another column than the id (seats.market holds the market code): the
 * choices' value is that column, their text the referenced display field. react-admin's
 * ReferenceInput fetches the current value by id, so it cannot serve here; the choices are the
 * referenced rows matching what is typed (q), plus the current one.
 */
export const ReferenceColumnInput = ({
    field,
    refMeta,
    source,
    label,
    helperText,
    disabled,
    validate,
    alwaysOn: _alwaysOn,
    fullWidth,
}: ReferenceColumnInputProps) => {
    const reference = field.reference!;
    const column = field.reference_column!;
    const [locale] = useLocaleState();
    const [q, setQ] = useState('');
    const current = useWatch({ name: source });
    const display = refMeta ? displayFieldFor(refMeta, locale) : column;
    const sort = referenceSort(refMeta, locale) ?? { field: 'id', order: 'ASC' as const };
    const { data: found = [], isPending } = useGetList<RaRecord>(
        reference,
        { filter: q ? { q } : {}, pagination: { page: 1, perPage: 100 }, sort },
        { placeholderData: (previous) => previous, staleTime: 60_000 },
    );
    const { data: currentRows = [] } = useGetList<RaRecord>(
        reference,
        { filter: { [column]: current }, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } },
        { enabled: current !== undefined && current !== null && current !== '', staleTime: 60_000 },
    );
    const choices = useMemo(() => {
        const rows = [...currentRows, ...found.filter((r) => !currentRows.some((c) => c.id === r.id))];
        return rows.map((r) => ({
            id: String(r[column]),
            name:
                r[display] && display !== column ? `${String(r[display])}（${String(r[column])}）` : String(r[column]),
        }));
    }, [found, currentRows, column, display]);
    return (
        <AutocompleteInput
            source={source}
            label={label}
            helperText={helperText}
            disabled={disabled}
            validate={validate}
            choices={choices}
            translateChoice={false}
            isPending={isPending}
            setFilter={setQ}
            fullWidth
            sx={fullWidth ? undefined : { width: 240 }}
        />
    );
};

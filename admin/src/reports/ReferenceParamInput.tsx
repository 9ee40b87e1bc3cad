import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { type RaRecord, useGetList, useGetOne, useTranslate } from 'react-admin';
import { useDebouncedValue } from '../resources/orders/useDebouncedValue';
import type { ParamKind } from './types';

/** Which list a reference parameter searches (with the server's `q` filter) and how a record reads. */
const SOURCES: Partial<Record<ParamKind, { resource: string; sort: string; label: (r: RaRecord) => string }>> = {
    client: { resource: 'clients', sort: 'client_no', label: (r) => `${r.client_no ?? ''} ${r.name ?? ''}`.trim() },
    client_manager: {
        resource: 'client_managers',
        sort: 'code',
        label: (r) => `${r.code ?? ''} ${r.name ?? ''}`.trim(),
    },
};

export const isReferenceKind = (kind: ParamKind): boolean => kind in SOURCES;

interface ReferenceParamInputProps {
    kind: ParamKind;
    name: string;
    label: string;
    /** the record's id as text, '' for none */
    value: string;
    onChange: (value: string) => void;
    required?: boolean;
    error?: string;
}

/**
 * A client (客户号 + 客户名) or a client manager, found by typing: the list of the
 * matching resource with its `q` filter, 300 ms after typing pauses. A value from the URL is read
 * back with getOne so a bookmarked page shows the name again.
 */
export const ReferenceParamInput = ({
    kind,
    name,
    label,
    value,
    onChange,
    required,
    error,
}: ReferenceParamInputProps) => {
    const translate = useTranslate();
    const source = SOURCES[kind]!;
    const [input, setInput] = useState('');
    const [picked, setPicked] = useState<RaRecord | null>(null);
    const id = /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
    const { data: current } = useGetOne(
        source.resource,
        { id: id ?? 0 },
        { enabled: id !== undefined && picked?.id !== id, retry: false },
    );
    const selected = id === undefined ? null : picked?.id === id ? picked : (current ?? null);
    const q = useDebouncedValue(input.trim(), 300);
    const searching = q !== '' && !(selected && input === source.label(selected));
    const { data, isFetching } = useGetList(
        source.resource,
        { pagination: { page: 1, perPage: 20 }, sort: { field: source.sort, order: 'ASC' }, filter: { q } },
        { enabled: searching, retry: false },
    );
    return (
        <Autocomplete<RaRecord, false, false, false>
            size="small"
            value={selected}
            onChange={(_, record) => {
                setPicked(record);
                onChange(record ? String(record.id) : '');
            }}
            inputValue={input}
            onInputChange={(_, text) => setInput(text)}
            options={searching ? (data ?? []) : selected ? [selected] : []}
            filterOptions={(options) => options}
            getOptionLabel={source.label}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            loading={isFetching}
            autoHighlight
            clearText={translate('reports.form.clear')}
            noOptionsText={translate(q ? 'reports.form.no_match' : 'reports.form.search_helper')}
            loadingText={translate('reports.form.searching')}
            sx={{ width: 300 }}
            renderInput={(params) => (
                <TextField
                    {...params}
                    name={name}
                    label={label}
                    required={required}
                    error={!!error}
                    helperText={error ?? translate('reports.form.search_helper')}
                />
            )}
        />
    );
};

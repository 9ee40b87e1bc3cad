import { LinearProgress } from '@mui/material';
import { useEffect, useMemo } from 'react';
import {
    CreateButton,
    DatagridConfigurable,
    DateInput,
    EditButton,
    useRecordContext,
    FilterButton,
    List,
    NullableBooleanInput,
    NumberInput,
    Pagination,
    SearchInput,
    SelectColumnsButton,
    TextInput,
    TopToolbar,
    useCanAccess,
    useLocaleState,
    useStore,
    useTranslate,
    type ListProps,
} from 'react-admin';
import { ServerExportButton } from '../components/ServerExportButton';
import { AutoImportButton } from './AutoImportButton';
import { AutoInput } from './AutoInput';
import { AutoField } from './AutoValue';
import { columnsPreferenceKey, filterSpecs, isSortable, validateDecimal, type FilterSpec } from './fieldLogic';
import { pickLabel, resourceLabel } from './labels';
import type { ResourceMeta } from './types';
import { WithAutoMeta } from './useAutoResource';

type Translate = ReturnType<typeof useTranslate>;

/** The filter inputs of a resource, from its declared filters (see filterSpecs). */
const filterInputs = (specs: FilterSpec[], locale: string, translate: Translate) =>
    specs.map((spec) => {
        if (spec.kind === 'search') {
            return <SearchInput key="q" source="q" alwaysOn placeholder={translate('auto.list.search')} />;
        }
        const field = spec.field!;
        const base = pickLabel(field.label, locale, field.name);
        const label = spec.bound
            ? translate(spec.bound === 'gte' ? 'auto.list.range_from' : 'auto.list.range_to', { field: base })
            : base;
        switch (spec.kind) {
            case 'boolean':
                return <NullableBooleanInput key={spec.source} source={spec.source} label={label} />;
            case 'date':
                return <DateInput key={spec.source} source={spec.source} label={label} />;
            case 'number':
                return <NumberInput key={spec.source} source={spec.source} label={label} step={1} />;
            case 'decimal':
                // exact decimal text; the server reads it as a decimal
                return (
                    <TextInput
                        key={spec.source}
                        source={spec.source}
                        label={label}
                        validate={(v) => validateDecimal({ scale: 8 }, v)}
                    />
                );
            case 'text':
                return <TextInput key={spec.source} source={spec.source} label={label} />;
            default:
                // select (dictionary) and reference
                return <AutoInput key={spec.source} field={field} mode="filter" source={spec.source} label={label} />;
        }
    });

/**
 * Keeps the column chooser's stored labels in the current language: react-admin stores them
 * once, when the columns are first seen.
 */
const useColumnLabels = (preferenceKey: string, labels: (string | undefined)[]) => {
    const [available, setAvailable] = useStore<{ index: string; source?: string; label?: string }[]>(
        `preferences.${preferenceKey}.availableColumns`,
        [],
    );
    useEffect(() => {
        if (!available.length || available.length !== labels.length) return;
        if (available.every((c) => c.label === labels[Number(c.index)])) return;
        setAvailable(available.map((c) => ({ ...c, label: labels[Number(c.index)] })));
    }, [available, labels, setAvailable]);
};

/** The row's edit button; `label` is the column header (the button keeps its own). */
const RowEditButton = ({ lockedBy }: { label?: string; textAlign?: 'right'; lockedBy?: string | null }) => {
    const record = useRecordContext();
    // a locked record (e.g. the business date, rolled only by day-end) has no edit button
    return lockedBy && record?.[lockedBy] === true ? null : <EditButton />;
};

const AutoListActions = ({ meta, preferenceKey }: { meta: ResourceMeta; preferenceKey: string }) => (
    <TopToolbar>
        <FilterButton />
        <SelectColumnsButton preferenceKey={preferenceKey} />
        {meta.operations.create && <CreateButton />}
        <AutoImportButton meta={meta} />
        <ServerExportButton resource={meta.name} />
    </TopToolbar>
);

const AutoListView = ({ meta, listProps }: { meta: ResourceMeta; listProps?: Partial<ListProps> }) => {
    // The column set must be known before the column chooser first sees it (it resets its
    // stored choices when the number of columns changes): wait for the edit right.
    const { canAccess: canEdit, isPending } = useCanAccess({ resource: meta.name, action: 'edit' });
    if (isPending) return <LinearProgress sx={{ m: 2 }} />;
    return <AutoListTable meta={meta} listProps={listProps} editable={meta.operations.edit && !!canEdit} />;
};

const AutoListTable = ({
    meta,
    listProps,
    editable,
}: {
    meta: ResourceMeta;
    listProps?: Partial<ListProps>;
    editable: boolean;
}) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const preferenceKey = `${columnsPreferenceKey(meta)}${editable ? '' : '.ro'}`;
    const filters = useMemo(() => filterInputs(filterSpecs(meta), locale, translate), [meta, locale, translate]);
    const columnLabels = useMemo(
        () => [
            ...meta.fields.map((f) => pickLabel(f.label, locale, f.name)),
            ...(editable ? [translate('auto.list.actions')] : []),
        ],
        [meta, locale, translate, editable],
    );
    useColumnLabels(preferenceKey, columnLabels);
    const [sortField, sortOrder] = meta.default_sort;
    return (
        <List
            resource={meta.name}
            title={resourceLabel(meta, locale)}
            sort={{ field: sortField, order: sortOrder }}
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
            filters={filters}
            actions={<AutoListActions meta={meta} preferenceKey={preferenceKey} />}
            exporter={false}
            {...listProps}
        >
            <DatagridConfigurable
                preferenceKey={preferenceKey}
                omit={meta.fields.filter((f) => !f.list).map((f) => f.name)}
                bulkActionButtons={false}
                rowClick="show"
            >
                {meta.fields.map((f, i) => (
                    <AutoField
                        key={f.name}
                        field={f}
                        source={f.name}
                        label={columnLabels[i]}
                        sortable={isSortable(meta, f)}
                        textAlign={f.type === 'decimal' || f.type === 'integer' ? 'right' : undefined}
                    />
                ))}
                {editable && (
                    <RowEditButton
                        label={columnLabels[meta.fields.length]}
                        textAlign="right"
                        lockedBy={meta.locked_by}
                    />
                )}
            </DatagridConfigurable>
        </List>
    );
};

/** The generated list of a declared resource. */
export const AutoList = ({ meta, ...listProps }: { meta?: ResourceMeta } & Partial<ListProps>) => (
    <WithAutoMeta meta={meta}>{(m) => <AutoListView meta={m} listProps={listProps} />}</WithAutoMeta>
);

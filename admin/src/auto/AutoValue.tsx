import { Box, Chip, Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';
import {
    ReferenceField,
    useCanAccess,
    useCreatePath,
    useGetList,
    useLocaleState,
    useRecordContext,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { groupDecimal } from '../resources/fund_accounts/money';
import { dictLabel, displayFieldFor, findField } from './labels';
import { useResourceMeta } from './meta';
import type { FieldMeta, ResourceMeta } from './types';

const NONE = '—';

const Muted = () => (
    <Box component="span" sx={{ color: 'text.disabled' }}>
        {NONE}
    </Box>
);

/** Numbers as the server sent them (exact decimal strings), digits aligned. */
const NumberText = ({ text }: { text: string }) => (
    <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {text}
    </Box>
);

export const BooleanChip = ({ value }: { value: boolean }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            variant={value ? 'filled' : 'outlined'}
            color={value ? 'success' : 'default'}
            label={translate(value ? 'auto.common.yes' : 'auto.common.no')}
            sx={{ minWidth: 40 }}
        />
    );
};

/**
 * One field value rendered by its declared type: dictionary label for enums, 是/否 chips,
 * decimals as the exact strings the server sent (with 千分位), dates as YYYY-MM-DD, references as the
 * referenced record's display field.
 */
export const AutoValue = ({ field, value }: { field: FieldMeta; value: unknown }) => {
    const { data } = useResourceMeta();
    const [locale] = useLocaleState();
    if (value === null || value === undefined || value === '') return <Muted />;
    switch (field.type) {
        case 'enum':
            return <span title={String(value)}>{dictLabel(data?.dictionary, field.dict, value, locale)}</span>;
        case 'boolean':
            return <BooleanChip value={value === true || value === 'true'} />;
        case 'decimal':
            return <NumberText text={groupDecimal(String(value))} />;
        case 'integer':
            return <NumberText text={String(value)} />;
        case 'date':
            return <NumberText text={String(value).slice(0, 10)} />;
        case 'time':
            return <NumberText text={String(value).slice(0, 5)} />;
        case 'reference':
            return <ReferenceValue field={field} value={value} />;
        default:
            return field.dict_by ? <DictByValue field={field} value={value} /> : <>{String(value)}</>;
    }
};

/** A code whose dictionary category the record's other field chooses, by its words. */
const DictByValue = ({ field, value }: { field: FieldMeta; value: unknown }) => {
    const record = useRecordContext();
    const { data } = useResourceMeta();
    const [locale] = useLocaleState();
    const category = field.dict_by?.categories[String(record?.[field.dict_by.field] ?? '')];
    return <span title={String(value)}>{dictLabel(data?.dictionary, category, value, locale)}</span>;
};

/** A datagrid/show cell: the value of `field` in the current record. */
export const AutoField = ({ field }: AutoFieldProps) => {
    const record = useRecordContext();
    if (!record) return null;
    return <AutoValue field={field} value={record[field.name]} />;
};

export interface AutoFieldProps {
    field: FieldMeta;
    /** read by Datagrid / show layouts for headers, sorting and alignment */
    source?: string;
    label?: string;
    sortable?: boolean;
    textAlign?: 'left' | 'right' | 'center';
}

/** The referenced record's display field, itself rendered by its type (an enum shows its label). */
const ReferencedDisplay = ({ meta }: { meta: ResourceMeta }) => {
    const record = useRecordContext();
    const [locale] = useLocaleState();
    if (!record) return null;
    const name = displayFieldFor(meta, locale);
    const field = findField(meta, name);
    const value = record[name];
    if (field && field.type !== 'reference') return <AutoValue field={field} value={value} />;
    return <>{value === null || value === undefined || value === '' ? `#${record.id}` : String(value)}</>;
};

/**
 * A reference shown as the referenced record's display field, linked to its page. References
 * by id use react-admin's ReferenceField (batched getMany); references by another column (a
 * market code) look the record up by that column. Without the right to list the referenced
 * resource the raw value is shown.
 */
export const ReferenceValue = ({ field, value }: { field: FieldMeta; value: unknown }) => {
    const reference = field.reference ?? '';
    const { canAccess, isPending } = useCanAccess({ resource: reference, action: 'list' });
    const { getResource } = useResourceMeta();
    const refMeta = getResource(reference);
    if (isPending) return null;
    if (!canAccess || !reference) return <>{String(value)}</>;
    if ((field.reference_column ?? 'id') !== 'id') {
        return <ColumnReferenceValue field={field} value={value} refMeta={refMeta} />;
    }
    return (
        // The value is passed in (history rows, import previews have no record of their own).
        <ReferenceField
            record={{ id: 0, [field.name]: value }}
            source={field.name}
            reference={reference}
            link="show"
            emptyText={NONE}
        >
            {refMeta ? <ReferencedDisplay meta={refMeta} /> : undefined}
        </ReferenceField>
    );
};

const ColumnReferenceValue = ({
    field,
    value,
    refMeta,
}: {
    field: FieldMeta;
    value: unknown;
    refMeta?: ResourceMeta;
}) => {
    const reference = field.reference!;
    const column = field.reference_column!;
    const createPath = useCreatePath();
    const [locale] = useLocaleState();
    const { data } = useGetList<RaRecord>(
        reference,
        { filter: { [column]: value }, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } },
        { staleTime: 5 * 60_000 },
    );
    const record = data?.[0];
    if (!record) return <>{String(value)}</>;
    const displayName = refMeta ? displayFieldFor(refMeta, locale) : column;
    const text = record[displayName] ? String(record[displayName]) : String(value);
    return (
        <MuiLink
            component={Link}
            to={createPath({ resource: reference, id: record.id, type: 'show' })}
            onClick={(e) => e.stopPropagation()}
            title={String(value)}
            sx={{ whiteSpace: 'nowrap' }}
        >
            {text}
        </MuiLink>
    );
};

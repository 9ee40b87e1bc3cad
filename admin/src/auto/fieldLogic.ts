import { Decimal } from 'decimal.js';
import type { FieldMeta, ResourceMeta } from './types';

/** A validation failure as react-admin's validators return it: an i18n key and its arguments. */
export interface ValidationMessage {
    message: string;
    args: Record<string, unknown>;
}

/** Columns every declared resource has besides its fields. */
export const SYSTEM_COLUMNS = ['id', 'version', 'created_at', 'updated_at'] as const;

/** The wire format of a decimal with at most `scale` digits after the point (money is never a float). */
export const decimalPattern = (scale = 0): RegExp =>
    scale > 0 ? new RegExp(`^-?\\d+(\\.\\d{1,${scale}})?$`) : /^-?\d+$/;

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/**
 * Checks a decimal typed as text: the pattern for its scale, then the declared bounds, compared
 * as decimals (never parseFloat). The server checks again; this only answers sooner.
 */
export const validateDecimal = (
    field: Pick<FieldMeta, 'scale' | 'min' | 'max_value'>,
    value: unknown,
): ValidationMessage | undefined => {
    if (isBlank(value)) return undefined;
    const text = String(value).trim();
    const scale = field.scale ?? 0;
    if (!decimalPattern(scale).test(text)) {
        return scale > 0
            ? { message: 'auto.validation.decimal', args: { scale } }
            : { message: 'auto.validation.integer', args: {} };
    }
    const d = new Decimal(text);
    if (field.min !== undefined && field.min !== null && d.lt(String(field.min))) {
        return { message: 'auto.validation.min', args: { min: String(field.min) } };
    }
    if (field.max_value !== undefined && field.max_value !== null && d.gt(String(field.max_value))) {
        return { message: 'auto.validation.max', args: { max: String(field.max_value) } };
    }
    return undefined;
};

export const validateInteger = (
    field: Pick<FieldMeta, 'min' | 'max_value'>,
    value: unknown,
): ValidationMessage | undefined => {
    if (isBlank(value)) return undefined;
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    if (!Number.isInteger(n) || (typeof value === 'string' && !/^-?\d+$/.test(value.trim())))
        return { message: 'auto.validation.integer', args: {} };
    if (field.min !== undefined && field.min !== null && n < Number(field.min))
        return { message: 'auto.validation.min', args: { min: String(field.min) } };
    if (field.max_value !== undefined && field.max_value !== null && n > Number(field.max_value)) {
        return { message: 'auto.validation.max', args: { max: String(field.max_value) } };
    }
    return undefined;
};

export const validateTime = (value: unknown): ValidationMessage | undefined =>
    isBlank(value) || TIME_PATTERN.test(String(value)) ? undefined : { message: 'auto.validation.time', args: {} };

export const validateDate = (value: unknown): ValidationMessage | undefined =>
    isBlank(value) || (DATE_PATTERN.test(String(value)) && !Number.isNaN(Date.parse(`${String(value)}T00:00:00Z`)))
        ? undefined
        : { message: 'auto.validation.date', args: {} };

/** Whether an input for the field is editable in a form of the given mode. */
export const isWritable = (field: FieldMeta, mode: 'create' | 'edit'): boolean =>
    !field.read_only && !(mode === 'edit' && field.create_only);

/** The initial values of a create form: each field's declared default. */
export const createDefaults = (meta: Pick<ResourceMeta, 'fields'>): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    for (const f of meta.fields) {
        if (f.read_only || f.default === undefined) continue;
        values[f.name] = f.default;
    }
    return values;
};

/**
 * The body of a create (POST) or update (PUT) from the form's values. The server's body schema is
 * strict: only writable declared fields (not read-only; on update not create-only either), plus
 * `version` on update for the optimistic lock. Empty inputs become what the field accepts: '' for
 * non-nullable text, null where the field is nullable; otherwise they are left out so the server's
 * default (create) or the stored value (update) applies, or its "required" message shows.
 */
export const toWritePayload = (
    meta: Pick<ResourceMeta, 'fields'>,
    values: Record<string, unknown>,
    mode: 'create' | 'edit',
): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of meta.fields) {
        if (!isWritable(f, mode)) continue;
        if (!(f.name in values)) continue;
        let v = values[f.name];
        if (typeof v === 'string' && f.type !== 'text') v = v.trim();
        if (isBlank(v)) {
            if (f.nullable) out[f.name] = null;
            else if (f.type === 'text') out[f.name] = '';
            continue;
        }
        switch (f.type) {
            case 'integer':
                out[f.name] = typeof v === 'number' ? v : /^-?\d+$/.test(String(v)) ? Number(v) : v;
                break;
            case 'decimal':
                out[f.name] = String(v);
                break;
            case 'reference':
                out[f.name] =
                    (f.reference_column ?? 'id') === 'id' && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
                break;
            default:
                out[f.name] = v;
        }
    }
    if (mode === 'edit' && values.version !== undefined) out.version = values.version;
    return out;
};

/** Two values of a field equal for a diff: decimals compare by value ("5" = "5.00"), the rest as text. */
export const sameValue = (field: Pick<FieldMeta, 'type'> | undefined, a: unknown, b: unknown): boolean => {
    if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
    if (field?.type === 'decimal') {
        try {
            return new Decimal(String(a)).eq(String(b));
        } catch {
            return String(a) === String(b);
        }
    }
    if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
    return String(a) === String(b);
};

export interface FieldChange {
    name: string;
    field?: FieldMeta;
    before: unknown;
    after: unknown;
}

const asObject = (value: unknown): Record<string, unknown> | null =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The changed fields between two snapshots, in the resource's field order. Only declared fields
 * count (id, version and timestamps are noise to the reader). A snapshot with no `before` (a
 * create) lists the fields it sets; with no `after` (a delete) the fields it had. With both, only
 * keys present in both are compared: either side may be partial (an approval's payload holds the
 * submitted fields, an import's audit `before` only the fields it changed).
 * Without field declarations every key except the system columns is compared.
 */
export const changedFields = (fields: FieldMeta[] | undefined, before: unknown, after: unknown): FieldChange[] => {
    const b = asObject(before);
    const a = asObject(after);
    if (!b && !a) return [];
    const declared = fields && fields.length > 0;
    const names = declared
        ? fields!.map((f) => f.name)
        : [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter(
              (k) => !(SYSTEM_COLUMNS as readonly string[]).includes(k),
          );
    const changes: FieldChange[] = [];
    for (const name of names) {
        const field = declared ? fields!.find((f) => f.name === name) : undefined;
        const inBefore = !!b && name in b;
        const inAfter = !!a && name in a;
        if (!inBefore && !inAfter) continue;
        if (a && b && !(inBefore && inAfter)) continue;
        const beforeValue = b ? b[name] : undefined;
        const afterValue = a ? a[name] : undefined;
        if (!b && isBlank(afterValue)) continue;
        if (!a && isBlank(beforeValue)) continue;
        if (a && b && sameValue(field, beforeValue, afterValue)) continue;
        changes.push({ name, field, before: beforeValue, after: afterValue });
    }
    return changes;
};

/** The sort field is only offered on columns the server allows. */
export const isSortable = (
    meta: Pick<ResourceMeta, 'sortable'>,
    field: Pick<FieldMeta, 'name' | 'sortable'>,
): boolean => field.sortable || meta.sortable.includes(field.name);

export type FilterKind = 'search' | 'select' | 'reference' | 'boolean' | 'text' | 'number' | 'date' | 'decimal';

export interface FilterSpec {
    /** the filter key sent to the server */
    source: string;
    kind: FilterKind;
    field?: FieldMeta;
    /** for range filters: which end this input is */
    bound?: 'gte' | 'lte';
    alwaysOn?: boolean;
}

/**
 * The list filters of a resource, from its fields' `filter` declarations: the global search `q`
 * first; `eq` picks an input by type (dictionary select, reference autocomplete, yes/no/any);
 * `like` is a text box; `range` two inputs <name>_gte and <name>_lte.
 */
export const filterSpecs = (meta: Pick<ResourceMeta, 'fields'>): FilterSpec[] => {
    const specs: FilterSpec[] = [{ source: 'q', kind: 'search', alwaysOn: true }];
    const valueKind = (f: FieldMeta): FilterKind =>
        f.type === 'date' ? 'date' : f.type === 'integer' ? 'number' : f.type === 'decimal' ? 'decimal' : 'text';
    for (const f of meta.fields) {
        if (!f.filter) continue;
        if (f.filter === 'range') {
            specs.push({ source: `${f.name}_gte`, kind: valueKind(f), field: f, bound: 'gte' });
            specs.push({ source: `${f.name}_lte`, kind: valueKind(f), field: f, bound: 'lte' });
        } else if (f.filter === 'like') {
            specs.push({ source: f.name, kind: 'text', field: f });
        } else if (f.type === 'enum') {
            specs.push({ source: f.name, kind: 'select', field: f });
        } else if (f.type === 'reference') {
            specs.push({ source: f.name, kind: 'reference', field: f });
        } else if (f.type === 'boolean') {
            specs.push({ source: f.name, kind: 'boolean', field: f });
        } else {
            specs.push({ source: f.name, kind: valueKind(f), field: f });
        }
    }
    return specs;
};

/** Leaves out filters with no value (an emptied input), as the list request does. */
export const cleanFilter = (filter: Record<string, unknown> | undefined): Record<string, unknown> =>
    Object.fromEntries(Object.entries(filter ?? {}).filter(([, v]) => !isBlank(v)));

/**
 * GET /api/<name>/export with the list's sort and filter, encoded as ra-data-simple-rest does, and
 * the file's format (.xlsx unless CSV; CSV in UTF-8 with a BOM unless GBK).
 */
export const exportUrl = (
    apiUrl: string,
    resource: string,
    sort: { field: string; order: string } | undefined,
    filter: Record<string, unknown> | undefined,
    file: { format?: 'xlsx' | 'csv'; encoding?: 'gbk' } = {},
): string => {
    const params = new URLSearchParams();
    if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
    params.set('filter', JSON.stringify(filter ?? {}));
    if (file.format === 'csv') {
        params.set('format', 'csv');
        if (file.encoding === 'gbk') params.set('encoding', 'gbk');
    }
    return `${apiUrl}/${resource}/export?${params.toString()}`;
};

/** GET /api/<name>/import_template: the column titles of an import file, to fill in. */
export const templateUrl = (apiUrl: string, resource: string): string => `${apiUrl}/${resource}/import_template`;

/**
 * The file name of a download from its Content-Disposition header (RFC 6266): filename*=UTF-8''…
 * (percent-encoded, Chinese names) wins over the ASCII filename="…"; the fallback otherwise.
 */
export const filenameFromDisposition = (header: string | null | undefined, fallback: string): string => {
    if (!header) return fallback;
    const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
    if (star) {
        try {
            return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
        } catch {
            // fall through to the plain name
        }
    }
    const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
    return plain ? plain[1].trim() || fallback : fallback;
};

/** A key for the column chooser's stored preferences that changes when the declared fields do. */
export const columnsPreferenceKey = (meta: Pick<ResourceMeta, 'name' | 'fields'>): string => {
    let hash = 0;
    for (const ch of meta.fields.map((f) => f.name).join(',')) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return `${meta.name}.auto.${hash.toString(36)}`;
};

/** One line of the before/after table on the audit show page. */
export interface DiffRow {
    field: string;
    before: unknown;
    after: unknown;
    changed: boolean;
}

const asObject = (value: unknown): Record<string, unknown> | null =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Field-by-field comparison of an audit row's before and after snapshots (either may be null:
 * a create has no before, a delete no after). Changed fields come first, what the reader looks
 * for; otherwise the snapshot's order is kept. A non-object snapshot is one "value" line.
 */
export const diffRows = (before: unknown, after: unknown): DiffRow[] => {
    const b = asObject(before);
    const a = asObject(after);
    if ((before != null && !b) || (after != null && !a)) {
        return [{ field: 'value', before, after, changed: !sameValue(before, after) }];
    }
    const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    const rows = fields.map((field) => {
        const beforeValue = b ? b[field] : undefined;
        const afterValue = a ? a[field] : undefined;
        return { field, before: beforeValue, after: afterValue, changed: !sameValue(beforeValue, afterValue) };
    });
    return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
};

/** A readable rendering of a snapshot value: no JSON braces or quotes for the usual scalars. */
export const formatValue = (value: unknown, labels: { yes: string; no: string } = { yes: '✓', no: '✗' }): string => {
    if (value === undefined || value === null || value === '') return '—';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    if (typeof value === 'boolean') return value ? labels.yes : labels.no;
    if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => formatValue(v, labels)).join(', ');
    return Object.entries(value as Record<string, unknown>)
        .map(([key, inner]) => `${key}: ${formatValue(inner, labels)}`)
        .join('; ');
};

/** ISO timestamps in snapshots are UTC; recognise them to show them in local time. */
export const isIsoTimestamp = (value: unknown): value is string =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);

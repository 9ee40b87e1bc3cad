import { pickLabel } from './labels';
import type { FieldMeta, ResourceMeta } from './types';

/** POST /api/<name>/import → the checked plan; nothing is written until it is confirmed. */
export interface ImportPreview {
    batch_id: number;
    file_name: string;
    summary: { rows: number; create: number; update: number; unchanged: number; errors: number };
    errors: { row: number; field: string; message: string }[];
    creates: { row: number; values: Record<string, unknown> }[];
    updates: {
        row: number;
        id: number;
        version: number;
        values: Record<string, unknown>;
        before: Record<string, unknown>;
    }[];
}

/** POST /api/<name>/import/<batch>/confirm: 200 applied, or 202 waiting for approval. */
export interface ImportConfirmResult {
    created?: number;
    updated?: number;
    approval_id?: number;
}

export const normalizePreview = (json: unknown): ImportPreview => {
    const body = (json && typeof json === 'object' ? json : {}) as Partial<ImportPreview>;
    const summary = body.summary ?? { rows: 0, create: 0, update: 0, unchanged: 0, errors: 0 };
    return {
        batch_id: Number(body.batch_id),
        file_name: String(body.file_name ?? ''),
        summary: {
            rows: Number(summary.rows) || 0,
            create: Number(summary.create) || 0,
            update: Number(summary.update) || 0,
            unchanged: Number(summary.unchanged) || 0,
            errors: Number(summary.errors) || 0,
        },
        errors: Array.isArray(body.errors) ? body.errors : [],
        creates: Array.isArray(body.creates) ? body.creates : [],
        updates: Array.isArray(body.updates) ? body.updates : [],
    };
};

/** Confirming makes sense only for a clean file that changes something. */
export const canConfirm = (preview: ImportPreview | null | undefined): boolean =>
    !!preview &&
    preview.summary.errors === 0 &&
    preview.summary.create + preview.summary.update > 0 &&
    Number.isFinite(preview.batch_id);

/**
 * The label of an error's field: a declared field, a natural key ("fee_item+scope" → "费用项目 +
 * 适用范围"), or nothing for a row-level message ("_").
 */
export const errorFieldLabel = (meta: Pick<ResourceMeta, 'fields'>, field: string, locale: string): string => {
    if (!field || field === '_') return '';
    return field
        .split('+')
        .map((part) => {
            const f = meta.fields.find((x) => x.name === part);
            return f ? pickLabel(f.label, locale, part) : part;
        })
        .join(' + ');
};

/** The columns of the "to create" table: declared fields any of the rows sets, in declaration order. */
export const createColumns = (meta: Pick<ResourceMeta, 'fields'>, creates: ImportPreview['creates']): FieldMeta[] =>
    meta.fields.filter((f) => creates.some((c) => c.values && f.name in c.values));

/** The natural key of the resource in words, for the dialog's explanation. */
export const keyLabel = (meta: Pick<ResourceMeta, 'fields' | 'key'>, locale: string): string =>
    meta.key.map((k) => pickLabel(meta.fields.find((f) => f.name === k)?.label, locale, k)).join(' + ');

/** Messages of a refused upload (400 with fields such as missing_columns or file). */
export const uploadErrorLines = (error: unknown): string[] => {
    const body = (error as { body?: { error?: { message?: string; fields?: Record<string, unknown> } } } | null)?.body;
    const fields = body?.error?.fields;
    const lines = fields ? Object.values(fields).map((v) => String(v)) : [];
    return lines.length ? lines : [body?.error?.message || (error as Error)?.message || String(error)];
};

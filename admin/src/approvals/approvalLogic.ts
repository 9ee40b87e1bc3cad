import { changedFields, type FieldChange } from '../auto/fieldLogic';
import type { FieldMeta } from '../auto/types';

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'failed'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_OPERATIONS = ['create', 'update', 'delete', 'import', 'grant'] as const;

/** One row of GET /api/approvals. */
export interface Approval {
    id: number;
    resource: string;
    record_id: string | null;
    operation: string;
    payload: unknown;
    before: unknown;
    summary: string;
    status: string;
    maker_id: number;
    maker_name?: string;
    maker_username?: string;
    checker_id: number | null;
    checker_name?: string | null;
    decided_at: string | null;
    comment: string;
    result_id: string | null;
    created_at: string;
}

/** Resources whose changes may wait in the inbox besides the declared ones (role grants, restores). */
export const EXTRA_APPROVAL_RESOURCES = ['roles', 'backups'] as const;

export type ApprovalDiff =
    | { kind: 'changes'; changes: FieldChange[]; deleting: boolean }
    | { kind: 'import'; file: string; create: number; update: number };

const asObject = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * What an approval would change, for the checker: a create lists the values it sets; an update
 * the fields whose payload differs from the record as it was when submitted; a delete the record
 * it removes; an import its counts (the rows were previewed by the maker).
 */
export const approvalDiff = (
    approval: Pick<Approval, 'operation' | 'payload' | 'before' | 'summary'>,
    fields?: FieldMeta[],
): ApprovalDiff => {
    const payload = asObject(approval.payload);
    switch (approval.operation) {
        case 'import':
            return {
                kind: 'import',
                file: approval.summary ?? '',
                create: Number(payload.create) || 0,
                update: Number(payload.update) || 0,
            };
        case 'create':
        case 'restore': // a restore has nothing "before": its request is shown as values
            return { kind: 'changes', changes: changedFields(fields, null, payload), deleting: false };
        case 'delete':
            return { kind: 'changes', changes: changedFields(fields, approval.before, null), deleting: true };
        default:
            return {
                kind: 'changes',
                changes: changedFields(fields, approval.before ?? {}, payload),
                deleting: false,
            };
    }
};

/** The record an approval is about, once it exists: the edited one, or the one an approved create made. */
export const approvalRecordId = (
    approval: Pick<Approval, 'operation' | 'record_id' | 'result_id' | 'status'>,
): string | null => {
    if (approval.operation === 'import') return null;
    if (approval.operation === 'delete') return approval.status === 'approved' ? null : approval.record_id;
    return approval.record_id ?? approval.result_id ?? null;
};

/**
 * The page an approval's record opens: the record of its resource, or — for the rights kept on
 * the roles resource — the role whose rights change (`role:6`) or the operator given roles
 * (`operator:5`).
 */
export const approvalTarget = (
    approval: Pick<Approval, 'resource' | 'operation' | 'record_id' | 'result_id' | 'status'>,
): { resource: string; id: string } | null => {
    const id = approvalRecordId(approval);
    if (!id) return null;
    const m = /^(role|operator):(\d+)$/.exec(id);
    if (m) return { resource: m[1] === 'role' ? 'roles' : 'operators', id: m[2]! };
    return { resource: approval.resource, id };
};

export const STATUS_COLORS: Record<string, 'warning' | 'success' | 'error' | 'default'> = {
    pending: 'warning',
    approved: 'success',
    rejected: 'error',
    failed: 'error',
};

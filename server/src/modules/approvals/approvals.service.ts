import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ApprovalsTable } from '../../db/schema.js';
import type { Deps } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { t } from '../../http/messages.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { inTransaction } from '../../db/transaction.js';

export type Operation = 'create' | 'update' | 'delete' | 'import' | 'grant' | 'reverse' | 'restore';
export type ApprovalRow = Selectable<ApprovalsTable>;

/** Carries out an approved change, inside the approval's transaction, as the checker. */
export type Applier = (
  db: Db,
  checker: Actor,
  approval: { operation: Operation; record_id: string | null; payload: any; maker_id: number; id: number },
) => Promise<string | null>;

const appliers = new Map<string, Applier>();

/** How a resource that needs 复核 applies an approved change; every one is registered by
 * registerAppliers() (appliers.ts), which createApp calls. */
export function registerApplier(resource: string, applier: Applier) {
  appliers.set(resource, applier);
}

/**
 * Carries out an approved change that cannot run inside the approval's transaction: a database
 * restore replaces the very database that transaction lives in. It gets the app's dependencies,
 * claims the approval, applies the change and records the decision itself.
 */
export type DetachedApplier = (
  deps: Deps,
  checker: Actor,
  approval: ApprovalRow,
  comment: string,
) => Promise<ApprovalRow>;

const detachedAppliers = new Map<string, DetachedApplier>();

export function registerDetachedApplier(resource: string, applier: DetachedApplier) {
  detachedAppliers.set(resource, applier);
}

/**
 * Maker-checker (复核, DOMAIN.md §8): the change waits as a pending approval. One pending change
 * per record at a time (a unique index enforces it too).
 */
export async function submitApproval(
  db: Db,
  maker: Actor,
  change: {
    resource: string;
    operation: Operation;
    record_id: string | null;
    payload: unknown;
    before: unknown;
    summary?: string /** the branch whose checkers decide; the maker's by default */;
    branch_id?: number;
  },
) {
  if (change.record_id !== null) {
    const pending = await db
      .selectFrom('approvals')
      .select('id')
      .where('resource', '=', change.resource)
      .where('record_id', '=', change.record_id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw new AppError(409, 'PENDING_APPROVAL', 'pending_exists');
  }
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('approvals')
      .values({
        resource: change.resource,
        record_id: change.record_id,
        operation: change.operation,
        payload: JSON.stringify(change.payload),
        before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
        summary: change.summary ?? '',
        maker_id: maker.operator_id!,
        branch_id: change.branch_id ?? maker.branch_id,
        created_at: maker.at,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await audit(trx, maker, {
      action: 'submit',
      resource: change.resource,
      record_id: change.record_id,
      before: change.before,
      after: change.payload,
      detail: `approval #${row.id}`,
    });
    return row;
  });
}

async function pendingApproval(db: Db, id: number, scope: number | null) {
  let q = db.selectFrom('approvals').selectAll().where('id', '=', id);
  if (scope !== null) q = q.where('branch_id', '=', scope);
  const a = await q.executeTakeFirst();
  if (!a) throw notFound();
  if (a.status !== 'pending') throw new AppError(409, 'CONFLICT', 'approval_decided');
  return a;
}

/** Never the maker, and only with the resource's approve right; a refusal is a failed
 * authorisation, so it goes to the audit trail (DOMAIN.md §8). */
async function mayDecide(
  db: Db,
  checker: Actor,
  permissions: Set<string>,
  a: { id: number; resource: string; operation: string; maker_id: number },
) {
  let refusal: AppError | null = null;
  if (a.maker_id === checker.operator_id) refusal = new AppError(403, 'OWN_APPROVAL', 'own_approval');
  else if (!permissions.has(`${a.resource}.approve`))
    refusal = new AppError(403, 'FORBIDDEN', 'approve_right_missing', { resource: a.resource });
  if (!refusal) return;
  await audit(db, checker, {
    action: 'forbidden',
    resource: 'approvals',
    record_id: a.id,
    detail: `${refusal.code}: ${a.resource} ${a.operation}`,
  });
  throw refusal;
}

/** The checker approves: never the maker, and only with the resource's approve right. The change
 * and the decision commit together (a detached applier, given `deps`, records them itself). */
export async function approve(
  db: Db,
  checker: Actor,
  permissions: Set<string>,
  scope: number | null,
  id: number,
  comment: string,
  deps?: Deps,
) {
  const a = await pendingApproval(db, id, scope);
  await mayDecide(db, checker, permissions, a);
  const applier = appliers.get(a.resource);
  const detached = detachedAppliers.get(a.resource);
  if (!applier && !detached) throw new Error(`no applier for ${a.resource}`);
  try {
    if (detached) {
      if (!deps || db.isTransaction)
        throw new Error(`${a.resource} approvals apply outside any transaction, given the app's dependencies`);
      return await detached(deps, checker, a, comment);
    }
    return await applyApproved(db, checker, a, applier!, comment);
  } catch (e) {
    // the change no longer applies (a rule refuses it, or its record moved on): the approval is
    // closed as failed, with the reason, so the maker can submit a fresh one
    if (
      e instanceof AppError &&
      (e.status === 400 || e.status === 409) &&
      e.key !== 'approval_decided' &&
      !db.isTransaction
    ) {
      const reason =
        t('zh', e.key, e.params) +
        (e.fields
          ? `：${Object.values(e.fields)
              .map((f) => (typeof f === 'string' ? f : t('zh', f.key, f.params)))
              .join('；')}`
          : '');
      await inTransaction(db, async (trx) => {
        const r = await trx
          .updateTable('approvals')
          .set({
            status: 'failed',
            checker_id: checker.operator_id,
            decided_at: checker.at,
            comment: reason.slice(0, 500),
          })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1)
          await audit(trx, checker, {
            action: 'approve_failed',
            resource: 'approvals',
            record_id: id,
            detail: reason.slice(0, 500),
          });
      });
    }
    throw e;
  }
}

async function applyApproved(
  db: Db,
  checker: Actor,
  a: Awaited<ReturnType<typeof pendingApproval>>,
  applier: Applier,
  comment: string,
) {
  const id = a.id;
  return inTransaction(db, async (trx) => {
    const claimed = await trx
      .updateTable('approvals')
      .set({ status: 'approved', checker_id: checker.operator_id, decided_at: checker.at, comment })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError(409, 'CONFLICT', 'approval_decided');
    const resultId = await applier(trx, checker, {
      id: a.id,
      operation: a.operation as Operation,
      record_id: a.record_id,
      payload: a.payload,
      maker_id: a.maker_id,
    });
    await trx.updateTable('approvals').set({ result_id: resultId }).where('id', '=', id).execute();
    await audit(trx, checker, {
      action: 'approve',
      resource: 'approvals',
      record_id: id,
      detail: `${a.resource} ${a.operation} ${a.record_id ?? resultId ?? ''}`.trim(),
    });
    return {
      ...a,
      status: 'approved',
      checker_id: checker.operator_id,
      decided_at: checker.at,
      comment,
      result_id: resultId,
    };
  });
}

export async function reject(
  db: Db,
  checker: Actor,
  permissions: Set<string>,
  scope: number | null,
  id: number,
  comment: string,
) {
  const a = await pendingApproval(db, id, scope);
  await mayDecide(db, checker, permissions, a);
  return inTransaction(db, async (trx) => {
    // claimed like an approval: a concurrent approve may have decided (and applied) it meanwhile
    const claimed = await trx
      .updateTable('approvals')
      .set({ status: 'rejected', checker_id: checker.operator_id, decided_at: checker.at, comment })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError(409, 'CONFLICT', 'approval_decided');
    await audit(trx, checker, { action: 'reject', resource: 'approvals', record_id: id, detail: comment });
    return { ...a, status: 'rejected', checker_id: checker.operator_id, decided_at: checker.at, comment };
  });
}

import type { Db } from '../db/connect.js';
import { AppError, badRequest, notFound, stale, type FieldMsg } from '../http/errors.js';
import { audit, type Actor } from '../modules/audit/audit.service.js';
import { submitApproval } from '../modules/approvals/approvals.service.js';
import { branchColumnOf, isLocked, type ResourceDef } from './define-resource.js';
import { anyDb, findRow, type Row } from './crud.repository.js';
import { dbErrorFields } from './db-errors.js';
import { inTransaction } from '../db/transaction.js';

export type Values = Record<string, unknown>;

/**
 * Checks what each field's own schema cannot: dictionary codes, references that must exist
 * (and, for branches, lie within the operator's scope), then the resource's own rules.
 */
export async function checkValues(db: Db, def: ResourceDef, scope: number | null, row: Values, current?: Values) {
  const fields: Record<string, FieldMsg> = {};
  for (const f of def.fields) {
    const v = row[f.name];
    if (v === null || v === undefined || v === '') continue;
    if (f.type === 'enum') {
      const hit = await db
        .selectFrom('dictionary')
        .select('id')
        .where('category', '=', f.dict!)
        .where('code', '=', String(v))
        .executeTakeFirst();
      if (!hit) fields[f.name] = { key: 'unknown_code', params: { value: String(v).slice(0, 40) } };
    } else if (f.type === 'reference') {
      if (f.reference === 'branches' && scope !== null && v !== scope) {
        fields[f.name] = { key: 'branch_out_of_scope' };
        continue;
      }
      const hit = await anyDb(db)
        .selectFrom(f.reference!)
        .select('id')
        .where(f.referenceColumn ?? 'id', '=', v)
        .executeTakeFirst();
      if (!hit) fields[f.name] = { key: 'unknown_reference' };
    }
  }
  if (def.scope === 'branch' && scope !== null && row[branchColumnOf(def)] !== scope && !fields[branchColumnOf(def)]) {
    fields[branchColumnOf(def)] = { key: 'branch_out_of_scope' };
  }
  if (!Object.keys(fields).length && def.rules) Object.assign(fields, (await def.rules(row, { db, current })) ?? {});
  if (Object.keys(fields).length) throw badRequest(fields);
}

const writable = (def: ResourceDef, values: Values) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => def.fields.some((f) => f.name === k && !f.readOnly)));

/** Fills in a branch-scoped record's branch with the operator's own when not given. */
function withBranch(def: ResourceDef, actor: Actor, values: Values): Values {
  const col = branchColumnOf(def);
  if (def.scope !== 'branch' || values[col] !== undefined) return values;
  return { ...values, [col]: actor.branch_id };
}

async function guardDb<T>(def: ResourceDef, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const fields = dbErrorFields(def, e);
    if (fields) throw badRequest(fields);
    throw e;
  }
}

/** Writes a change and its audit row in one transaction. Used directly, and by an approval once approved. */
export async function applyChange(
  db: Db,
  def: ResourceDef,
  actor: Actor,
  op: 'create' | 'update' | 'delete',
  id: number | null,
  values: Values,
  detail = '',
): Promise<Row> {
  return guardDb(def, () =>
    inTransaction(db, async (trx) => {
      const t = anyDb(trx);
      if (op === 'create') {
        const row = (await t
          .insertInto(def.name)
          .values({ ...writable(def, values), created_at: actor.at, updated_at: actor.at })
          .returningAll()
          .executeTakeFirstOrThrow()) as Row;
        await audit(trx, actor, { action: 'create', resource: def.name, record_id: row.id, after: row, detail });
        return row;
      }
      const before = await findRow(trx, def, null, id!);
      if (!before) throw notFound();
      if (op === 'delete') {
        await t.deleteFrom(def.name).where('id', '=', id).execute();
        await audit(trx, actor, { action: 'delete', resource: def.name, record_id: id, before, detail });
        return before;
      }
      const r = await t
        .updateTable(def.name)
        .set((eb: any) => ({ ...writable(def, values), version: eb('version', '+', 1), updated_at: actor.at }))
        .where('id', '=', id)
        .where('version', '=', values.version)
        .returningAll()
        .executeTakeFirst();
      if (!r) throw stale();
      await audit(trx, actor, { action: 'update', resource: def.name, record_id: id, before, after: r, detail });
      return r as Row;
    }),
  );
}

export type WriteResult = { status: 200 | 201; row: Row } | { status: 202; row: Values; approval_id: number };

export async function createRecord(
  db: Db,
  def: ResourceDef,
  actor: Actor,
  scope: number | null,
  input: Values,
): Promise<WriteResult> {
  const values = withBranch(def, actor, input);
  await checkValues(db, def, scope, values);
  if (def.approval) {
    const approval = await submitApproval(db, actor, {
      resource: def.name,
      operation: 'create',
      record_id: null,
      payload: values,
      before: null,
    });
    return { status: 202, row: { ...values, id: null }, approval_id: approval.id };
  }
  return { status: 201, row: await applyChange(db, def, actor, 'create', null, values) };
}

export async function updateRecord(
  db: Db,
  def: ResourceDef,
  actor: Actor,
  scope: number | null,
  id: number,
  input: Values,
): Promise<WriteResult> {
  const current = await findRow(db, def, scope, id);
  if (!current) throw notFound();
  if (isLocked(def, current)) throw new AppError(400, 'VALIDATION_FAILED', 'read_only_record');
  if (current.version !== input.version) throw stale();
  const merged = { ...current, ...input };
  await checkValues(db, def, scope, merged, current);
  if (def.approval) {
    const approval = await submitApproval(db, actor, {
      resource: def.name,
      operation: 'update',
      record_id: String(id),
      payload: input,
      before: current,
    });
    return { status: 202, row: current, approval_id: approval.id };
  }
  return { status: 200, row: await applyChange(db, def, actor, 'update', id, input) };
}

export async function deleteRecord(
  db: Db,
  def: ResourceDef,
  actor: Actor,
  scope: number | null,
  id: number,
): Promise<WriteResult> {
  const current = await findRow(db, def, scope, id);
  if (!current) throw notFound();
  if (isLocked(def, current)) throw new AppError(400, 'VALIDATION_FAILED', 'read_only_record');
  if (def.approval) {
    const approval = await submitApproval(db, actor, {
      resource: def.name,
      operation: 'delete',
      record_id: String(id),
      payload: { version: current.version },
      before: current,
    });
    return { status: 202, row: current, approval_id: approval.id };
  }
  return { status: 200, row: await applyChange(db, def, actor, 'delete', id, {}) };
}

/** Who changed a record, when, and how: its audit rows, newest first. */
export async function recordHistory(db: Db, def: ResourceDef, scope: number | null, id: number) {
  if (!(await findRow(db, def, scope, id))) {
    // a deleted record keeps its history, visible to whoever could see the resource's rows
    const any = await db
      .selectFrom('audit_log')
      .select('id')
      .where('resource', '=', def.name)
      .where('record_id', '=', String(id))
      .executeTakeFirst();
    if (!any || def.scope === 'branch') throw notFound();
  }
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'operator_id', 'username', 'action', 'before', 'after', 'detail'])
    .where('resource', '=', def.name)
    .where('record_id', '=', String(id))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

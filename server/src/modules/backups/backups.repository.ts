import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ApprovalsTable, AuditLogTable, BackupsTable } from '../../db/schema.js';
import type { Manifest } from './backups.files.js';

export type Backup = Selectable<BackupsTable>;
export type AuditRow = Selectable<AuditLogTable>;

export interface BackupFilter {
  id?: number | number[];
  kind?: string;
  business_date?: string;
}

/** Backups are company-wide files (one database), so no branch scope. */
export function backupsQuery(db: Db, f: BackupFilter) {
  let q = db.selectFrom('backups as b').leftJoin('operators as o', 'o.id', 'b.created_by');
  if (f.id !== undefined) q = q.where('b.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.kind) q = q.where('b.kind', '=', f.kind as Backup['kind']);
  if (f.business_date) q = q.where('b.business_date', '=', f.business_date);
  return q.select((eb) => [
    'b.id',
    'b.kind',
    'b.business_date',
    'b.run_id',
    'b.engine',
    'b.file',
    'b.bytes',
    'b.sha256',
    'b.schema_version',
    'b.created_by',
    'o.name as created_by_name',
    'b.created_at',
    'b.note',
    // the restore waiting in 复核, if any: the screen shows it instead of another restore button
    eb
      .selectFrom('approvals as a')
      .select('a.id')
      .where('a.resource', '=', 'backups')
      .where('a.status', '=', 'pending')
      .where('a.record_id', '=', eb.cast<string>('b.id', 'text'))
      .limit(1)
      .as('pending_approval_id'),
  ]);
}

export function findBackup(db: Db, id: number): Promise<Backup | undefined> {
  return db.selectFrom('backups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertBackup(db: Db, row: Omit<Backup, 'id'>): Promise<Backup> {
  return db.insertInto('backups').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The last migration applied: a snapshot restores only into the schema it was taken from. */
export async function schemaVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string | null }>`SELECT max(name) AS name FROM kysely_migration`.execute(db);
  return rows[0]?.name ?? '';
}

/** The open business date (system parameter rolled by day-end). */
export async function openBusinessDate(db: Db): Promise<string> {
  const row = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'business_date')
    .executeTakeFirstOrThrow();
  return row.value;
}

async function ids(db: Db, table: 'operators' | 'branches'): Promise<Set<number>> {
  return new Set((await db.selectFrom(table).select('id').execute()).map((r) => r.id));
}

/** Moves an identity column's sequence past the largest id, after rows were inserted with ids of their own. */
async function bumpSequence(db: Db, table: 'backups' | 'audit_log' | 'approvals') {
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
    db,
  );
}

/**
 * Makes the table list every snapshot in `manifests` (the files on disk): the ones it lacks are
 * inserted, under their own id when that is free. An operator the database no longer knows (it
 * was created after the restored snapshot) leaves `created_by` empty. Returns how many were added.
 */
export async function indexManifests(db: Db, manifests: Manifest[]): Promise<number> {
  const rows = await db.selectFrom('backups').select(['id', 'file']).execute();
  const files = new Set(rows.map((r) => r.file));
  const taken = new Set(rows.map((r) => r.id));
  const operators = await ids(db, 'operators');
  let added = 0;
  for (const m of manifests) {
    if (files.has(m.file)) continue;
    const row = {
      kind: m.kind,
      business_date: m.business_date,
      run_id: m.run_id,
      engine: m.engine,
      file: m.file,
      bytes: m.bytes,
      sha256: m.sha256,
      schema_version: m.schema_version,
      created_by: m.created_by !== null && operators.has(m.created_by) ? m.created_by : null,
      created_at: new Date(m.created_at),
      note: m.note,
    };
    const inserted = await db
      .insertInto('backups')
      .values(taken.has(m.id) ? row : { ...row, id: m.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    taken.add(inserted.id);
    added++;
  }
  if (added) await bumpSequence(db, 'backups');
  return added;
}

/** The audit trail from `since` on, to carry across a restore. */
export function auditRowsSince(db: Db, since: Date): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().where('at', '>=', since).orderBy('id').execute();
}

/**
 * Puts back the audit rows a restore removed: each under its own id, skipped where the restored
 * trail has that id already (the trail is never rewound, so an id names one row for good). A
 * reference to an operator or branch created after the snapshot is cleared; the username stays.
 * Returns how many rows came back.
 */
export async function reinsertAuditRows(db: Db, rows: AuditRow[]): Promise<number> {
  if (!rows.length) return 0;
  const operators = await ids(db, 'operators');
  const branches = await ids(db, 'branches');
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows
      .slice(i, i + 500)
      .map(
        (r) =>
          sql`(${r.id}, ${r.at}, ${r.operator_id !== null && operators.has(r.operator_id) ? r.operator_id : null}, ${r.username}, ${r.branch_id !== null && branches.has(r.branch_id) ? r.branch_id : null}, ${r.ip}, ${r.action}, ${r.resource}, ${r.record_id}, ${json(r.before)}::jsonb, ${json(r.after)}::jsonb, ${r.detail}, ${r.request_id})`,
      );
    // audit_log.id is GENERATED ALWAYS: keeping the original ids needs OVERRIDING SYSTEM VALUE
    const result =
      await sql`INSERT INTO audit_log (id, at, operator_id, username, branch_id, ip, action, resource, record_id, before, after, detail, request_id)
      OVERRIDING SYSTEM VALUE VALUES ${sql.join(values)} ON CONFLICT (id) DO NOTHING`.execute(db);
    added += Number(result.numAffectedRows ?? 0);
  }
  await bumpSequence(db, 'audit_log');
  return added;
}

/** Ends every open session (a restore brings back the snapshot's sessions, which must not live again). */
export async function endAllSessions(db: Db, at: Date, reason: string): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ ended_at: at, end_reason: reason })
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Writes a restore's approval, decided, into the restored database, which may not have it (it
 * was submitted after the snapshot) or may hold it still pending (submitted before). An id the
 * restored approvals use for another change gets the row a new id. The maker or checker may be
 * unknown to the restored database (created after the snapshot): then no row can be written and
 * null is returned; the audit trail still records the decision.
 */
export async function recordDecidedApproval(db: Db, a: Selectable<ApprovalsTable>): Promise<number | null> {
  const operators = await ids(db, 'operators');
  if (!operators.has(a.maker_id) || (a.checker_id !== null && !operators.has(a.checker_id))) return null;
  const decided = {
    status: a.status,
    checker_id: a.checker_id,
    decided_at: a.decided_at,
    comment: a.comment,
    result_id: a.result_id,
  };
  const existing = await db
    .selectFrom('approvals')
    .select(['id', 'resource', 'record_id', 'maker_id', 'created_at'])
    .where('id', '=', a.id)
    .executeTakeFirst();
  if (
    existing &&
    existing.resource === a.resource &&
    existing.record_id === a.record_id &&
    existing.maker_id === a.maker_id &&
    existing.created_at.getTime() === a.created_at.getTime()
  ) {
    await db.updateTable('approvals').set(decided).where('id', '=', a.id).execute();
    return a.id;
  }
  const row = {
    resource: a.resource,
    record_id: a.record_id,
    operation: a.operation,
    payload: JSON.stringify(a.payload),
    before: a.before === null ? null : JSON.stringify(a.before),
    summary: a.summary,
    maker_id: a.maker_id,
    branch_id: a.branch_id !== null && (await ids(db, 'branches')).has(a.branch_id) ? a.branch_id : null,
    created_at: a.created_at,
    ...decided,
  };
  const inserted = await db
    .insertInto('approvals')
    .values(existing ? row : { ...row, id: a.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!existing) await bumpSequence(db, 'approvals');
  return inserted.id;
}

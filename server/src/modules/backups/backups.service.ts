import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Connection, Db } from '../../db/connect.js';
import type { BackupContext } from './backup-context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../http/errors.js';
import { t } from '../../http/messages.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { submitApproval, type ApprovalRow, type DetachedApplier } from '../approvals/approvals.service.js';
import { dumpDatabase, restoreDatabase } from './backups.engine.js';
import {
  fileDigest,
  manifestPath,
  readManifests,
  snapshotFileName,
  snapshotPath,
  writeManifest,
  type BackupKind,
} from './backups.files.js';
import {
  auditRowsSince,
  endAllSessions,
  findBackup,
  indexManifests,
  insertBackup,
  openBusinessDate,
  recordDecidedApproval,
  reinsertAuditRows,
  schemaVersion,
  type Backup,
} from './backups.repository.js';

export type { Backup } from './backups.repository.js';
export type { BackupKind } from './backups.files.js';

export type { BackupContext } from './backup-context.js';

/**
 * The backup context of a connection. The backup directory must lie outside PGlite's data
 * directory: every snapshot would copy the earlier ones, and a restore replaces that directory
 * whole, snapshots included.
 */
export function backupContext(connection: Connection, opts: { backupDir: string; pgBinDir?: string }): BackupContext {
  const backupDir = path.resolve(opts.backupDir);
  if (connection.kind === 'pglite' && connection.dataDir) {
    const rel = path.relative(path.resolve(connection.dataDir), backupDir);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new Error(
        `BACKUP_DIR ${backupDir} lies inside the database's data directory ${connection.dataDir}: choose a directory outside it`,
      );
    }
  }
  return { connection, backupDir, pgBinDir: opts.pgBinDir };
}

/**
 * Takes a snapshot of the whole database into the backup directory and indexes it: PostgreSQL
 * through `pg_dump -Fc`, PGlite as its data directory (.tar.gz). Records size and SHA-256 (checked
 * again before any restore) and writes a manifest beside the file, from which the index is rebuilt
 * after a restore. Runs outside any transaction (the day-end calls it before and after its own):
 * on PGlite the dump waits until no one holds the connection.
 */
export async function takeSnapshot(
  ctx: BackupContext,
  actor: Actor,
  opts: { kind: BackupKind; business_date: string; run_id?: number | null; note?: string },
): Promise<Backup> {
  const db = ctx.connection.db;
  await mkdir(ctx.backupDir, { recursive: true });
  const engine = ctx.connection.kind;
  const file = snapshotFileName(engine, opts.kind, opts.business_date, actor.at);
  const target = snapshotPath(ctx.backupDir, file);
  const partial = `${target}.partial`;
  try {
    const schema_version = await schemaVersion(db);
    await dumpDatabase(ctx.connection, partial, ctx.pgBinDir);
    const { bytes, sha256 } = await fileDigest(partial);
    return await inTransaction(db, async (trx) => {
      const row = await insertBackup(trx, {
        kind: opts.kind,
        business_date: opts.business_date,
        run_id: opts.run_id ?? null,
        engine,
        file,
        bytes,
        sha256,
        schema_version,
        created_by: actor.operator_id,
        created_at: actor.at,
        note: opts.note ?? '',
      });
      await audit(trx, actor, { action: 'snapshot', resource: 'backups', record_id: row.id, after: row, detail: file });
      // the file and its manifest land before the row commits: an indexed backup always has both
      await rename(partial, target);
      await writeManifest(ctx.backupDir, { ...row, created_at: row.created_at.toISOString() });
      return row;
    });
  } catch (e) {
    await Promise.all([partial, target, manifestPath(ctx.backupDir, file)].map((f) => rm(f, { force: true })));
    throw e;
  }
}

/** Refuses a snapshot that cannot be restored here: another engine, another schema, its file gone
 * or not the bytes that were written (SHA-256). */
export async function verifyBackup(ctx: BackupContext, backup: Backup): Promise<void> {
  if (backup.engine !== ctx.connection.kind) {
    throw new AppError(409, 'BACKUP_ENGINE_MISMATCH', 'backup_engine_mismatch', {
      engine: backup.engine,
      current: ctx.connection.kind,
    });
  }
  const current = await schemaVersion(ctx.connection.db);
  if (backup.schema_version !== current) {
    throw new AppError(409, 'BACKUP_SCHEMA_MISMATCH', 'backup_schema_mismatch', {
      backup: backup.schema_version,
      current,
    });
  }
  const file = snapshotPath(ctx.backupDir, backup.file);
  const present = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!present) throw new AppError(409, 'BACKUP_FILE_MISSING', 'backup_file_missing', { file: backup.file });
  const { bytes, sha256 } = await fileDigest(file);
  if (sha256 !== backup.sha256 || bytes !== Number(backup.bytes))
    throw new AppError(409, 'BACKUP_DAMAGED', 'backup_damaged', { file: backup.file });
}

/** Asks for a restore: it waits in 复核 until a second operator with `backups.approve` approves it. */
export async function requestRestore(
  ctx: BackupContext,
  actor: Actor,
  id: number,
  reason: string,
): Promise<{ approval_id: number }> {
  const backup = await findBackup(ctx.connection.db, id);
  if (!backup) throw new AppError(404, 'NOT_FOUND', 'not_found');
  await verifyBackup(ctx, backup);
  const approval = await submitApproval(ctx.connection.db, actor, {
    resource: 'backups',
    operation: 'restore',
    record_id: String(id),
    payload: {
      backup_id: id,
      kind: backup.kind,
      business_date: backup.business_date,
      created_at: backup.created_at,
      file: backup.file,
      sha256: backup.sha256,
      reason,
    },
    before: null,
    summary: reason,
  });
  return { approval_id: approval.id };
}

/** Audit rows this much older than a snapshot are carried across its restore too: a transaction
 * still open while the snapshot was taken may have committed its audit row afterwards. */
const CARRY_MARGIN_MS = 10 * 60_000;

export interface RestoreResult {
  backup: Backup;
  /** snapshots taken after the restored one, put back into the index from their manifests */
  reindexed: number;
  /** audit rows written after the snapshot, kept */
  carried_audit_rows: number;
  /** sessions ended: everyone signs in again */
  ended_sessions: number;
}

/**
 * Replaces the whole database with snapshot `id` (used only by the approval applier, after a
 * second operator approved). Then, in the restored database and in one transaction: the index
 * lists again every snapshot still on disk, the audit trail gets back the rows written since the
 * snapshot (it is append-only: a restore must not erase the record of what happened, including
 * the restore itself), every session ends, and the restore is audited.
 */
export async function restoreSnapshot(ctx: BackupContext, id: number, actor: Actor): Promise<RestoreResult> {
  const db = ctx.connection.db;
  const backup = await findBackup(db, id);
  if (!backup) throw new AppError(404, 'NOT_FOUND', 'not_found');
  await verifyBackup(ctx, backup);
  const carried = await auditRowsSince(db, new Date(backup.created_at.getTime() - CARRY_MARGIN_MS));
  try {
    await restoreDatabase(ctx.connection, snapshotPath(ctx.backupDir, backup.file), ctx.pgBinDir);
  } catch (e) {
    if (e instanceof AppError) throw e;
    console.error('restore failed:', e);
    throw new AppError(422, 'RESTORE_FAILED', 'restore_failed', {
      reason: String((e as Error).message ?? e).slice(0, 300),
    });
  }
  // from here on `db` reads the snapshot's data
  return inTransaction(db, async (trx) => {
    const reindexed = await indexManifests(trx, await readManifests(ctx.backupDir));
    const carried_audit_rows = await reinsertAuditRows(trx, carried);
    const ended_sessions = await endAllSessions(trx, actor.at, 'restore');
    await audit(trx, await knownActor(trx, actor), {
      action: 'restore',
      resource: 'backups',
      record_id: backup.id,
      after: {
        file: backup.file,
        kind: backup.kind,
        business_date: backup.business_date,
        created_at: backup.created_at,
        reindexed,
        carried_audit_rows,
        ended_sessions,
      },
      detail: backup.file,
    });
    return { backup, reindexed, carried_audit_rows, ended_sessions };
  });
}

/** Re-inserts into the index every snapshot on disk that it lacks (at start-up: the files may
 * have been copied in, or a restore interrupted). Returns how many were added. */
export function syncBackupIndex(ctx: BackupContext): Promise<number> {
  return inTransaction(ctx.connection.db, async (trx) => indexManifests(trx, await readManifests(ctx.backupDir)));
}

/** The actor as the restored database can reference it: an operator or branch created after the
 * snapshot is no longer there (the username still names them). */
async function knownActor(db: Db, actor: Actor): Promise<Actor> {
  const op =
    actor.operator_id === null
      ? undefined
      : await db.selectFrom('operators').select('id').where('id', '=', actor.operator_id).executeTakeFirst();
  const branch =
    actor.branch_id === null
      ? undefined
      : await db.selectFrom('branches').select('id').where('id', '=', actor.branch_id).executeTakeFirst();
  return { ...actor, operator_id: op ? actor.operator_id : null, branch_id: branch ? actor.branch_id : null };
}

/**
 * An approved restore. It cannot run inside the approval's transaction (it replaces the database
 * that transaction lives in), so it is applied detached: check the file, claim the approval,
 * take a safety snapshot of the database as it is (so the restore itself can be undone), restore,
 * and write the decision into the restored database. A refusal before the restore closes the
 * approval as failed in the database as it was. Registered in approvals/appliers.ts.
 */
export const restoreApplier: DetachedApplier = async (deps, checker, approval, comment): Promise<ApprovalRow> => {
  const ctx = deps.backups;
  if (!ctx) throw new AppError(409, 'BACKUPS_NOT_CONFIGURED', 'backups_not_configured');
  const db = deps.db;
  const backup = await findBackup(db, Number(approval.record_id));
  if (!backup)
    throw new AppError(409, 'BACKUP_FILE_MISSING', 'backup_file_missing', {
      file: String((approval.payload as { file?: string } | null)?.file ?? approval.record_id),
    });
  // refusals here leave the approval pending; approve() then closes it as failed with the reason
  await verifyBackup(ctx, backup);

  const claimed = await inTransaction(db, async (trx) => {
    const r = await trx
      .updateTable('approvals')
      .set({ status: 'approved', checker_id: checker.operator_id, decided_at: checker.at, comment })
      .where('id', '=', approval.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  });
  if (!claimed) throw new AppError(409, 'CONFLICT', 'approval_decided');

  try {
    await takeSnapshot(ctx, checker, {
      kind: 'manual',
      business_date: await openBusinessDate(db),
      note: `恢复备份 #${backup.id} 前自动备份（复核单 #${approval.id}）`,
    });
    await restoreSnapshot(ctx, backup.id, checker);
  } catch (e) {
    // an AppError means the database was not replaced: close the claimed approval as failed there
    if (e instanceof AppError) await failClaimed(db, checker, approval.id, e);
    throw e;
  }

  const decided: ApprovalRow = {
    ...approval,
    status: 'approved',
    checker_id: checker.operator_id,
    decided_at: checker.at,
    comment,
    result_id: String(backup.id),
  };
  return inTransaction(db, async (trx) => {
    const id = await recordDecidedApproval(trx, decided);
    await audit(trx, await knownActor(trx, checker), {
      action: 'approve',
      resource: 'approvals',
      record_id: id ?? approval.id,
      detail: `backups restore ${backup.id}`,
    });
    return { ...decided, id: id ?? approval.id };
  });
};

async function failClaimed(db: Db, checker: Actor, approvalId: number, e: AppError) {
  const reason = t('zh', e.key, e.params).slice(0, 500);
  await inTransaction(db, async (trx) => {
    const r = await trx
      .updateTable('approvals')
      .set({ status: 'failed', comment: reason })
      .where('id', '=', approvalId)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1)
      await audit(trx, checker, {
        action: 'approve_failed',
        resource: 'approvals',
        record_id: approvalId,
        detail: reason,
      });
  });
}

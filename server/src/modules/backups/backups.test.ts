import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../db/connect.js';
import { AppError } from '../../http/errors.js';
import { attempt, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { checkChar } from '../clients/id-number.calc.js';
import type { Actor } from '../audit/audit.service.js';
import { fileDigest, readManifests } from './backups.files.js';
import { backupContext, restoreSnapshot, takeSnapshot } from './backups.service.js';

/**
 * Snapshots and their restore (清算前/后备份), through HTTP on the engine the suite runs on:
 * PGlite's data-directory dump, or pg_dump/pg_restore against this file's own scratch database.
 * A restore waits for a second operator (复核) and brings every table back to the snapshot, while
 * the backup index and the audit trail keep what happened since.
 */
let t: TestApp;
let admin: Session;
let teller: Session;
let manager: Session;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  teller = await t.login('teller');
  manager = await t.login('manager');
});
afterAll(() => t.close());

/** A restore ends every session: sign the regulars in again. */
async function signInAgain() {
  admin = await t.login('admin');
  teller = await t.login('teller');
  manager = await t.login('manager');
}

let seq = 0;
async function newAccount() {
  const first17 = `210503${1970 + (++seq % 30)}0815${String(seq % 1000).padStart(3, '0')}`;
  const r = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '备份测试客户', id_number: first17 + checkChar(first17) },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.fund_account_id as number;
}
async function deposit(accountId: number, amount: string) {
  const r = await t.call('POST', '/api/fund_journal', {
    as: teller,
    body: { account_id: accountId, type: 'deposit', amount, idempotency_key: `backup-test-${++seq}` },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as number;
}
const balanceOf = async (accountId: number) =>
  (await t.db.selectFrom('fund_accounts').select('balance').where('id', '=', accountId).executeTakeFirstOrThrow())
    .balance;

async function snapshot(note = '测试备份') {
  const r = await t.call('POST', '/api/backups', { as: admin, body: { note } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json;
}
const askRestore = (id: number, as = admin, headers?: Record<string, string>) =>
  t.call('POST', `/api/backups/${id}/restore`, { as, body: { reason: '清算数据有误，回到清算前' }, headers });
const decide = (approvalId: number, as: Session, decision = 'approve') =>
  t.call('POST', `/api/approvals/${approvalId}/${decision}`, { as, body: { comment: '' } });

describe('snapshots', () => {
  it('takes a manual snapshot of the open business date, with its file, size, SHA-256 and manifest', async () => {
    const row = await snapshot('升级前手工备份');
    const businessDate = (
      await t.db
        .selectFrom('system_params')
        .select('value')
        .where('key', '=', 'business_date')
        .executeTakeFirstOrThrow()
    ).value;
    expect(row).toMatchObject({
      kind: 'manual',
      business_date: businessDate,
      engine: t.conn.kind,
      note: '升级前手工备份',
      created_by: admin.me.id,
      created_by_name: '王建国',
      file_present: true,
      pending_approval_id: null,
    });
    const file = path.join(t.backups.backupDir, row.file);
    expect(await fileDigest(file)).toEqual({ bytes: row.bytes, sha256: row.sha256 });
    expect(row.bytes).toBeGreaterThan(10_000);
    const manifest = (await readManifests(t.backups.backupDir)).find((m) => m.file === row.file);
    expect(manifest).toMatchObject({ id: row.id, sha256: row.sha256, kind: 'manual', created_by: admin.me.id });
    const audited = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('resource', '=', 'backups')
      .where('record_id', '=', String(row.id))
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['snapshot']);
  });

  it('is callable by the day-end with the context alone, outside any transaction', async () => {
    const actor: Actor = {
      operator_id: null,
      username: 'day-end',
      branch_id: null,
      ip: '',
      request_id: '',
      at: t.clock.now(),
    };
    const row = await takeSnapshot(t.backups, actor, {
      kind: 'before_clearing',
      business_date: '2026-11-23',
      run_id: 42,
    });
    expect(row).toMatchObject({ kind: 'before_clearing', business_date: '2026-11-23', run_id: 42, created_by: null });
    expect(row.file).toMatch(/^20261123-before_clearing-/);
    expect(existsSync(path.join(t.backups.backupDir, row.file))).toBe(true);
  });

  it('lists newest first with ra-data-simple-rest paging, and filters by kind', async () => {
    const all = await t.call('GET', '/api/backups', { as: admin });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-range')).toMatch(/^backups 0-\d+\/\d+$/);
    const times = all.json.map((r: { created_at: string; id: number }) => [r.created_at, r.id]);
    expect(times).toEqual([...times].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1)));
    const manual = await t.call('GET', `/api/backups?filter=${encodeURIComponent('{"kind":"manual"}')}`, {
      as: manager,
    });
    expect(manual.status).toBe(200);
    expect(manual.json.every((r: { kind: string }) => r.kind === 'manual')).toBe(true);
    expect(
      (await t.call('GET', `/api/backups?sort=${encodeURIComponent('["file","ASC"]')}`, { as: admin })).status,
    ).toBe(400);
    expect((await t.call('GET', `/api/backups/${all.json[0].id}`, { as: manager })).json.id).toBe(all.json[0].id);
  });

  it('needs a note, and the rights: a teller sees no backups; only the IT admin takes or restores one', async () => {
    expect((await t.call('POST', '/api/backups', { as: admin, body: {} })).status).toBe(400);
    expect((await t.call('GET', '/api/backups', { as: teller })).status).toBe(403);
    expect((await t.call('POST', '/api/backups', { as: teller, body: { note: 'x' } })).status).toBe(403);
    expect((await t.call('POST', '/api/backups', { as: manager, body: { note: 'x' } })).status).toBe(403);
    const row = await snapshot();
    const refused = await askRestore(row.id, manager);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('FORBIDDEN');
    expect((await askRestore(987654, admin)).status).toBe(404);
  });
});

describe('restore', () => {
  it('brings the database back to the snapshot once a second operator approves; the index and the audit trail keep what happened since', async () => {
    const accountId = await newAccount();
    await deposit(accountId, '1000.00');
    const before = await balanceOf(accountId);
    const snap = await snapshot('清算前');

    t.clock.advance(60_000);
    const later = await deposit(accountId, '250.50');
    expect(await balanceOf(accountId)).not.toBe(before);

    const asked = await askRestore(snap.id);
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    const approvalId = asked.json.approval_id as number;
    const listed = await t.call('GET', `/api/backups/${snap.id}`, { as: admin });
    expect(listed.json.pending_approval_id).toBe(approvalId);
    const pending = await t.call('GET', `/api/approvals/${approvalId}`, { as: manager });
    expect(pending.json).toMatchObject({
      resource: 'backups',
      operation: 'restore',
      record_id: String(snap.id),
      status: 'pending',
      summary: '清算数据有误，回到清算前',
    });
    // nothing changes until it is approved
    expect(await balanceOf(accountId)).not.toBe(before);

    // the app's connections stay open and keep querying while the restore runs: they wait, then
    // read the restored tables
    let restoring = true;
    const approving = decide(approvalId, manager).finally(() => (restoring = false));
    const reads: Promise<unknown[]>[] = [];
    while (restoring) {
      reads.push(t.db.selectFrom('fund_accounts').select('id').where('id', '=', accountId).execute());
      await new Promise((r) => setTimeout(r, 25));
    }
    const approved = await approving;
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', result_id: String(snap.id), checker_id: manager.me.id });
    expect(reads.length).toBeGreaterThan(1);
    for (const rows of await Promise.all(reads)) expect(rows).toHaveLength(1);

    // the deposit made after the snapshot is gone, the balance is the snapshot's
    expect(await balanceOf(accountId)).toBe(before);
    expect(
      await t.db.selectFrom('fund_journal').select('id').where('id', '=', later).executeTakeFirst(),
    ).toBeUndefined();

    // everyone was signed out
    expect((await t.call('GET', '/api/backups', { as: admin })).status).toBe(401);
    await signInAgain();

    // the index still lists the snapshot, and the safety snapshot taken just before the restore
    const list = await t.call('GET', '/api/backups?range=[0,99]', { as: admin });
    const files = list.json.map((r: { file: string }) => r.file);
    expect(files).toContain(snap.file);
    const safety = list.json.find((r: { note: string }) => r.note.includes(`恢复备份 #${snap.id} 前自动备份`));
    expect(safety).toMatchObject({ kind: 'manual', file_present: true, created_by: manager.me.id });
    expect(list.json.find((r: { id: number }) => r.id === snap.id).pending_approval_id).toBeNull();

    // the approval is recorded as approved in the restored database
    const decided = await t.call('GET', `/api/approvals/${approved.json.id}`, { as: manager });
    expect(decided.json).toMatchObject({ status: 'approved', resource: 'backups', checker_id: manager.me.id });

    // the audit trail keeps the undone deposit and records the restore and its approval
    const trail = await t.db
      .selectFrom('audit_log')
      .select(['action', 'resource', 'record_id', 'username'])
      .where('at', '>=', new Date(snap.created_at))
      .orderBy('id')
      .execute();
    expect(trail).toContainEqual({
      action: 'post',
      resource: 'fund_journal',
      record_id: String(later),
      username: 'teller',
    });
    expect(trail).toContainEqual({
      action: 'submit',
      resource: 'backups',
      record_id: String(snap.id),
      username: 'admin',
    });
    expect(trail).toContainEqual({
      action: 'restore',
      resource: 'backups',
      record_id: String(snap.id),
      username: 'manager',
    });
    expect(trail).toContainEqual({
      action: 'approve',
      resource: 'approvals',
      record_id: String(approved.json.id),
      username: 'manager',
    });
    const ids = (await t.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);

    // the restored database works on: new postings, new snapshots, ids that do not collide
    await deposit(accountId, '1.00');
    expect((await snapshot('恢复后')).id).toBeGreaterThan(safety.id);
  });

  it('is never approved by its maker, nor by someone without backups.approve', async () => {
    const snap = await snapshot();
    const asked = await askRestore(snap.id);
    expect(asked.status).toBe(202);
    const own = await decide(asked.json.approval_id, admin);
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe('OWN_APPROVAL');
    const clerk = await t.login('clerk');
    const noRight = await decide(asked.json.approval_id, clerk);
    expect(noRight.status).toBe(403);
    expect(noRight.json.error.message).toContain('backups');
    // one pending restore per snapshot
    expect((await askRestore(snap.id)).status).toBe(409);
    // the manager may also say no: nothing is restored, and a new request can follow
    const rejected = await decide(asked.json.approval_id, manager, 'reject');
    expect(rejected.status).toBe(200);
    expect(rejected.json.status).toBe('rejected');
    expect((await t.call('GET', '/api/backups', { as: admin })).status).toBe(200);
    const next = await askRestore(snap.id);
    expect(next.status).toBe(202);
    expect((await decide(next.json.approval_id, manager, 'reject')).status).toBe(200);
  });

  it('refuses a file whose SHA-256 no longer matches, when asked and when approved, and changes nothing', async () => {
    const accountId = await newAccount();
    const snap = await snapshot();
    const asked = await askRestore(snap.id);
    expect(asked.status).toBe(202);
    await deposit(accountId, '88.00');
    const balance = await balanceOf(accountId);

    appendFileSync(path.join(t.backups.backupDir, snap.file), 'x');
    const approved = await decide(asked.json.approval_id, manager);
    expect(approved.status).toBe(409);
    expect(approved.json.error).toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: `备份文件 ${snap.file} 已损坏或被改动（SHA-256 与备份时不符），不能恢复`,
    });
    expect(await balanceOf(accountId)).toBe(balance);
    const closed = await t.db
      .selectFrom('approvals')
      .select(['status', 'comment'])
      .where('id', '=', asked.json.approval_id)
      .executeTakeFirstOrThrow();
    expect(closed.status).toBe('failed');
    expect(closed.comment).toContain('SHA-256');

    const again = await askRestore(snap.id, admin, { 'accept-language': 'en' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe(
      `Backup file ${snap.file} is damaged or was changed (its SHA-256 differs from when it was taken): cannot restore`,
    );
  });

  it('shows a file removed from the directory as missing, and refuses to restore it', async () => {
    const snap = await snapshot();
    unlinkSync(path.join(t.backups.backupDir, snap.file));
    const shown = await t.call('GET', `/api/backups/${snap.id}`, { as: admin });
    expect(shown.json.file_present).toBe(false);
    const refused = await askRestore(snap.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('BACKUP_FILE_MISSING');
  });

  it('refuses a snapshot of another schema version', async () => {
    const snap = await snapshot();
    await t.db
      .updateTable('backups')
      .set({ schema_version: '20260101000000_older' })
      .where('id', '=', snap.id)
      .execute();
    const refused = await askRestore(snap.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('BACKUP_SCHEMA_MISMATCH');
  });
});

describe.runIf(!!process.env.DATABASE_URL)('on PostgreSQL', () => {
  it("restores into this file's scratch database, never the server's default one", () => {
    expect(t.conn.kind).toBe('postgres');
    expect(new URL(t.conn.databaseUrl!).pathname).toMatch(/^\/bc_test_[0-9a-f]+$/);
  });

  it('without pg_dump, a snapshot fails with a clear message and leaves no file', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'bc-no-pg-bin-'));
    const ctx = backupContext(t.conn, { backupDir: t.backups.backupDir, pgBinDir: empty });
    const actor: Actor = {
      operator_id: admin.me.id,
      username: 'admin',
      branch_id: admin.me.branch.id,
      ip: '',
      request_id: '',
      at: t.clock.now(),
    };
    const before = (await readManifests(t.backups.backupDir)).length;
    const err = await attempt(() => takeSnapshot(ctx, actor, { kind: 'manual', business_date: '2026-11-23' }));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BACKUP_TOOL_MISSING');
    expect((err as AppError).params).toEqual({ tool: 'pg_dump' });
    expect((await readManifests(t.backups.backupDir)).length).toBe(before);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe.runIf(!process.env.DATABASE_URL)('on a PGlite data directory', () => {
  it('keeps the backup directory out of the data directory', async () => {
    const conn = { ...t.conn, dataDir: '/srv/console/data' };
    expect(() => backupContext(conn, { backupDir: '/srv/console/data/backups' })).toThrow(/outside/);
    expect(backupContext(conn, { backupDir: '/srv/console/data-backups' }).backupDir).toBe('/srv/console/data-backups');
  });

  it("replaces the directory's contents, and a reopened database is the restored one", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bc-pglite-dir-'));
    const dataDir = path.join(root, 'data');
    const seeded = new Blob([readFileSync(inject('pgliteSnapshot')!)]);
    let conn = await connect({ dataDir, loadDataDir: seeded });
    try {
      const ctx = backupContext(conn, { backupDir: path.join(root, 'backups') });
      const actor: Actor = {
        operator_id: null,
        username: 'test',
        branch_id: null,
        ip: '',
        request_id: '',
        at: new Date(),
      };
      const count = async () =>
        Number(
          (
            await conn.db
              .selectFrom('branches')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const branches = await count();
      const snap = await takeSnapshot(ctx, actor, { kind: 'after_clearing', business_date: '2026-11-23' });
      await conn.db.insertInto('branches').values({ code: '0998', name: '恢复后应消失' }).execute();
      expect(await count()).toBe(branches + 1);

      const result = await restoreSnapshot(ctx, snap.id, { ...actor, at: new Date() });
      expect(result.backup.id).toBe(snap.id);
      expect(await count()).toBe(branches);
      expect(conn.pglite).toBe(conn.pool!.pg);
      expect(existsSync(path.join(root, 'backups', snap.file))).toBe(true);
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(readdirSync(root).filter((n) => n.includes('before-restore'))).toEqual([]);

      await conn.close();
      conn = await connect({ dataDir });
      expect(
        Number(
          (
            await conn.db
              .selectFrom('branches')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(branches);
      expect((await conn.db.selectFrom('backups').select('file').execute()).map((r) => r.file)).toContain(snap.file);
    } finally {
      await conn.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connect, type Connection } from '../src/db/connect.js';
import { createApp } from '../src/app.js';
import { FakeClock } from '../src/clock.js';
import { TEST_PASSWORD } from './constants.js';
import { scratchDatabase } from './scratch-database.js';
import { AppError } from '../src/http/errors.js';
import type { Action } from '../src/modules/roles/permission-catalog.js';
import { backupContext } from '../src/modules/backups/backups.service.js';
import { ExportJobs } from '../src/modules/export-jobs/export-jobs.service.js';
import { ProgressHub } from '../src/progress/progress.js';

export { TEST_PASSWORD };

/**
 * A fresh copy of the seeded test database: PGlite by default, PostgreSQL when DATABASE_URL is
 * set; `history` adds a few closed days of a small branch's life (constants.ts HISTORY).
 */
export async function openTestDb(opts: { history?: boolean } = {}): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  const template = inject(opts.history ? 'pgHistoryTemplate' : 'pgTemplate');
  if (url && template) {
    const db = await scratchDatabase(url, `bc_test_${randomBytes(6).toString('hex')}`, template);
    const conn = await connect({ databaseUrl: db.url });
    return {
      ...conn,
      async close() {
        await conn.close();
        await db.drop();
      },
    };
  }
  const file = inject(opts.history ? 'pgliteHistorySnapshot' : 'pgliteSnapshot');
  if (!file) throw new Error('test snapshot missing: run through vitest with server/test/global-setup.ts');
  return connect({ loadDataDir: new Blob([readFileSync(file)]) });
}

export interface Session {
  cookie: string;
  csrf: string;
  me: { id: number; username: string; branch: { id: number }; permissions: string[]; must_change_password: boolean };
}

/** The app over a fresh database, with helpers to sign in and call it as a given operator. */
export async function testApp(opts: { history?: boolean; reportsDb?: Connection['db'] } = {}) {
  const conn = await openTestDb(opts);
  const clock = new FakeClock();
  // snapshots of this file's database go to a directory of its own, removed at close
  const backups = backupContext(conn, { backupDir: mkdtempSync(path.join(tmpdir(), 'bc-backups-')) });
  // background exports of this file's database write to a directory of their own too
  const progress = new ProgressHub();
  const jobs = new ExportJobs({ db: conn.db, dir: mkdtempSync(path.join(tmpdir(), 'bc-exports-')), clock, progress });
  const app = createApp({ db: conn.db, reportsDb: opts.reportsDb, clock, backups, jobs, progress, dbKind: conn.kind });

  async function login(username: string, password = TEST_PASSWORD): Promise<Session> {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    const me = (await res.json()) as Session['me'] & { csrf_token: string };
    return { cookie: `sid=${cookie}`, csrf: me.csrf_token, me };
  }

  /** Calls the API; `as` signs the request with a session (cookie + CSRF token). */
  async function call(
    method: string,
    path: string,
    opts: { as?: Session; body?: unknown; headers?: Record<string, string>; form?: FormData } = {},
  ) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.as) {
      headers.cookie = opts.as.cookie;
      headers['x-csrf-token'] = opts.as.csrf;
    }
    let body: string | FormData | undefined;
    if (opts.form) body = opts.form;
    else if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const res = await app.request(path, { method, headers, body });
    if ((res.headers.get('content-type') ?? '').includes('spreadsheetml')) {
      return {
        status: res.status,
        json: undefined as any,
        headers: res.headers,
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    }
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers, bytes: undefined as Buffer | undefined };
  }

  /** Uploads a file as multipart field "file". */
  function upload(path: string, as: Session, bytes: Buffer | Uint8Array, name = 'upload.xlsx') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return call('POST', path, { as, form });
  }

  /** An operator with a head-office role holding `permissions` (tests need all-branch makers and checkers). */
  async function headOfficeOperator(username: string, permissions: string[]) {
    const ho = await conn.db
      .selectFrom('branches')
      .select('id')
      .where('is_head_office', '=', true)
      .executeTakeFirstOrThrow();
    const role = await conn.db
      .insertInto('roles')
      .values({ code: `ho_${username}`, name: `总部${username}`, all_branches: true, branch_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await conn.db
      .insertInto('role_permissions')
      .values(
        permissions.map((p) => ({ role_id: role.id, resource: p.split('.')[0]!, action: p.split('.')[1] as Action })),
      )
      .execute();
    const hash = (
      await conn.db
        .selectFrom('operators')
        .select('password_hash')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).password_hash;
    const op = await conn.db
      .insertInto('operators')
      .values({ username, name: username, branch_id: ho.id, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await conn.db.insertInto('operator_roles').values({ operator_id: op.id, role_id: role.id }).execute();
    return login(username);
  }

  async function close() {
    await jobs.idle();
    await conn.close();
    rmSync(backups.backupDir, { recursive: true, force: true });
    rmSync(jobs.dir, { recursive: true, force: true });
  }

  return { app, db: conn.db, conn, clock, backups, jobs, progress, login, call, upload, headOfficeOperator, close };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** Runs `fn`, returning the AppError it throws (other errors still fail the test). */
export async function attempt<T>(fn: () => Promise<T>): Promise<T | AppError> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

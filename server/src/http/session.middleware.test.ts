import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { createApp } from '../app.js';
import { FakeClock } from '../clock.js';
import { openTestDb, TEST_PASSWORD } from '../../test/harness.js';
import type { Connection } from '../db/connect.js';
import { tokenHash } from '../modules/auth/session.repository.js';

// every statement the app runs goes through this plugin: the count per request (issue 14)
let queries = 0;
const counting: KyselyPlugin = {
  transformQuery: (args) => {
    queries++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

let conn: Connection;
let app: ReturnType<typeof createApp>;
const clock = new FakeClock();
beforeAll(async () => {
  conn = await openTestDb();
  app = createApp({ db: conn.db.withPlugin(counting), clock, dbKind: conn.kind });
});
afterAll(() => conn.close());

async function login(username: string) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = `sid=${/sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]}`;
  return { cookie, body: (await res.json()) as Record<string, unknown> & { id: number; csrf_token: string } };
}

const me = (cookie: string) => app.request('/api/auth/me', { headers: { cookie } });

const endReason = async (cookie: string) =>
  (
    await conn.db
      .selectFrom('sessions')
      .select('end_reason')
      .where('token_hash', '=', tokenHash(cookie.slice('sid='.length)))
      .executeTakeFirstOrThrow()
  ).end_reason;

describe('session middleware (issue 14)', () => {
  it('resolves the session, the operator and the policy in one query, plus the touch once a minute', async () => {
    const s = await login('teller');
    queries = 0;
    const r = await me(s.cookie);
    expect(r.status).toBe(200);
    expect(queries).toBe(1);
    // the same `me` as sign-in builds with loadMe
    expect(await r.json()).toEqual(s.body);
    clock.advance(61_000);
    queries = 0;
    expect((await me(s.cookie)).status).toBe(200);
    expect(queries).toBe(2);
  });

  it('unions the permissions of several roles, once each, roles in id order', async () => {
    const s = await login('admin');
    const teller = await conn.db
      .selectFrom('roles')
      .select('id')
      .where('code', '=', 'teller')
      .executeTakeFirstOrThrow();
    await conn.db.insertInto('operator_roles').values({ operator_id: s.body.id, role_id: teller.id }).execute();
    const body = await (await me(s.cookie)).json();
    const expected = await conn.db
      .selectFrom('operator_roles as orl')
      .innerJoin('role_permissions as rp', 'rp.role_id', 'orl.role_id')
      .select(['rp.resource', 'rp.action'])
      .where('orl.operator_id', '=', s.body.id)
      .execute();
    expect(body.permissions).toEqual([...new Set(expected.map((p) => `${p.resource}.${p.action}`))].sort());
    expect(body.roles.map((r: { code: string }) => r.code)).toEqual(
      body.roles[0].id < teller.id ? ['admin', 'teller'] : ['teller', 'admin'],
    );
    expect(Object.keys(body.roles[0]).sort()).toEqual(['code', 'id', 'name']);
  });

  it('refuses a disabled operator on the very next request and ends the session as operator_disabled', async () => {
    const s = await login('clerk');
    expect((await me(s.cookie)).status).toBe(200);
    // disabled behind this process's back (another server process, or SQL)
    await conn.db.updateTable('operators').set({ status: 'disabled' }).where('id', '=', s.body.id).execute();
    expect((await me(s.cookie)).status).toBe(401);
    expect(await endReason(s.cookie)).toBe('operator_disabled');
    await conn.db.updateTable('operators').set({ status: 'active' }).where('id', '=', s.body.id).execute();
    // ended for good
    expect((await me(s.cookie)).status).toBe(401);
  });

  it('reads the idle timeout fresh on every request, and expiry still comes before the operator check', async () => {
    const s = await login('teller');
    await conn.db.updateTable('system_params').set({ value: '5' }).where('key', '=', 'session_idle_minutes').execute();
    await conn.db.updateTable('operators').set({ status: 'disabled' }).where('id', '=', s.body.id).execute();
    clock.advance(6 * 60_000);
    expect((await me(s.cookie)).status).toBe(401);
    expect(await endReason(s.cookie)).toBe('idle');
    await conn.db.updateTable('operators').set({ status: 'active' }).where('id', '=', s.body.id).execute();
    await conn.db.updateTable('system_params').set({ value: '30' }).where('key', '=', 'session_idle_minutes').execute();
  });
});

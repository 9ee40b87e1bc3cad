import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let admin: Session;
const ids: Record<string, number> = {};
let branchId: number;
let headOfficeId: number;

beforeAll(async () => {
  t = await testApp();
  for (const o of await t.db.selectFrom('operators').select(['id', 'username']).execute()) ids[o.username] = o.id;
  branchId = (
    await t.db.selectFrom('branches').select('id').where('is_head_office', '=', false).executeTakeFirstOrThrow()
  ).id;
  headOfficeId = (
    await t.db.selectFrom('branches').select('id').where('is_head_office', '=', true).executeTakeFirstOrThrow()
  ).id;
  admin = await t.login('admin');
});
afterAll(() => t.close());

const q = (params: Record<string, unknown>) =>
  '?' +
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');
const lastAuditId = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m ?? 0,
  );
const auditSince = (id: number) =>
  t.db.selectFrom('audit_log').selectAll().where('id', '>', id).orderBy('id').execute();
const total = (r: { headers: Headers }) => Number(/\/(\d+)$/.exec(r.headers.get('content-range') ?? '')![1]);
/** Moves the test clock to an instant. */
const setClock = (iso: string) => t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());
const audit = (as: Session, params: Record<string, unknown>) => t.call('GET', `/api/audit_log${q(params)}`, { as });

describe('what the trail records', () => {
  it('records a sign-in: who, when, from where', async () => {
    const from = await lastAuditId();
    const teller = await t.login('teller');
    const rows = await auditSince(from);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'login',
      resource: 'operators',
      record_id: String(ids.teller),
      operator_id: ids.teller,
      username: 'teller',
      branch_id: branchId,
    });
    expect(new Date(rows[0]!.at).toISOString()).toBe(t.clock.now().toISOString());

    // and the API shows it, with every column, ip included
    const r = await audit(admin, { filter: { id: [rows[0]!.id] } });
    expect(r.status).toBe(200);
    expect(r.json).toHaveLength(1);
    expect(r.json[0]).toMatchObject({
      id: rows[0]!.id,
      action: 'login',
      operator_id: ids.teller,
      username: 'teller',
      at: t.clock.now().toISOString(),
    });
    expect(r.json[0]).toHaveProperty('ip');
    expect(typeof r.json[0].ip).toBe('string');
    expect(r.json[0]).toHaveProperty('request_id');
    const one = await t.call('GET', `/api/audit_log/${rows[0]!.id}`, { as: admin });
    expect(one.status).toBe(200);
    expect(one.json).toEqual(r.json[0]);
    await t.call('POST', '/api/auth/logout', { as: teller });
  });

  it('records failed sign-ins, for a known and an unknown username', async () => {
    const from = await lastAuditId();
    expect(
      (await t.call('POST', '/api/auth/login', { body: { username: 'teller', password: 'Wrong2026pw' } })).status,
    ).toBe(401);
    expect(
      (await t.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'Wrong2026pw' } })).status,
    ).toBe(401);
    const rows = await auditSince(from);
    expect(rows.map((r) => [r.action, r.username, r.operator_id])).toEqual([
      ['login_failed', 'teller', ids.teller],
      ['login_failed', 'nobody', null],
    ]);
    expect(JSON.stringify(rows)).not.toContain('Wrong2026pw');
    // reset the failure counter for later tests
    await t.db.updateTable('operators').set({ failed_logins: 0 }).where('id', '=', ids.teller!).execute();
  });

  it('records sign-out', async () => {
    const s = await t.login('clerk');
    const from = await lastAuditId();
    expect((await t.call('POST', '/api/auth/logout', { as: s })).status).toBe(204);
    const rows = await auditSince(from);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'logout',
      operator_id: ids.clerk,
      username: 'clerk',
      record_id: String(ids.clerk),
    });
  });

  it('records a refused authorisation', async () => {
    const teller = await t.login('teller');
    const from = await lastAuditId();
    const r = await t.call('GET', '/api/operators', { as: teller });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('FORBIDDEN');
    const show = await t.call('GET', `/api/operators/${ids.admin}`, { as: teller });
    expect(show.status).toBe(403);
    const rows = await auditSince(from);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      action: 'forbidden',
      resource: 'operators',
      operator_id: ids.teller,
      username: 'teller',
      branch_id: branchId,
      record_id: null,
    });
    expect(rows[0]!.detail).toBe('GET /api/operators needs operators.list');
    expect(rows[1]).toMatchObject({ action: 'forbidden', resource: 'operators', record_id: String(ids.admin) });
    expect(rows[1]!.detail).toBe(`GET /api/operators/${ids.admin} needs operators.show`);
    // reading the trail itself needs a right too
    expect((await t.call('GET', '/api/audit_log', { as: teller })).status).toBe(403);
    expect((await auditSince(from)).at(-1)).toMatchObject({ action: 'forbidden', resource: 'audit_log' });
  });

  it('records create, update and delete with the operator, before and after', async () => {
    t.clock.advance(60_000);
    const created = await t.call('POST', '/api/roles', {
      as: admin,
      body: { code: 'audited', name: '审计', permissions: ['clients.list'] },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    t.clock.advance(60_000);
    // a rename applies at once (a change of rights would wait for 复核)
    expect(
      (
        await t.call('PUT', `/api/roles/${id}`, {
          as: admin,
          body: { name: '审计2', permissions: ['clients.list'], version: 1 },
        })
      ).status,
    ).toBe(200);
    t.clock.advance(60_000);
    expect((await t.call('DELETE', `/api/roles/${id}`, { as: admin })).status).toBe(200);

    const r = await audit(admin, { filter: { resource: 'roles', record_id: String(id) }, sort: ['id', 'ASC'] });
    expect(r.status).toBe(200);
    expect(r.json.map((x: any) => x.action)).toEqual(['create', 'update', 'delete']);
    for (const row of r.json) {
      expect(row).toMatchObject({
        operator_id: ids.admin,
        username: 'admin',
        branch_id: branchId,
        resource: 'roles',
        record_id: String(id),
      });
      expect(typeof row.ip).toBe('string');
      expect(row.request_id).toMatch(/\S/);
    }
    const [c, u, d] = r.json;
    expect(new Date(u.at).getTime() - new Date(c.at).getTime()).toBe(60_000);
    expect(new Date(d.at).getTime()).toBe(t.clock.now().getTime());
    expect(c.before).toBeNull();
    expect(c.after).toMatchObject({ code: 'audited', name: '审计', permissions: ['clients.list'] });
    expect(u.before).toMatchObject({ name: '审计', version: 1, permissions: ['clients.list'] });
    expect(u.after).toMatchObject({ name: '审计2', version: 2, permissions: ['clients.list'] });
    expect(d.before).toMatchObject({ name: '审计2' });
    expect(d.after).toBeNull();
  });
});

describe('filters and sorting', () => {
  it('filters by operator_id, action and resource', async () => {
    const byTeller = await audit(admin, { filter: { operator_id: ids.teller }, range: [0, 999] });
    expect(byTeller.status).toBe(200);
    expect(byTeller.json.length).toBeGreaterThanOrEqual(4);
    expect(byTeller.json.every((r: any) => r.operator_id === ids.teller)).toBe(true);
    const dbTeller = await t.db.selectFrom('audit_log').select('id').where('operator_id', '=', ids.teller!).execute();
    expect(total(byTeller)).toBe(dbTeller.length);

    const forbidden = await audit(admin, { filter: { action: 'forbidden' } });
    expect(forbidden.json.length).toBeGreaterThanOrEqual(3);
    expect(forbidden.json.every((r: any) => r.action === 'forbidden')).toBe(true);

    const both = await audit(admin, { filter: { action: 'login', operator_id: ids.clerk } });
    expect(both.json.length).toBeGreaterThanOrEqual(1);
    expect(both.json.every((r: any) => r.action === 'login' && r.operator_id === ids.clerk)).toBe(true);

    const roles = await audit(admin, { filter: { resource: 'roles' }, range: [0, 999] });
    expect(roles.json.length).toBeGreaterThanOrEqual(3);
    expect(roles.json.every((r: any) => r.resource === 'roles')).toBe(true);

    const none = await audit(admin, { filter: { action: 'no_such_action' } });
    expect(none.json).toEqual([]);
    expect(none.headers.get('content-range')).toBe('audit_log 0-0/0');
  });

  it('reads at_gte / at_lte as calendar days in Asia/Shanghai', async () => {
    // 2027-02-28 23:59:59 and 2027-03-01 00:00:00 in Beijing: both still 28 February in UTC
    setClock('2027-02-28T15:59:59Z');
    await t.login('manager');
    setClock('2027-02-28T16:00:00Z');
    await t.login('manager');
    setClock('2027-03-01T15:59:59Z'); // 23:59:59 on 1 March in Beijing
    await t.login('manager');
    setClock('2027-03-01T16:00:00Z'); // 2 March in Beijing
    await t.login('manager');
    const reader = await t.login('admin');
    const at = (r: { json: any[] }) => r.json.map((x) => x.at).sort();
    const base = { action: 'login', operator_id: ids.manager };

    const feb28 = await audit(reader, { filter: { ...base, at_gte: '2027-02-28', at_lte: '2027-02-28' } });
    expect(feb28.status).toBe(200);
    expect(at(feb28)).toEqual(['2027-02-28T15:59:59.000Z']);
    const mar1 = await audit(reader, { filter: { ...base, at_gte: '2027-03-01', at_lte: '2027-03-01' } });
    expect(at(mar1)).toEqual(['2027-02-28T16:00:00.000Z', '2027-03-01T15:59:59.000Z']);
    const fromMar1 = await audit(reader, { filter: { ...base, at_gte: '2027-03-01' } });
    expect(at(fromMar1)).toEqual(['2027-02-28T16:00:00.000Z', '2027-03-01T15:59:59.000Z', '2027-03-01T16:00:00.000Z']);
    const toFeb28 = await audit(reader, { filter: { ...base, at_lte: '2027-02-28' }, range: [0, 999] });
    expect(at(toFeb28)).toContain('2027-02-28T15:59:59.000Z');
    expect(toFeb28.json.every((x: any) => new Date(x.at) < new Date('2027-02-28T16:00:00Z'))).toBe(true);
    const empty = await audit(reader, { filter: { ...base, at_gte: '2027-03-03' } });
    expect(empty.json).toEqual([]);
  });

  it('sorts by at DESC by default, not by id', async () => {
    // an entry written later with an earlier time (a clock set back) must sort after newer times
    const reader = await t.login('admin');
    const newer = await lastAuditId(); // reader's login
    t.clock.advance(-3 * 3_600_000);
    await t.login('clerk');
    const older = await lastAuditId();
    t.clock.advance(3 * 3_600_000);

    const r = await t.call('GET', `/api/audit_log?range=${encodeURIComponent('[0,999]')}`, { as: reader });
    expect(r.status).toBe(200);
    const times = r.json.map((x: any) => new Date(x.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const pos = (id: number) => r.json.findIndex((x: any) => x.id === id);
    expect(pos(newer)).toBeGreaterThanOrEqual(0);
    expect(pos(older)).toBeGreaterThan(pos(newer));
    // explicit ascending order is the mirror image
    const asc = await audit(reader, { sort: ['at', 'ASC'], range: [0, 999] });
    const ascTimes = asc.json.map((x: any) => new Date(x.at).getTime());
    expect(ascTimes).toEqual([...ascTimes].sort((a, b) => a - b));
    expect(total(asc)).toBe(total(r));
  });
});

describe('append-only', () => {
  it('has no route that writes to the trail', async () => {
    const id = await lastAuditId();
    const before = await t.db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const n = (await auditSince(0)).length;
    const reader = await t.login('admin');
    const attempts = [
      t.call('POST', '/api/audit_log', { as: reader, body: { action: 'forged' } }),
      t.call('PUT', `/api/audit_log/${id}`, { as: reader, body: { action: 'forged' } }),
      t.call('PATCH', `/api/audit_log/${id}`, { as: reader, body: { action: 'forged' } }),
      t.call('DELETE', `/api/audit_log/${id}`, { as: reader }),
      t.call('DELETE', '/api/audit_log', { as: reader }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect([404, 405]).toContain(r.status);
      expect(r.status).toBe(404); // no such route at all
      expect(r.json.error.code).toBe('NOT_FOUND');
    }
    expect(await t.db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(
      before,
    );
    expect((await auditSince(0)).length).toBe(n + 1); // only reader's own sign-in
  });

  it('is refused by the database itself: UPDATE, DELETE and TRUNCATE fail', async () => {
    const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    await expect(sql`update audit_log set action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(
      t.db.updateTable('audit_log').set({ detail: 'rewritten' }).where('id', '=', rows[0]!.id).execute(),
    ).rejects.toThrow();
    await expect(t.db.deleteFrom('audit_log').where('id', '=', rows[0]!.id).execute()).rejects.toThrow();
    expect(await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute()).toEqual(rows);
  });
});

describe('branch scope', () => {
  it("a branch manager does not see head office's entries; head office sees everything", async () => {
    const hq = await t.login('hq');
    const hqLogin = await lastAuditId();
    const manager = await t.login('manager');

    const mine = await audit(manager, { range: [0, 999] });
    expect(mine.status).toBe(200);
    expect(mine.json.length).toBeGreaterThan(0);
    expect(mine.json.every((r: any) => r.branch_id === branchId)).toBe(true);
    expect(mine.json.map((r: any) => r.username)).not.toContain('hq');
    expect(mine.json.map((r: any) => r.username)).not.toContain('nobody'); // unknown-user failures belong to no branch
    const branchRows = await t.db.selectFrom('audit_log').select('id').where('branch_id', '=', branchId).execute();
    expect(total(mine)).toBe(branchRows.length);
    expect((await t.call('GET', `/api/audit_log/${hqLogin}`, { as: manager })).status).toBe(404);
    expect((await audit(manager, { filter: { operator_id: ids.hq } })).json).toEqual([]);

    const all = await audit(hq, { range: [0, 999] });
    expect(total(all)).toBe((await auditSince(0)).length);
    const branches = new Set(all.json.map((r: any) => r.branch_id));
    expect(branches).toContain(branchId);
    expect(branches).toContain(headOfficeId);
    expect(branches).toContain(null);
    expect((await t.call('GET', `/api/audit_log/${hqLogin}`, { as: hq })).json).toMatchObject({
      username: 'hq',
      action: 'login',
      branch_id: headOfficeId,
    });
  });

  it('unknown-username failures are still in the trail for head office', async () => {
    const hq = await t.login('hq');
    const r = await audit(hq, { filter: { action: 'login_failed', q: 'nobody' } });
    expect(r.json.map((x: any) => x.username)).toEqual(['nobody']);
    expect(r.json[0].branch_id).toBeNull();
  });
});

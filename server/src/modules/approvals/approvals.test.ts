import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { BUILT_IN_ROLES } from '../roles/built-in-roles.js';
import { anyDb } from '../../resources/crud.repository.js';

/**
 * Maker-checker (复核, DOMAIN.md §8) over fee schedules and seats: a sensitive change waits for a
 * second operator with the approve right; the maker never approves their own; one pending change
 * per record; a change whose record moved on meanwhile is refused; the database itself refuses a
 * checker who is the maker.
 */

let t: TestApp;
let admin: Session; // branch IT admin: the maker
let manager: Session; // branch manager: the checker
let teller: Session;
let clerk: Session; // approves money, not fees
let hq: Session; // head office, read-only
let hqadmin: Session; // a head-office maker
let hqchecker: Session; // a head-office checker (sees every branch)

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  manager = await t.login('manager');
  teller = await t.login('teller');
  clerk = await t.login('clerk');
  hq = await t.login('hq');
  hqadmin = await t.headOfficeOperator('hqadmin', BUILT_IN_ROLES.find((r) => r.code === 'admin')!.permissions);
  hqchecker = await t.headOfficeOperator('hqchecker', [
    'approvals.list',
    'approvals.show',
    'approvals.approve',
    'fee_schedules.approve',
    'seats.approve',
  ]);
});
afterAll(() => t.close());

const schedule = (scope: string, scope_value: string, fee_item = 'commission') =>
  t.db
    .selectFrom('fee_schedules')
    .selectAll()
    .where('fee_item', '=', fee_item)
    .where('scope', '=', scope)
    .where('scope_value', '=', scope_value)
    .where('effective_to', 'is', null)
    .executeTakeFirstOrThrow();
const feeRow = (id: number) =>
  t.db.selectFrom('fee_schedules').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const approvalRow = (id: number) =>
  t.db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const decide = (id: number, as: Session, verb: 'approve' | 'reject' = 'approve', comment?: string) =>
  t.call('POST', `/api/approvals/${id}/${verb}`, { as, body: comment === undefined ? {} : { comment } });
const opId = async (username: string) =>
  (await t.db.selectFrom('operators').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('a fee schedule change under 复核', () => {
  let vip: Awaited<ReturnType<typeof schedule>>;
  let approvalId: number;

  it("the maker's PUT is 202 and the record does not change", async () => {
    vip = await schedule('client_class', 'vip');
    const res = await t.call('PUT', `/api/fee_schedules/${vip.id}`, {
      as: admin,
      body: { rate: '0.00018', version: vip.version },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(202);
    approvalId = res.json.pending_approval_id;
    expect(approvalId).toEqual(expect.any(Number));
    expect(await feeRow(vip.id)).toEqual(vip);
    const shown = await t.call('GET', `/api/fee_schedules/${vip.id}`, { as: admin });
    expect(shown.json).toMatchObject({ rate: '0.00020000', version: vip.version });
    const a = await approvalRow(approvalId);
    expect(a).toMatchObject({
      resource: 'fee_schedules',
      record_id: String(vip.id),
      operation: 'update',
      status: 'pending',
      maker_id: await opId('admin'),
      checker_id: null,
    });
  });

  it('a second change to the same record while one is pending: 409 PENDING_APPROVAL, whoever makes it', async () => {
    for (const [as, method, body] of [
      [admin, 'PUT', { rate: '0.00019', version: vip.version }],
      [hqadmin, 'PUT', { note: '另一个修改', version: vip.version }],
      [admin, 'DELETE', undefined],
    ] as const) {
      const res = await t.call(method, `/api/fee_schedules/${vip.id}`, { as, body });
      expect(res.status, JSON.stringify(res.json)).toBe(409);
      expect(res.json.error.code).toBe('PENDING_APPROVAL');
    }
    expect(
      (await t.db.selectFrom('approvals').select('id').where('record_id', '=', String(vip.id)).execute()).length,
    ).toBe(1);
  });

  it('the maker cannot approve or reject their own change (403 OWN_APPROVAL)', async () => {
    for (const verb of ['approve', 'reject'] as const) {
      const res = await decide(approvalId, admin, verb);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('OWN_APPROVAL');
    }
    expect((await approvalRow(approvalId)).status).toBe('pending');
    expect(await feeRow(vip.id)).toEqual(vip);
  });

  it('operators without the approve right get 403: teller, head-office read-only, a clerk (approves money, not fees)', async () => {
    for (const as of [teller, hq, clerk]) {
      const res = await decide(approvalId, as);
      expect(res.status, JSON.stringify(res.json)).toBe(403);
      expect(res.json.error.code).toBe('FORBIDDEN');
      expect((await decide(approvalId, as, 'reject')).status).toBe(403);
    }
    expect((await approvalRow(approvalId)).status).toBe('pending');
    expect(await feeRow(vip.id)).toEqual(vip);
  });

  it('GET /api/approvals lists with a status filter and shows before and payload', async () => {
    const list = await t.call(
      'GET',
      `/api/approvals?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`,
      { as: manager },
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toMatch(/^approvals 0-\d+\/\d+$/);
    expect(list.json.every((a: { status: string }) => a.status === 'pending')).toBe(true);
    const mine = list.json.find((a: { id: number }) => a.id === approvalId);
    expect(mine).toMatchObject({
      resource: 'fee_schedules',
      operation: 'update',
      record_id: String(vip.id),
      maker_username: 'admin',
      before: { rate: '0.00020000', version: vip.version },
      payload: { rate: '0.00018000', version: vip.version },
    });
    const none = await t.call(
      'GET',
      `/api/approvals?filter=${encodeURIComponent(JSON.stringify({ status: 'approved' }))}`,
      { as: manager },
    );
    expect(none.json.map((a: { id: number }) => a.id)).not.toContain(approvalId);
    const shown = await t.call('GET', `/api/approvals/${approvalId}`, { as: manager });
    expect(shown.json).toMatchObject({ before: { scope_value: 'vip' }, payload: { rate: '0.00018000' } });
    expect(
      (
        await t.call('GET', `/api/approvals?filter=${encodeURIComponent(JSON.stringify({ status: 'bogus' }))}`, {
          as: manager,
        })
      ).status,
    ).toBe(400);
    expect((await t.call('GET', '/api/approvals', { as: teller })).status).toBe(403);
  });

  it('the manager approves: 200, the record changes, version + 1, audit rows for submit, approve and update', async () => {
    const res = await decide(approvalId, manager, 'approve', '同意调整');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({
      status: 'approved',
      checker_id: await opId('manager'),
      comment: '同意调整',
      result_id: String(vip.id),
    });
    const after = await feeRow(vip.id);
    expect(after.rate).toBe('0.00018000');
    expect(after.version).toBe(vip.version + 1);
    expect({ ...after, rate: vip.rate, version: vip.version, updated_at: vip.updated_at }).toEqual(vip);
    const trail = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('resource', '=', 'fee_schedules'), eb('record_id', '=', String(vip.id))]),
          eb.and([eb('resource', '=', 'approvals'), eb('record_id', '=', String(approvalId))]),
        ]),
      )
      .orderBy('id')
      .execute();
    // the refused attempts above are failed authorisations: each one is on the trail too
    const refusals = trail.filter((a) => a.action === 'forbidden');
    expect(refusals.map((a) => a.username).sort()).toEqual([
      'admin',
      'admin',
      'clerk',
      'clerk',
      'hq',
      'hq',
      'teller',
      'teller',
    ]);
    const changes = trail.filter((a) => a.action !== 'forbidden');
    expect(changes.map((a) => [a.action, a.username])).toEqual([
      ['submit', 'admin'],
      ['update', 'manager'],
      ['approve', 'manager'],
    ]);
    trail.splice(0, trail.length, ...changes);
    expect(trail[0]!.detail).toBe(`approval #${approvalId}`);
    expect(trail[1]!.detail).toContain(`approval #${approvalId}`);
    expect(trail[1]!.before).toMatchObject({ rate: '0.00020000' });
    expect(trail[1]!.after).toMatchObject({ rate: '0.00018000', version: vip.version + 1 });
    const listed = await t.call(
      'GET',
      `/api/approvals?filter=${encodeURIComponent(JSON.stringify({ status: 'approved' }))}`,
      { as: manager },
    );
    expect(listed.json.map((a: { id: number }) => a.id)).toContain(approvalId);
  });

  it('deciding again: 409, nothing changes', async () => {
    const before = await feeRow(vip.id);
    for (const verb of ['approve', 'reject'] as const) {
      const res = await decide(approvalId, manager, verb);
      expect(res.status).toBe(409);
    }
    expect(await feeRow(vip.id)).toEqual(before);
    expect((await approvalRow(approvalId)).status).toBe('approved');
  });

  it('reject: the record stays as it was, the approval is rejected, and the record is free for a new change', async () => {
    const inst = await schedule('client_class', 'institution');
    const submitted = await t.call('PUT', `/api/fee_schedules/${inst.id}`, {
      as: admin,
      body: { rate: '0.0001', version: inst.version },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.json.pending_approval_id;
    const res = await decide(id, manager, 'reject', '费率过低');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ status: 'rejected', comment: '费率过低' });
    expect(await approvalRow(id)).toMatchObject({
      status: 'rejected',
      checker_id: await opId('manager'),
      comment: '费率过低',
    });
    expect(await feeRow(inst.id)).toEqual(inst);
    expect((await decide(id, manager)).status).toBe(409);
    expect(await feeRow(inst.id)).toEqual(inst);
    const rejected = await t.call(
      'GET',
      `/api/approvals?filter=${encodeURIComponent(JSON.stringify({ status: 'rejected' }))}`,
      { as: manager },
    );
    expect(rejected.json.map((a: { id: number }) => a.id)).toEqual([id]);
    expect(
      (
        await t.db
          .selectFrom('audit_log')
          .select('action')
          .where('resource', '=', 'approvals')
          .where('record_id', '=', String(id))
          .execute()
      ).map((a) => a.action),
    ).toEqual(['reject']);
    const again = await t.call('PUT', `/api/fee_schedules/${inst.id}`, {
      as: admin,
      body: { rate: '0.00012', version: inst.version },
    });
    expect(again.status).toBe(202);
    expect((await decide(again.json.pending_approval_id, manager, 'reject')).status).toBe(200);
  });

  it('approve and reject at the same moment: exactly one wins, and the status tells what happened to the record', async () => {
    for (let i = 0; i < 5; i++) {
      const reg = await schedule('default', '', 'handling_fee');
      const submitted = await t.call('PUT', `/api/fee_schedules/${reg.id}`, {
        as: admin,
        body: { note: `同时复核 ${i}`, version: reg.version },
      });
      expect(submitted.status).toBe(202);
      const id = submitted.json.pending_approval_id;
      const [a, r] =
        i % 2
          ? await Promise.all([decide(id, manager), decide(id, hqchecker, 'reject')])
          : (await Promise.all([decide(id, hqchecker, 'reject'), decide(id, manager)])).reverse();
      expect([a!.status, r!.status].sort(), JSON.stringify([a!.json, r!.json])).toEqual([200, 409]);
      const after = await feeRow(reg.id);
      const status = (await approvalRow(id)).status;
      if (a!.status === 200) {
        expect(status).toBe('approved');
        expect(after.note).toBe(`同时复核 ${i}`);
      } else {
        expect(status).toBe('rejected');
        expect(after).toEqual(reg);
      }
    }
  });

  it('a change whose record changed meanwhile (stale version): 409 and nothing applied', async () => {
    const transfer = await schedule('default', '', 'transfer_fee');
    const submitted = await t.call('PUT', `/api/fee_schedules/${transfer.id}`, {
      as: admin,
      body: { rate: '0.00002', version: transfer.version },
    });
    expect(submitted.status).toBe(202);
    // the record moves on by another path
    await sql`update fee_schedules set note = 'changed elsewhere', version = version + 1 where id = ${transfer.id}`.execute(
      t.db,
    );
    const moved = await feeRow(transfer.id);
    const res = await decide(submitted.json.pending_approval_id, manager);
    expect(res.status, JSON.stringify(res.json)).toBe(409);
    expect(await feeRow(transfer.id)).toEqual(moved);
    expect(moved.rate).toBe('0.00001000');
    expect((await approvalRow(submitted.json.pending_approval_id)).status).not.toBe('approved');
    expect(
      await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('resource', '=', 'fee_schedules')
        .where('record_id', '=', String(transfer.id))
        .where('action', '=', 'update')
        .execute(),
    ).toEqual([]);
  });

  it('an approved change is checked again against the rules of the moment', async () => {
    // two new schedules for one client, each fine alone, overlapping together
    const first = await t.call('POST', '/api/fee_schedules', {
      as: admin,
      body: {
        fee_item: 'commission',
        scope: 'client',
        scope_value: '10000077',
        rate: '0.0002',
        min_fee: '5',
        effective_from: '2027-01-01',
      },
    });
    const second = await t.call('POST', '/api/fee_schedules', {
      as: admin,
      body: {
        fee_item: 'commission',
        scope: 'client',
        scope_value: '10000077',
        rate: '0.00022',
        min_fee: '5',
        effective_from: '2027-04-01',
      },
    });
    expect([first.status, second.status]).toEqual([202, 202]);
    expect((await decide(first.json.pending_approval_id, manager)).status).toBe(200);
    const res = await decide(second.json.pending_approval_id, manager);
    expect(res.status, JSON.stringify(res.json)).toBe(400);
    expect(res.json.error.fields.effective_from).toBeTruthy();
    expect(
      await t.db.selectFrom('fee_schedules').select('effective_from').where('scope_value', '=', '10000077').execute(),
    ).toEqual([{ effective_from: '2027-01-01' }]);
  });

  it('a branch checker does not see or decide head-office changes', async () => {
    const dflt = await schedule('default', '', 'regulatory_fee');
    const submitted = await t.call('PUT', `/api/fee_schedules/${dflt.id}`, {
      as: hqadmin,
      body: { note: '总部修改', version: dflt.version },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.json.pending_approval_id;
    expect((await decide(id, manager)).status).toBe(404);
    expect((await t.call('GET', `/api/approvals/${id}`, { as: manager })).status).toBe(404);
    expect(
      (await t.call('GET', '/api/approvals?range=[0,999]', { as: manager })).json.map((a: { id: number }) => a.id),
    ).not.toContain(id);
    // head office sees every branch's approvals
    expect((await t.call('GET', `/api/approvals/${id}`, { as: hq })).status).toBe(200);
    expect(await feeRow(dflt.id)).toEqual(dflt);
  });
});

describe('seats under 复核', () => {
  const seat = { market: 'SH-A', seat_no: '38777', name: '测试交易单元', type: 'ordinary' };

  it("create waits for approval, then exists in the maker's branch; delete likewise", async () => {
    const branchId = admin.me.branch.id;
    const created = await t.call('POST', '/api/seats', { as: admin, body: seat });
    expect(created.status, JSON.stringify(created.json)).toBe(202);
    expect(created.json).toMatchObject({ ...seat, id: null, branch_id: branchId });
    const lookup = () =>
      anyDb(t.db)
        .selectFrom('seats')
        .selectAll()
        .where('market', '=', 'SH-A')
        .where('seat_no', '=', '38777')
        .executeTakeFirst();
    expect(await lookup()).toBeUndefined();
    expect((await decide(created.json.pending_approval_id, admin)).json.error.code).toBe('OWN_APPROVAL');
    const approved = await decide(created.json.pending_approval_id, manager);
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    const row = (await lookup())!;
    expect(row).toMatchObject({ ...seat, branch_id: branchId, status: 'active', version: 1 });
    expect(approved.json.result_id).toBe(String(row.id));
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('resource', '=', 'seats')
      .where('record_id', '=', String(row.id))
      .execute();
    expect(audit).toEqual([{ action: 'create', username: 'manager' }]);

    const deleted = await t.call('DELETE', `/api/seats/${row.id}`, { as: admin });
    expect(deleted.status).toBe(202);
    expect(await lookup()).toEqual(row);
    // one pending change per record
    const edit = await t.call('PUT', `/api/seats/${row.id}`, {
      as: admin,
      body: { name: '改名', version: row.version },
    });
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe('PENDING_APPROVAL');
    expect((await decide(deleted.json.pending_approval_id, manager)).status).toBe(200);
    expect(await lookup()).toBeUndefined();
    const history = await t.call('GET', `/api/seats/${row.id}/history`, { as: admin });
    expect(history.status).toBe(404); // a branch-scoped record's history goes with it
    expect(
      (
        await t.db
          .selectFrom('audit_log')
          .select('action')
          .where('resource', '=', 'seats')
          .where('record_id', '=', String(row.id))
          .orderBy('id')
          .execute()
      ).map((a) => a.action),
    ).toEqual(['create', 'submit', 'delete']);
  });

  it('two pending creates of one seat: the second approval fails on the duplicate, nothing applied', async () => {
    const one = await t.call('POST', '/api/seats', { as: admin, body: { ...seat, seat_no: '38778' } });
    const two = await t.call('POST', '/api/seats', { as: admin, body: { ...seat, seat_no: '38778', name: '重复' } });
    expect([one.status, two.status]).toEqual([202, 202]);
    expect((await decide(one.json.pending_approval_id, manager)).status).toBe(200);
    const res = await decide(two.json.pending_approval_id, manager);
    expect(res.status, JSON.stringify(res.json)).toBe(400);
    expect((await approvalRow(two.json.pending_approval_id)).status).not.toBe('approved');
    const rows = await anyDb(t.db).selectFrom('seats').select('name').where('seat_no', '=', '38778').execute();
    expect(rows).toEqual([{ name: seat.name }]);
  });

  it('a delete whose record changed meanwhile: 409, the seat stays', async () => {
    const row = await anyDb(t.db)
      .selectFrom('seats')
      .selectAll()
      .where('seat_no', '=', '38778')
      .executeTakeFirstOrThrow();
    const deleted = await t.call('DELETE', `/api/seats/${row.id}`, { as: admin });
    expect(deleted.status).toBe(202);
    await sql`update seats set name = '他处修改', version = version + 1 where id = ${row.id}`.execute(t.db);
    const res = await decide(deleted.json.pending_approval_id, manager);
    expect(res.status).toBe(409);
    expect(
      await anyDb(t.db).selectFrom('seats').select(['name', 'version']).where('id', '=', row.id).executeTakeFirst(),
    ).toEqual({ name: '他处修改', version: row.version + 1 });
  });
});

describe('the database', () => {
  it('refuses an approval whose checker is its maker (CHECK constraint)', async () => {
    const a = await t.db
      .selectFrom('approvals')
      .select(['id', 'maker_id'])
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    await expect(
      sql`update approvals set checker_id = maker_id, status = 'approved' where id = ${a.id}`.execute(t.db),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      t.db
        .insertInto('approvals')
        .values({
          resource: 'seats',
          record_id: null,
          operation: 'create',
          payload: '{}',
          maker_id: a.maker_id,
          checker_id: a.maker_id,
          status: 'approved',
          created_at: new Date(),
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await approvalRow(a.id)).toMatchObject({ status: 'pending', checker_id: null });
  });

  it('refuses a second pending approval for one record (unique index)', async () => {
    const a = await t.db
      .selectFrom('approvals')
      .selectAll()
      .where('status', '=', 'pending')
      .where('record_id', 'is not', null)
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto('approvals')
        .values({
          resource: a.resource,
          record_id: a.record_id,
          operation: 'update',
          payload: '{}',
          maker_id: a.maker_id,
          created_at: new Date(),
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23505' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_PASSWORD, type Session, type TestApp } from '../../../test/harness.js';
import { hashPassword } from '../auth/password.js';
import { PERMISSION_CATALOG } from './permission-catalog.js';

let t: TestApp;
let admin: Session;
let hq: Session;
let manager: Session;
/** The branch manager approves a pending change (复核). */
const approve = async (id: number) =>
  expect((await t.call('POST', `/api/approvals/${id}/approve`, { as: manager, body: {} })).status).toBe(200);
const role: Record<string, number> = {};
let branchId: number;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  hq = await t.login('hq');
  manager = await t.login('manager');
  for (const r of await t.db.selectFrom('roles').select(['id', 'code']).where('built_in', '=', true).execute())
    role[r.code] = r.id;
  branchId = admin.me.branch.id;
});
afterAll(() => t.close());

const count = async (table: 'roles' | 'role_permissions' | 'operator_roles') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
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
const dbRole = (id: number) => t.db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
const dbPermissions = async (roleId: number) =>
  (await t.db.selectFrom('role_permissions').select(['resource', 'action']).where('role_id', '=', roleId).execute())
    .map((p) => `${p.resource}.${p.action}`)
    .sort();
const q = (params: Record<string, unknown>) =>
  '?' +
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');

async function createRole(code: string, permissions: string[], as = admin) {
  const r = await t.call('POST', '/api/roles', {
    as,
    body: { code, name: `角色${code}`, description: '测试', permissions },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as { id: number; version: number; name: string; permissions: string[]; branch_id: number | null };
}

describe('permission catalog', () => {
  it('lists every resource with its category and actions to any signed-in operator', async () => {
    expect((await t.call('GET', '/api/permission_catalog')).status).toBe(401);
    const teller = await t.login('teller');
    const r = await t.call('GET', '/api/permission_catalog', { as: teller });
    expect(r.status).toBe(200);
    expect(r.json).toEqual(JSON.parse(JSON.stringify(PERMISSION_CATALOG)));
    expect(r.json).toContainEqual(
      expect.objectContaining({
        resource: 'operators',
        category: 'admin',
        actions: expect.arrayContaining(['list', 'create', 'edit', 'delete']),
      }),
    );
    expect(r.json).toContainEqual(
      expect.objectContaining({
        resource: 'fund_journal',
        category: 'money',
        actions: expect.arrayContaining(['create', 'approve']),
      }),
    );
  });
});

describe('create', () => {
  it('creates a branch-owned role; GET shows the same permissions; one audit row', async () => {
    const from = await lastAuditId();
    const permissions = ['trade_details.run', 'clients.show', 'clients.list', 'fund_accounts.list'];
    const r = await t.call('POST', '/api/roles', {
      as: admin,
      body: { code: 'counter_view', name: '柜台查询', description: '只读', permissions },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      code: 'counter_view',
      name: '柜台查询',
      description: '只读',
      built_in: false,
      all_branches: false,
      branch_id: branchId,
      version: 1,
    });
    expect(r.json.permissions).toEqual([...permissions].sort());
    const shown = await t.call('GET', `/api/roles/${r.json.id}`, { as: admin });
    expect(shown.status).toBe(200);
    expect(shown.json.permissions).toEqual([...permissions].sort());
    expect(await dbPermissions(r.json.id)).toEqual([...permissions].sort());
    expect((await dbRole(r.json.id))!.branch_id).toBe(branchId);
    const audit = await auditSince(from);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      resource: 'roles',
      record_id: String(r.json.id),
      operator_id: admin.me.id,
      before: null,
    });
    expect((audit[0]!.after as any).permissions).toEqual([...permissions].sort());
  });

  it('refuses a role mixing IT-admin and money rights (职责分离) and writes nothing', async () => {
    const [roles, perms, audits] = [await count('roles'), await count('role_permissions'), await lastAuditId()];
    const r = await t.call('POST', '/api/roles', {
      as: admin,
      body: { code: 'mixed', name: '混岗', permissions: ['operators.edit', 'fund_journal.create', 'clients.list'] },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.fields.permissions).toContain('职责分离');
    expect(r.json.error.fields.permissions).toContain('operators.edit');
    expect(r.json.error.fields.permissions).toContain('fund_journal.create');
    expect(await t.db.selectFrom('roles').select('id').where('code', '=', 'mixed').executeTakeFirst()).toBeUndefined();
    expect([await count('roles'), await count('role_permissions'), await lastAuditId()]).toEqual([
      roles,
      perms,
      audits,
    ]);
  });

  it('refuses an unknown permission', async () => {
    const before = await count('roles');
    for (const bad of [
      'spaceships.list',
      'operators.fly',
      'operators',
      'operators.list.extra',
      'operators.',
      '.list',
      '',
    ]) {
      const r = await t.call('POST', '/api/roles', {
        as: admin,
        body: { code: 'unknown_perm', name: '未知', permissions: ['clients.list', bad] },
      });
      expect(r.status, bad).toBe(400);
      expect(r.json.error.fields.permissions, bad).toContain('未知权限');
    }
    expect(await count('roles')).toBe(before);
  });

  it('refuses a duplicate code, also when two creates race', async () => {
    const dup = await t.call('POST', '/api/roles', { as: admin, body: { code: 'admin', name: 'x', permissions: [] } });
    expect(dup.status).toBe(400);
    expect(dup.json.error.fields.code).toContain('admin');
    const body = { code: 'twin_role', name: '双击', permissions: ['clients.list'] };
    const rs = await Promise.all([
      t.call('POST', '/api/roles', { as: admin, body }),
      t.call('POST', '/api/roles', { as: admin, body }),
    ]);
    expect(rs.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(rs.find((r) => r.status === 400)!.json.error.fields.code).toContain('twin_role');
    expect(await t.db.selectFrom('roles').select('id').where('code', '=', 'twin_role').execute()).toHaveLength(1);
  });

  it('lets only head office create an all-branch role', async () => {
    const r = await t.call('POST', '/api/roles', {
      as: admin,
      body: { code: 'everywhere', name: '全辖', all_branches: true, permissions: ['clients.list'] },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.all_branches).toBeTruthy();
    expect(
      await t.db.selectFrom('roles').select('id').where('code', '=', 'everywhere').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('needs roles.create', async () => {
    const manager = await t.login('manager');
    const r = await t.call('POST', '/api/roles', {
      as: manager,
      body: { code: 'by_manager', name: 'x', permissions: [] },
    });
    expect(r.status).toBe(403);
    expect(
      await t.db.selectFrom('roles').select('id').where('code', '=', 'by_manager').executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('built-in roles', () => {
  it('cannot be edited or deleted', async () => {
    const from = await lastAuditId();
    for (const code of ['admin', 'teller', 'hq']) {
      const before = await dbRole(role[code]!);
      const perms = await dbPermissions(role[code]!);
      const put = await t.call('PUT', `/api/roles/${role[code]}`, {
        as: admin,
        body: { name: '改掉', permissions: ['clients.list'], version: before!.version },
      });
      expect(put.status, code).toBe(400);
      expect(put.json.error.message).toBe('内置角色不可修改或删除');
      const del = await t.call('DELETE', `/api/roles/${role[code]}`, { as: admin });
      expect(del.status, code).toBe(400);
      expect(await dbRole(role[code]!)).toEqual(before);
      expect(await dbPermissions(role[code]!)).toEqual(perms);
    }
    expect(await auditSince(from)).toEqual([]);
  });
});

describe('update', () => {
  it('updates with the current version: name now (version + 1), new rights after 复核 (202), audit before/after', async () => {
    const created = await createRole('editable', ['clients.list']);
    const from = await lastAuditId();
    const r = await t.call('PUT', `/api/roles/${created.id}`, {
      as: admin,
      body: {
        name: '可改',
        description: '新说明',
        permissions: ['clients.list', 'clients.show', 'trade_details.run'],
        version: 1,
      },
    });
    expect(r.status).toBe(202);
    // name and description now; the new rights after 复核, and the answer says which
    expect(r.json).toMatchObject({
      id: created.id,
      name: '可改',
      description: '新说明',
      version: 2,
      permissions: ['clients.list'],
      pending_change: {
        approval_id: r.json.pending_approval_id,
        added: ['clients.show', 'trade_details.run'],
        removed: [],
        all_branches: null,
      },
    });
    expect(await dbPermissions(created.id)).toEqual(['clients.list']);
    // the role's page shows the change waiting, with its maker, until it is decided
    const shown = await t.call('GET', `/api/roles/${created.id}`, { as: manager });
    expect(shown.json.pending_change).toMatchObject({
      approval_id: r.json.pending_approval_id,
      maker: expect.stringContaining('admin'),
      added: ['clients.show', 'trade_details.run'],
      removed: [],
    });
    await approve(r.json.pending_approval_id);
    expect((await t.call('GET', `/api/roles/${created.id}`, { as: admin })).json.pending_change).toBeNull();
    expect(await dbPermissions(created.id)).toEqual(['clients.list', 'clients.show', 'trade_details.run']);
    const audit = (await auditSince(from)).filter((a) => a.action === 'update' && a.operator_id === admin.me.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      resource: 'roles',
      record_id: String(created.id),
      operator_id: admin.me.id,
    });
    expect(audit[0]!.before).toMatchObject({ name: created.name, version: 1, permissions: ['clients.list'] });
    expect(audit[0]!.after).toMatchObject({ name: '可改', version: 2 });
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const created = await createRole('stale_role', ['clients.list']);
    expect(
      (
        await t.call('PUT', `/api/roles/${created.id}`, {
          as: admin,
          body: { name: '一', permissions: ['clients.list'], version: 1 },
        })
      ).status,
    ).toBe(200);
    const before = await dbRole(created.id);
    const from = await lastAuditId();
    const r = await t.call('PUT', `/api/roles/${created.id}`, {
      as: admin,
      body: { name: '二', permissions: ['trade_details.run'], version: 1 },
    });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('CONFLICT');
    expect(await dbRole(created.id)).toEqual(before);
    expect(await dbPermissions(created.id)).toEqual(['clients.list']);
    expect(await auditSince(from)).toEqual([]);
  });

  it('refuses mixing rights on update too', async () => {
    const created = await createRole('mix_later', ['clients.list']);
    const r = await t.call('PUT', `/api/roles/${created.id}`, {
      as: admin,
      body: { name: 'x', permissions: ['roles.edit', 'orders.create'], version: 1 },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.permissions).toContain('职责分离');
    expect(await dbPermissions(created.id)).toEqual(['clients.list']);
    expect((await dbRole(created.id))!.version).toBe(1);
  });

  it('refuses an edit that would put a holder of the role into a conflict with their other role', async () => {
    const reports = await createRole('report_view', ['trade_details.run']);
    const op = await t.call('POST', '/api/operators', {
      as: admin,
      body: {
        username: 'admin_reports',
        name: '管理兼报表',
        branch_id: branchId,
        role_ids: [role.admin, reports.id],
        password: 'Init2026pw',
      },
    });
    expect(op.status).toBe(201);
    await approve(op.json.pending_approval_id);
    const from = await lastAuditId();
    // fund_journal.create alone is a clean role, but its holder is also an IT admin
    const r = await t.call('PUT', `/api/roles/${reports.id}`, {
      as: admin,
      body: { name: reports.name, permissions: ['trade_details.run', 'fund_journal.create'], version: 1 },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.fields.permissions).toContain('职责分离');
    expect(r.json.error.fields.permissions).toContain('admin_reports');
    expect(await dbPermissions(reports.id)).toEqual(['trade_details.run']);
    expect((await dbRole(reports.id))!.version).toBe(1);
    expect(await auditSince(from)).toEqual([]);
    // a harmless edit of the same role goes through
    const ok = await t.call('PUT', `/api/roles/${reports.id}`, {
      as: admin,
      body: { name: reports.name, permissions: ['trade_details.run', 'trade_details.export'], version: 1 },
    });
    expect(ok.status).toBe(202);
    expect(ok.json.version).toBe(2);
    expect(ok.json.pending_change).toMatchObject({ added: ['trade_details.export'], removed: [] });
  });

  it('a rename alone is no rights change: 200, nothing pending', async () => {
    const created = await createRole('rename_only', ['clients.list', 'clients.show']);
    const r = await t.call('PUT', `/api/roles/${created.id}`, {
      as: admin,
      body: { name: '只改名', permissions: ['clients.show', 'clients.list'], version: 1 },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: '只改名', version: 2, pending_change: null });
    expect(r.json.pending_approval_id).toBeUndefined();
  });

  it('shows removals as the pending change; a second change waits (409)', async () => {
    const created = await createRole('shrinking', ['clients.list', 'clients.show', 'trades.list']);
    const r = await t.call('PUT', `/api/roles/${created.id}`, {
      as: admin,
      body: { name: created.name, permissions: ['clients.list', 'orders.list'], version: 1 },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    expect(r.json.pending_change).toMatchObject({
      added: ['orders.list'],
      removed: ['clients.show', 'trades.list'],
      all_branches: null,
    });
    const again = await t.call('PUT', `/api/roles/${created.id}`, {
      as: admin,
      body: { name: '再改', permissions: ['clients.list'], version: 2 },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('PENDING_APPROVAL');
    // the refused edit changed nothing, the name included
    expect((await dbRole(created.id))!).toMatchObject({ name: created.name, version: 2 });
  });
});

describe('delete', () => {
  it('refuses to delete a role in use', async () => {
    const used = await createRole('in_use', ['clients.list']);
    const op = await t.call('POST', '/api/operators', {
      as: admin,
      body: {
        username: 'holder',
        name: '持有人',
        branch_id: branchId,
        role_ids: [role.teller, used.id],
        password: 'Init2026pw',
      },
    });
    expect(op.status).toBe(201);
    await approve(op.json.pending_approval_id);
    const from = await lastAuditId();
    const r = await t.call('DELETE', `/api/roles/${used.id}`, { as: admin });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.id).toBe('该角色仍授予 1 名柜员，不能删除');
    expect(await dbRole(used.id)).toBeDefined();
    expect(await dbPermissions(used.id)).toEqual(['clients.list']);
    expect(await auditSince(from)).toEqual([]);
  });

  it('deletes an unused role with its permissions; one audit row', async () => {
    const unused = await createRole('unused', ['clients.list', 'clients.show']);
    const from = await lastAuditId();
    const r = await t.call('DELETE', `/api/roles/${unused.id}`, { as: admin });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: unused.id, code: 'unused' });
    expect(await dbRole(unused.id)).toBeUndefined();
    expect(await dbPermissions(unused.id)).toEqual([]);
    expect((await t.call('GET', `/api/roles/${unused.id}`, { as: admin })).status).toBe(404);
    const audit = await auditSince(from);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'delete',
      resource: 'roles',
      record_id: String(unused.id),
      operator_id: admin.me.id,
      after: null,
    });
    expect(audit[0]!.before).toMatchObject({ code: 'unused', permissions: ['clients.list', 'clients.show'] });
  });
});

describe('branch ownership', () => {
  let otherAdmin: Session;
  let otherBranchId: number;
  let owned: Awaited<ReturnType<typeof createRole>>;

  beforeAll(async () => {
    const b = await t.db
      .insertInto('branches')
      .values({ code: '0418', name: '沈阳北站营业部' })
      .returning('id')
      .executeTakeFirstOrThrow();
    otherBranchId = b.id;
    const o = await t.db
      .insertInto('operators')
      .values({
        username: 'admin2',
        name: '赵二',
        branch_id: otherBranchId,
        password_hash: await hashPassword(TEST_PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('operator_roles').values({ operator_id: o.id, role_id: role.admin! }).execute();
    otherAdmin = await t.login('admin2');
    owned = await createRole('benxi_only', ['clients.list']);
  });

  it('is owned by the creating admin’s branch', () => {
    expect(owned.branch_id).toBe(branchId);
  });

  it("is invisible to another branch's admin: 404 on show, absent from the list", async () => {
    expect((await t.call('GET', `/api/roles/${owned.id}`, { as: otherAdmin })).status).toBe(404);
    const list = await t.call('GET', `/api/roles${q({ range: [0, 999] })}`, { as: otherAdmin });
    expect(list.status).toBe(200);
    const codes = list.json.map((r: any) => r.code);
    expect(codes).not.toContain('benxi_only');
    expect(codes).toEqual(expect.arrayContaining(['admin', 'teller', 'clerk', 'manager', 'hq']));
    expect(list.json.every((r: any) => r.branch_id === null || r.branch_id === otherBranchId)).toBe(true);
    const byId = await t.call('GET', `/api/roles${q({ filter: { id: [owned.id] } })}`, { as: otherAdmin });
    expect(byId.json).toEqual([]);
    expect(byId.headers.get('content-range')).toBe('roles 0-0/0');
  });

  it("cannot be changed, deleted or granted by another branch's admin", async () => {
    expect(
      (
        await t.call('PUT', `/api/roles/${owned.id}`, {
          as: otherAdmin,
          body: { name: 'x', permissions: [], version: 1 },
        })
      ).status,
    ).toBe(404);
    expect((await t.call('DELETE', `/api/roles/${owned.id}`, { as: otherAdmin })).status).toBe(404);
    const grant = await t.call('POST', '/api/operators', {
      as: otherAdmin,
      body: { username: 'thief', name: '借用', branch_id: otherBranchId, role_ids: [owned.id], password: 'Init2026pw' },
    });
    expect(grant.status).toBe(400);
    expect(grant.json.error.fields.role_ids).toBeTruthy();
    expect(await dbRole(owned.id)).toMatchObject({ name: owned.name, version: 1 });
    expect(
      await t.db.selectFrom('operators').select('id').where('username', '=', 'thief').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('is visible to its own branch and to head office', async () => {
    expect((await t.call('GET', `/api/roles/${owned.id}`, { as: admin })).status).toBe(200);
    const list = await t.call('GET', `/api/roles${q({ filter: { branch_id: branchId }, range: [0, 999] })}`, {
      as: hq,
    });
    expect(list.json.map((r: any) => r.code)).toContain('benxi_only');
    expect((await t.call('GET', `/api/roles/${owned.id}`, { as: hq })).status).toBe(200);
  });

  it("the other branch's own roles are invisible to the first branch", async () => {
    const theirs = await createRole('shenyang_only', ['trade_details.run'], otherAdmin);
    expect(theirs.branch_id).toBe(otherBranchId);
    expect((await t.call('GET', `/api/roles/${theirs.id}`, { as: admin })).status).toBe(404);
    const list = await t.call('GET', `/api/roles${q({ range: [0, 999] })}`, { as: admin });
    expect(list.json.map((r: any) => r.code)).not.toContain('shenyang_only');
  });
});

describe('list', () => {
  it('sorts, pages and filters', async () => {
    const total = Number(
      (
        await t.db
          .selectFrom('roles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where((eb) => eb.or([eb('branch_id', 'is', null), eb('branch_id', '=', branchId)]))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const r = await t.call('GET', `/api/roles${q({ sort: ['code', 'DESC'], range: [0, 1] })}`, { as: admin });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-range')).toBe(`roles 0-1/${total}`);
    expect(r.json).toHaveLength(2);
    const all = await t.call('GET', `/api/roles${q({ sort: ['code', 'DESC'], range: [0, 999] })}`, { as: admin });
    expect(all.json.slice(0, 2)).toEqual(r.json);
    const builtIn = await t.call(
      'GET',
      `/api/roles${q({ filter: { built_in: true }, sort: ['id', 'ASC'], range: [0, 999] })}`,
      { as: admin },
    );
    const dbBuiltIn = await t.db
      .selectFrom('roles')
      .select('code')
      .where('built_in', '=', true)
      .orderBy('id')
      .execute();
    expect(builtIn.json.map((x: any) => x.code)).toEqual(dbBuiltIn.map((r) => r.code));
    expect(builtIn.json.map((x: any) => x.code)).toEqual(
      expect.arrayContaining(['admin', 'teller', 'clerk', 'manager', 'hq']),
    );
    const custom = await t.call('GET', `/api/roles${q({ filter: { built_in: false }, range: [0, 999] })}`, {
      as: admin,
    });
    expect(custom.json.length).toBeGreaterThan(0);
    expect(custom.json.every((x: any) => x.built_in === false && x.branch_id === branchId)).toBe(true);
    const search = await t.call('GET', `/api/roles${q({ filter: { q: 'CLER' } })}`, { as: admin });
    expect(search.json.map((x: any) => x.code)).toEqual(['clerk']);
    const byName = await t.call('GET', `/api/roles${q({ filter: { q: '柜台查' } })}`, { as: admin });
    expect(byName.json.map((x: any) => x.code)).toEqual(['counter_view']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let admin: Session;
let hq: Session;
let manager: Session;
/** built-in role ids by code */
const role: Record<string, number> = {};
let branchId: number;
let headOfficeId: number;
const ids: Record<string, number> = {};

const INITIAL = 'Init2026pw';
const CHANGED = 'Fresh2026pw';

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  hq = await t.login('hq');
  manager = await t.login('manager');
  for (const r of await t.db.selectFrom('roles').select(['id', 'code']).where('built_in', '=', true).execute())
    role[r.code] = r.id;
  for (const o of await t.db.selectFrom('operators').select(['id', 'username']).execute()) ids[o.username] = o.id;
  branchId = admin.me.branch.id;
  headOfficeId = (
    await t.db.selectFrom('branches').select('id').where('is_head_office', '=', true).executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const count = async (table: 'operators' | 'operator_roles' | 'audit_log' | 'sessions') =>
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
const rolesOf = async (operatorId: number) =>
  (
    await t.db
      .selectFrom('operator_roles')
      .select('role_id')
      .where('operator_id', '=', operatorId)
      .orderBy('role_id')
      .execute()
  ).map((r) => r.role_id);
const dbOperator = (id: number) => t.db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst();
const q = (params: Record<string, unknown>) =>
  '?' +
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');

/** Runs one mutation and returns what it answered plus the audit rows it wrote. */
async function mutation<R>(fn: () => Promise<R>) {
  const from = await lastAuditId();
  const res = await fn();
  return { res, audit: await auditSince(from) };
}

/** A mutation wrote exactly one audit row, by `actor`, with no secret in before/after. */
function expectOneAudit(
  rows: Awaited<ReturnType<typeof auditSince>>,
  actor: Session,
  action: string,
  recordId: number,
) {
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  expect(row).toMatchObject({
    action,
    resource: 'operators',
    record_id: String(recordId),
    operator_id: actor.me.id,
    username: actor.me.username,
    branch_id: actor.me.branch.id,
  });
  expect(typeof row.ip).toBe('string');
  expect(new Date(row.at).getTime()).toBe(t.clock.now().getTime());
  expect(JSON.stringify([row.before, row.after, row.detail])).not.toMatch(
    /password_hash|\$argon2|Init2026pw|Fresh2026pw|Reset2026pw/,
  );
  return row as typeof row & { before: any; after: any };
}

function expectNoSecrets(body: unknown) {
  expect(JSON.stringify(body)).not.toMatch(/password_hash|\$argon2|"password"/);
}

async function createOperator(username: string, roleCodes: string[], extra: Record<string, unknown> = {}) {
  const r = await t.call('POST', '/api/operators', {
    as: admin,
    body: {
      username,
      name: `测试${username}`,
      branch_id: branchId,
      phone: '024-1234567',
      role_ids: roleCodes.map((c) => role[c]!),
      password: INITIAL,
      ...extra,
    },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  // the roles are a grant: the branch manager approves it (复核)
  expect(r.json.pending_approval_id).toBeGreaterThan(0);
  const approved = await t.call('POST', `/api/approvals/${r.json.pending_approval_id}/approve`, {
    as: manager,
    body: {},
  });
  expect(approved.status, JSON.stringify(approved.json)).toBe(200);
  return {
    ...(r.json as { id: number; version: number; [k: string]: unknown }),
    role_ids: roleCodes.map((c) => role[c]!).sort((a, b) => a - b),
  };
}

/** Signs in a new operator and changes their initial password, so the session is usable. */
async function activate(username: string) {
  const s = await t.login(username, INITIAL);
  expect(
    (await t.call('POST', '/api/auth/password', { as: s, body: { current_password: INITIAL, new_password: CHANGED } }))
      .status,
  ).toBe(204);
  return s;
}

describe('list (ra-data-simple-rest)', () => {
  it('sorts by name DESC and pages with range, answering Content-Range', async () => {
    const total = Number(
      (
        await t.db
          .selectFrom('operators')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('branch_id', '=', branchId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total).toBeGreaterThanOrEqual(4);
    // the database's own collation decides the order of Chinese names
    const expected = (
      await t.db
        .selectFrom('operators')
        .select('id')
        .where('branch_id', '=', branchId)
        .orderBy('name', 'desc')
        .orderBy('id', 'desc')
        .execute()
    ).map((r) => r.id);

    const first = await t.call('GET', `/api/operators${q({ sort: ['name', 'DESC'], range: [0, 1] })}`, { as: admin });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-range')).toBe(`operators 0-1/${total}`);
    expect(first.headers.get('access-control-expose-headers')).toContain('Content-Range');
    expect(first.json).toHaveLength(2);
    expect(first.json.map((o: any) => o.id)).toEqual(expected.slice(0, 2));

    const second = await t.call('GET', `/api/operators${q({ sort: ['name', 'DESC'], range: [2, 3] })}`, { as: admin });
    expect(second.headers.get('content-range')).toBe(`operators 2-3/${total}`);
    expect(second.json.map((o: any) => o.id)).toEqual(expected.slice(2, 4));

    const asc = await t.call('GET', `/api/operators${q({ sort: ['name', 'ASC'], range: [0, 99] })}`, { as: admin });
    expect(asc.json.map((o: any) => o.id)).toEqual([...expected].reverse());
    for (const row of asc.json) {
      expect(row).not.toHaveProperty('password_hash');
      expect(Array.isArray(row.role_ids)).toBe(true);
    }
    expectNoSecrets(asc.json);
  });

  it('lists only the own branch for a branch admin; head office sees all', async () => {
    const mine = await t.call('GET', `/api/operators${q({ range: [0, 99] })}`, { as: admin });
    expect(mine.json.every((o: any) => o.branch_id === branchId)).toBe(true);
    expect(mine.json.map((o: any) => o.username)).not.toContain('hq');
    const all = await t.call('GET', `/api/operators${q({ range: [0, 99] })}`, { as: hq });
    expect(all.headers.get('content-range')).toBe(`operators 0-${all.json.length - 1}/${await count('operators')}`);
    expect(all.json.map((o: any) => o.username)).toEqual(
      expect.arrayContaining(['admin', 'teller', 'clerk', 'manager', 'hq']),
    );
  });

  it('filters by q (username or name, wildcards taken literally)', async () => {
    const byUser = await t.call('GET', `/api/operators${q({ filter: { q: 'TELL' } })}`, { as: admin });
    expect(byUser.status).toBe(200);
    expect(byUser.json.map((o: any) => o.username)).toEqual(['teller']);
    expect(byUser.headers.get('content-range')).toBe('operators 0-0/1');
    const byName = await t.call('GET', `/api/operators${q({ filter: { q: '王建' } })}`, { as: admin });
    expect(byName.json.map((o: any) => o.username)).toEqual(['admin']);
    const wildcard = await t.call('GET', `/api/operators${q({ filter: { q: '%' } })}`, { as: admin });
    expect(wildcard.json).toEqual([]);
    expect(wildcard.headers.get('content-range')).toBe('operators 0-0/0');
  });

  it('filters by status, role_id and branch_id', async () => {
    const op = await createOperator('list_disabled', ['teller']);
    expect((await t.call('POST', `/api/operators/${op.id}/disable`, { as: admin })).status).toBe(200);

    const disabled = await t.call('GET', `/api/operators${q({ filter: { status: 'disabled' } })}`, { as: admin });
    expect(disabled.json.map((o: any) => o.username)).toEqual(['list_disabled']);
    const active = await t.call('GET', `/api/operators${q({ filter: { status: 'active' }, range: [0, 99] })}`, {
      as: admin,
    });
    expect(active.json.length).toBeGreaterThanOrEqual(4);
    expect(active.json.every((o: any) => o.status === 'active')).toBe(true);

    const tellers = await t.call(
      'GET',
      `/api/operators${q({ filter: { role_id: role.teller }, sort: ['username', 'ASC'] })}`,
      { as: admin },
    );
    expect(tellers.json.map((o: any) => o.username)).toEqual(['list_disabled', 'teller']);
    expect(tellers.json.every((o: any) => o.role_ids.includes(role.teller))).toBe(true);
    const clerks = await t.call('GET', `/api/operators${q({ filter: { role_id: role.clerk } })}`, { as: admin });
    expect(clerks.json.map((o: any) => o.username)).toEqual(['clerk']);

    const headOffice = await t.call('GET', `/api/operators${q({ filter: { branch_id: headOfficeId } })}`, {
      as: admin,
    });
    expect(headOffice.status).toBe(200);
    expect(headOffice.json).toEqual([]); // outside the admin's branch: the scope wins over the filter
    const headOfficeForHq = await t.call('GET', `/api/operators${q({ filter: { branch_id: headOfficeId } })}`, {
      as: hq,
    });
    expect(headOfficeForHq.json.map((o: any) => o.username)).toEqual(['hq']);
    const branch = await t.call('GET', `/api/operators${q({ filter: { branch_id: branchId }, range: [0, 99] })}`, {
      as: hq,
    });
    expect(branch.json.length).toBeGreaterThanOrEqual(5);
    expect(branch.json.every((o: any) => o.branch_id === branchId)).toBe(true);
  });

  it("answers react-admin's getMany filter {id:[…]} within the branch scope", async () => {
    const wanted = [ids.teller!, ids.clerk!, ids.hq!];
    const r = await t.call('GET', `/api/operators${q({ filter: { id: wanted } })}`, { as: admin });
    expect(r.status).toBe(200);
    expect(r.json.map((o: any) => o.id).sort()).toEqual([ids.teller, ids.clerk].sort());
    const forHq = await t.call('GET', `/api/operators${q({ filter: { id: wanted } })}`, { as: hq });
    expect(forHq.json.map((o: any) => o.id).sort()).toEqual([...wanted].sort());
    const single = await t.call('GET', `/api/operators${q({ filter: { id: ids.manager } })}`, { as: admin });
    expect(single.json.map((o: any) => o.username)).toEqual(['manager']);
  });
});

describe('show', () => {
  it('shows one operator with role_ids and without the password hash', async () => {
    const r = await t.call('GET', `/api/operators/${ids.teller}`, { as: admin });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      id: ids.teller,
      username: 'teller',
      name: '李晓梅',
      branch_id: branchId,
      status: 'active',
      role_ids: [role.teller],
      version: 1,
    });
    expect(r.json).not.toHaveProperty('password_hash');
    expectNoSecrets(r.json);
  });

  it('answers 404 for another branch and for an unknown id', async () => {
    expect((await t.call('GET', `/api/operators/${ids.hq}`, { as: admin })).status).toBe(404);
    const missing = await t.call('GET', '/api/operators/987654', { as: admin });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('NOT_FOUND');
    expect((await t.call('GET', `/api/operators/${ids.admin}`, { as: hq })).status).toBe(200);
  });

  it('needs a session and the right', async () => {
    expect((await t.call('GET', `/api/operators/${ids.teller}`)).status).toBe(401);
    const teller = await t.login('teller');
    const r = await t.call('GET', `/api/operators/${ids.teller}`, { as: teller });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('FORBIDDEN');
  });
});

describe('create', () => {
  it('creates an operator who must change the initial password before doing anything else', async () => {
    const before = await count('operators');
    const { res, audit } = await mutation(() =>
      t.call('POST', '/api/operators', {
        as: admin,
        body: {
          username: 'newbie',
          name: '新柜员',
          branch_id: branchId,
          phone: '13800000000',
          role_ids: [role.manager],
          password: INITIAL,
        },
      }),
    );
    expect(res.status).toBe(201);
    // the operator exists at once; the roles are a grant waiting for 复核
    expect(res.json).toMatchObject({
      username: 'newbie',
      name: '新柜员',
      branch_id: branchId,
      status: 'active',
      must_change_password: true,
      role_ids: [],
      version: 1,
    });
    expect(res.json.pending_approval_id).toBeGreaterThan(0);
    expect(res.json).not.toHaveProperty('password_hash');
    expectNoSecrets(res.json);
    const id = res.json.id as number;
    expect(await count('operators')).toBe(before + 1);
    const row = await dbOperator(id);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(INITIAL);
    expect(await rolesOf(id)).toEqual([]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'submit']);
    const a = expectOneAudit(audit.slice(0, 1), admin, 'create', id);
    expect(a.before).toBeNull();
    expect(a.after).toMatchObject({ id, username: 'newbie', must_change_password: true });
    expect(audit[1]).toMatchObject({ action: 'submit', resource: 'roles', record_id: `operator:${id}` });
    // the maker cannot approve their own grant; the manager can
    expect(
      (await t.call('POST', `/api/approvals/${res.json.pending_approval_id}/approve`, { as: admin, body: {} })).json
        .error.code,
    ).toBe('OWN_APPROVAL');
    expect(
      (await t.call('POST', `/api/approvals/${res.json.pending_approval_id}/approve`, { as: manager, body: {} }))
        .status,
    ).toBe(200);
    expect(await rolesOf(id)).toEqual([role.manager]);

    // shows and lists hide the hash as well
    expectNoSecrets((await t.call('GET', `/api/operators/${id}`, { as: admin })).json);

    const s = await t.login('newbie', INITIAL);
    expect(s.me).toMatchObject({ username: 'newbie', must_change_password: true });
    expectNoSecrets(s.me);
    const blocked = await t.call('GET', '/api/operators', { as: s });
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.call('GET', `/api/operators/${id}`, { as: s })).json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    expect(
      (
        await t.call('POST', '/api/auth/password', {
          as: s,
          body: { current_password: INITIAL, new_password: CHANGED },
        })
      ).status,
    ).toBe(204);
    expect((await dbOperator(id))!.must_change_password).toBe(false);
    const allowed = await t.call('GET', '/api/operators', { as: s });
    expect(allowed.status).toBe(200); // the manager role lists operators
    expectNoSecrets(allowed.json);
    const notAllowed = await t.call('POST', '/api/operators', {
      as: s,
      body: { username: 'x2', name: 'x', branch_id: branchId, role_ids: [role.teller], password: INITIAL },
    });
    expect(notAllowed.status).toBe(403); // …but cannot create them
    expect(notAllowed.json.error.code).toBe('FORBIDDEN');
  });

  it('refuses a duplicate username with fields.username and writes nothing', async () => {
    const [ops, links, audits] = [await count('operators'), await count('operator_roles'), await lastAuditId()];
    const r = await t.call('POST', '/api/operators', {
      as: admin,
      body: { username: 'teller', name: '重名', branch_id: branchId, role_ids: [role.teller], password: INITIAL },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.fields.username).toContain('teller');
    expect([await count('operators'), await count('operator_roles'), await lastAuditId()]).toEqual([
      ops,
      links,
      audits,
    ]);
  });

  it('gives one of two simultaneous creates of the same username a 400, not a 500', async () => {
    const body = { username: 'twin', name: '双击', branch_id: branchId, role_ids: [role.teller], password: INITIAL };
    const rs = await Promise.all([
      t.call('POST', '/api/operators', { as: admin, body }),
      t.call('POST', '/api/operators', { as: admin, body }),
    ]);
    expect(rs.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(rs.find((r) => r.status === 400)!.json.error.fields.username).toContain('twin');
    expect(await t.db.selectFrom('operators').select('id').where('username', '=', 'twin').execute()).toHaveLength(1);
  });

  it('enforces the password policy, the branch scope and known roles', async () => {
    const before = await count('operators');
    const base = { username: 'policy', name: '规则', branch_id: branchId, role_ids: [role.teller], password: INITIAL };
    const weak = await t.call('POST', '/api/operators', { as: admin, body: { ...base, password: 'short1' } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.fields.password).toBe('密码至少 8 位');
    const other = await t.call('POST', '/api/operators', { as: admin, body: { ...base, branch_id: headOfficeId } });
    expect(other.status).toBe(400);
    expect(other.json.error.fields.branch_id).toBeTruthy();
    const unknownRole = await t.call('POST', '/api/operators', { as: admin, body: { ...base, role_ids: [987654] } });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.json.error.fields.role_ids).toBeTruthy();
    const noRole = await t.call('POST', '/api/operators', { as: admin, body: { ...base, role_ids: [] } });
    expect(noRole.status).toBe(400);
    expect(noRole.json.error.fields.role_ids).toBe('至少选择一个角色');
    expect(await count('operators')).toBe(before);
  });

  it("refuses the built-in 'admin' and 'clerk' roles together (separation of duties), writing nothing", async () => {
    const [ops, links, audits] = [await count('operators'), await count('operator_roles'), await lastAuditId()];
    const r = await t.call('POST', '/api/operators', {
      as: admin,
      body: {
        username: 'sod',
        name: '兼岗',
        branch_id: branchId,
        role_ids: [role.admin, role.clerk],
        password: INITIAL,
      },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.fields.role_ids).toContain('系统管理员');
    expect(r.json.error.fields.role_ids).toContain('清算员');
    expect(
      await t.db.selectFrom('operators').select('id').where('username', '=', 'sod').executeTakeFirst(),
    ).toBeUndefined();
    expect([await count('operators'), await count('operator_roles'), await lastAuditId()]).toEqual([
      ops,
      links,
      audits,
    ]);
  });
});

describe('update', () => {
  it('updates with the current version: 200, version + 1, one audit row with before and after', async () => {
    const op = await createOperator('upd', ['teller']);
    const { res, audit } = await mutation(() =>
      t.call('PUT', `/api/operators/${op.id}`, {
        as: admin,
        body: {
          name: '改名',
          branch_id: branchId,
          phone: '024-7654321',
          role_ids: [role.manager],
          version: op.version,
        },
      }),
    );
    expect(res.status).toBe(200);
    // name and phone apply now; the change of roles waits for approval
    expect(res.json).toMatchObject({
      id: op.id,
      name: '改名',
      phone: '024-7654321',
      role_ids: [role.teller],
      version: op.version + 1,
    });
    expect(res.json.pending_approval_id).toBeGreaterThan(0);
    expectNoSecrets(res.json);
    const row = await dbOperator(op.id);
    expect(row).toMatchObject({ name: '改名', phone: '024-7654321', version: op.version + 1 });
    expect(await rolesOf(op.id)).toEqual([role.teller]);
    expect(audit.map((x) => x.action)).toEqual(['update', 'submit']);
    const a = expectOneAudit(audit.slice(0, 1), admin, 'update', op.id);
    expect(a.before).toMatchObject({ name: '测试upd', role_ids: [role.teller], version: op.version });
    expect(a.after).toMatchObject({ name: '改名', role_ids: [role.teller], version: op.version + 1 });
    // a second change of roles while one is pending is refused
    const again = await t.call('PUT', `/api/operators/${op.id}`, {
      as: admin,
      body: {
        name: '改名',
        branch_id: branchId,
        phone: '024-7654321',
        role_ids: [role.clerk],
        version: op.version + 1,
      },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('PENDING_APPROVAL');
    expect(
      (await t.call('POST', `/api/approvals/${res.json.pending_approval_id}/approve`, { as: manager, body: {} }))
        .status,
    ).toBe(200);
    expect(await rolesOf(op.id)).toEqual([role.manager]);
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const op = await createOperator('stale', ['teller']);
    const ok = await t.call('PUT', `/api/operators/${op.id}`, {
      as: admin,
      body: { name: '第一次', branch_id: branchId, role_ids: [role.teller], version: 1 },
    });
    expect(ok.status).toBe(200);
    const before = await dbOperator(op.id);
    const from = await lastAuditId();
    const r = await t.call('PUT', `/api/operators/${op.id}`, {
      as: admin,
      body: { name: '第二次', branch_id: branchId, phone: '1', role_ids: [role.manager], version: 1 },
    });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('CONFLICT');
    expect(await dbOperator(op.id)).toEqual(before);
    expect(await rolesOf(op.id)).toEqual([role.teller]);
    expect(await auditSince(from)).toEqual([]);
  });

  it('refuses admin + clerk on an existing operator and leaves operator_roles unchanged', async () => {
    const from = await lastAuditId();
    const links = await t.db
      .selectFrom('operator_roles')
      .selectAll()
      .orderBy('operator_id')
      .orderBy('role_id')
      .execute();
    const r = await t.call('PUT', `/api/operators/${ids.clerk}`, {
      as: admin,
      body: { name: '张立新', branch_id: branchId, role_ids: [role.clerk, role.admin], version: 1 },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.role_ids).toContain('系统管理员');
    expect(r.json.error.fields.role_ids).toContain('清算员');
    expect(
      await t.db.selectFrom('operator_roles').selectAll().orderBy('operator_id').orderBy('role_id').execute(),
    ).toEqual(links);
    expect((await dbOperator(ids.clerk!))!.version).toBe(1);
    expect(await auditSince(from)).toEqual([]);
  });

  it("answers 404 for another branch's operator and 400 for moving one out of the branch", async () => {
    const r = await t.call('PUT', `/api/operators/${ids.hq}`, {
      as: admin,
      body: { name: 'x', branch_id: branchId, role_ids: [role.teller], version: 1 },
    });
    expect(r.status).toBe(404);
    const move = await t.call('PUT', `/api/operators/${ids.teller}`, {
      as: admin,
      body: { name: '李晓梅', branch_id: headOfficeId, role_ids: [role.teller], version: 1 },
    });
    expect(move.status).toBe(400);
    expect(move.json.error.fields.branch_id).toBeTruthy();
    expect((await dbOperator(ids.teller!))!.branch_id).toBe(branchId);
  });
});

describe('disable and enable', () => {
  it("disabling ends the operator's sessions at once and stops sign-in; enabling lets them back", async () => {
    const op = await createOperator('leaver', ['teller']);
    const s = await activate('leaver');
    const s2 = await t.login('leaver', CHANGED);
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);

    const { res, audit } = await mutation(() => t.call('POST', `/api/operators/${op.id}/disable`, { as: admin }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: op.id, status: 'disabled' });
    expectNoSecrets(res.json);
    const a = expectOneAudit(audit, admin, 'disable', op.id);
    expect(a.before).toMatchObject({ status: 'active' });
    expect(a.after).toMatchObject({ status: 'disabled' });
    expect(a.detail).toBe('ended 2 session(s)');

    const me = await t.call('GET', '/api/auth/me', { as: s });
    expect(me.status).toBe(401);
    expect((await t.call('GET', '/api/auth/me', { as: s2 })).status).toBe(401);
    expect(
      await t.db
        .selectFrom('sessions')
        .select('token_hash')
        .where('operator_id', '=', op.id)
        .where('ended_at', 'is', null)
        .execute(),
    ).toEqual([]);
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'leaver', password: CHANGED } });
    expect(login.status).toBe(401);
    expect(login.json.error.message).toBe('该柜员已停用');
    expect(login.headers.get('set-cookie')).toBeNull();

    const enabled = await mutation(() => t.call('POST', `/api/operators/${op.id}/enable`, { as: admin }));
    expect(enabled.res.status).toBe(200);
    expect(enabled.res.json.status).toBe('active');
    const e = expectOneAudit(enabled.audit, admin, 'enable', op.id);
    expect(e.before).toMatchObject({ status: 'disabled' });
    expect(e.after).toMatchObject({ status: 'active' });
    const back = await t.login('leaver', CHANGED);
    expect((await t.call('GET', '/api/auth/me', { as: back })).status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401); // the old session stays ended
  });

  it('refuses to disable yourself', async () => {
    const from = await lastAuditId();
    const r = await t.call('POST', `/api/operators/${ids.admin}/disable`, { as: admin });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.status).toBe('不能停用自己');
    expect((await dbOperator(ids.admin!))!.status).toBe('active');
    expect((await t.call('GET', '/api/auth/me', { as: admin })).status).toBe(200);
    expect(await auditSince(from)).toEqual([]);
  });

  it("answers 404 for another branch's operator", async () => {
    expect((await t.call('POST', `/api/operators/${ids.hq}/disable`, { as: admin })).status).toBe(404);
    expect((await dbOperator(ids.hq!))!.status).toBe('active');
  });
});

describe('reset_password', () => {
  it('ends old sessions and makes the operator change the new password at next sign-in', async () => {
    const op = await createOperator('forgetful', ['manager']);
    const s = await activate('forgetful');
    expect((await t.call('GET', '/api/operators', { as: s })).status).toBe(200);

    const { res, audit } = await mutation(() =>
      t.call('POST', `/api/operators/${op.id}/reset_password`, { as: admin, body: { password: 'Reset2026pw' } }),
    );
    expect(res.status).toBe(204);
    const a = expectOneAudit(audit, admin, 'reset_password', op.id);
    expect(a.before).toEqual({ must_change_password: false });
    expect(a.after).toEqual({ must_change_password: true });

    expect((await t.call('GET', '/api/operators', { as: s })).status).toBe(401);
    expect(
      (await t.call('POST', '/api/auth/login', { body: { username: 'forgetful', password: CHANGED } })).status,
    ).toBe(401);
    const again = await t.login('forgetful', 'Reset2026pw');
    expect(again.me.must_change_password).toBe(true);
    const blocked = await t.call('GET', '/api/operators', { as: again });
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (
        await t.call('POST', '/api/auth/password', {
          as: again,
          body: { current_password: 'Reset2026pw', new_password: 'Again2026pw' },
        })
      ).status,
    ).toBe(204);
    expect((await t.call('GET', '/api/operators', { as: again })).status).toBe(200);
  });

  it('applies the password policy and writes nothing on a weak password', async () => {
    const before = await dbOperator(ids.teller!);
    const from = await lastAuditId();
    const r = await t.call('POST', `/api/operators/${ids.teller}/reset_password`, {
      as: admin,
      body: { password: 'abcdefghij' },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.password).toBe('密码须同时包含字母和数字');
    expect(await dbOperator(ids.teller!)).toEqual(before);
    expect(await auditSince(from)).toEqual([]);
  });
});

describe('delete', () => {
  it('deletes an operator who never acted', async () => {
    const op = await createOperator('mistake', ['teller', 'clerk']);
    expect(await rolesOf(op.id)).toHaveLength(2);
    const { res, audit } = await mutation(() => t.call('DELETE', `/api/operators/${op.id}`, { as: admin }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: op.id, username: 'mistake' });
    expectNoSecrets(res.json);
    expect(await dbOperator(op.id)).toBeUndefined();
    expect(await rolesOf(op.id)).toEqual([]);
    const a = expectOneAudit(audit, admin, 'delete', op.id);
    expect(a.before).toMatchObject({ id: op.id, username: 'mistake' });
    expect(a.after).toBeNull();
    expect((await t.call('GET', `/api/operators/${op.id}`, { as: admin })).status).toBe(404);
  });

  it('refuses to delete an operator who has signed in (disable instead)', async () => {
    const op = await createOperator('veteran', ['teller']);
    await t.login('veteran', INITIAL);
    const from = await lastAuditId();
    const r = await t.call('DELETE', `/api/operators/${op.id}`, { as: admin });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.id).toBe('柜员已有操作记录，不能删除，请停用');
    expect(await dbOperator(op.id)).toBeDefined();
    expect(await rolesOf(op.id)).toEqual([role.teller]);
    expect(await auditSince(from)).toEqual([]);
  });

  it("refuses to delete yourself and answers 404 for another branch's operator", async () => {
    expect((await t.call('DELETE', `/api/operators/${ids.admin}`, { as: admin })).status).toBe(400);
    expect((await t.call('DELETE', `/api/operators/${ids.hq}`, { as: admin })).status).toBe(404);
    expect(await dbOperator(ids.admin!)).toBeDefined();
    expect(await dbOperator(ids.hq!)).toBeDefined();
  });
});

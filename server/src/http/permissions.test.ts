import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_PASSWORD, type Session, type TestApp } from '../../test/harness.js';
import { hashPassword } from '../modules/auth/password.js';

/**
 * Walks every route of /api/openapi.json × (no session, each built-in role, an operator of
 * another branch) and checks 401 / 403 / allowed / 404. The expected matrix is written out by
 * hand here — independent of the role definitions in code — and a route missing from it fails.
 */
const ROLES = ['admin', 'teller', 'clerk', 'manager', 'hq'] as const;
type RoleCode = (typeof ROLES)[number];
const ALL = [...ROLES];

/** The declared parameter resources: every one has list/show/export/history, most create/edit/delete. */
const PARAMS = [
  'branches',
  'markets',
  'seats',
  'banks',
  'securities',
  'fee_schedules',
  'trading_calendar',
  'system_params',
  'dictionary',
  'client_managers',
  'market_totals',
];
const ADMIN_PARAMS = Object.fromEntries(
  PARAMS.flatMap((r) =>
    ['list', 'show', 'export', 'create', 'edit', 'delete'].map((a) => [
      `${r}.${a}`,
      ['admin', ...(['list', 'show', 'export'].includes(a) ? ['hq'] : [])] as RoleCode[],
    ]),
  ),
);

/**
 * Who holds each right (DOMAIN.md §1, §8), written out by hand: the IT admin configures, the
 * teller and clerk read what their work needs, the manager reads and approves, head office reads all.
 */
const EXPECTED: Record<string, 'public' | RoleCode[]> = {
  public: 'public',
  signed_in: ALL,
  ...ADMIN_PARAMS,
  'branches.list': ALL,
  'branches.show': ALL,
  'securities.list': ALL.filter((r) => r !== 'manager'),
  'securities.show': ALL.filter((r) => r !== 'manager'),
  'banks.list': ['admin', 'teller', 'hq'],
  'banks.show': ['admin', 'teller', 'hq'],
  'client_managers.list': ['admin', 'teller', 'hq'],
  'client_managers.show': ['admin', 'teller', 'hq'],
  'fee_schedules.list': ['admin', 'clerk', 'manager', 'hq'],
  'fee_schedules.show': ['admin', 'clerk', 'manager', 'hq'],
  'seats.list': ['admin', 'manager', 'hq'],
  'seats.show': ['admin', 'manager', 'hq'],
  'operators.list': ['admin', 'manager', 'hq'],
  'operators.show': ['admin', 'manager', 'hq'],
  'operators.create': ['admin'],
  'operators.edit': ['admin'],
  'operators.delete': ['admin'],
  'operators.export': ['admin', 'hq'],
  'roles.list': ['admin', 'manager', 'hq'],
  'roles.show': ['admin', 'manager', 'hq'],
  'roles.create': ['admin'],
  'roles.edit': ['admin'],
  'roles.delete': ['admin'],
  'roles.export': ['admin', 'hq'],
  'audit_log.list': ['admin', 'manager', 'hq'],
  'audit_log.show': ['admin', 'manager', 'hq'],
  'audit_log.export': ['admin', 'hq'],
  'approvals.list': ['admin', 'clerk', 'manager', 'hq'],
  'approvals.show': ['admin', 'clerk', 'manager', 'hq'],
  'approvals.approve': ['admin', 'clerk', 'manager'],
  'clients.list': ['teller', 'clerk', 'manager', 'hq'],
  'clients.show': ['teller', 'clerk', 'manager', 'hq'],
  'clients.create': ['teller'],
  'clients.edit': ['teller'],
  'clients.export': ['clerk', 'manager', 'hq'],
  'fund_accounts.list': ['teller', 'clerk', 'manager', 'hq'],
  'fund_accounts.show': ['teller', 'clerk', 'manager', 'hq'],
  'fund_accounts.create': ['teller'],
  'fund_accounts.export': ['clerk', 'manager', 'hq'],
  'fund_journal.list': ['teller', 'clerk', 'manager', 'hq'],
  'fund_journal.show': ['teller', 'clerk', 'manager', 'hq'],
  'fund_journal.create': ['teller'],
  'fund_journal.export': ['clerk', 'manager', 'hq'],
  'orders.list': ['teller', 'clerk', 'manager', 'hq'],
  'orders.show': ['teller', 'clerk', 'manager', 'hq'],
  'orders.create': ['teller'],
  'orders.edit': ['teller'],
  'orders.export': ['clerk', 'manager', 'hq'],
  'positions.list': ['teller', 'clerk', 'manager', 'hq'],
  'positions.show': ['teller', 'clerk', 'manager', 'hq'],
  'positions.create': ['teller'],
  'positions.export': ['clerk', 'manager', 'hq'],
  'shareholder_accounts.list': ['teller', 'hq'],
  'shareholder_accounts.show': ['teller', 'hq'],
  'shareholder_accounts.create': ['teller'],
  'shareholder_accounts.export': ['hq'],
  'trades.list': ['teller', 'clerk', 'manager', 'hq'],
  // 经营指标: the branch manager and head office (GET /kpis/branches: head office only, below)
  'kpis.list': ['manager', 'hq'],
  // and the .xlsx / PDF / CSV of each KPI table (GET /kpis/<table>/export)
  'kpis.export': ['manager', 'hq'],
  // 重新分群 (POST /segments/refresh): the branch manager; head office reads, does not run
  'kpis.run': ['manager'],
  'trades.show': ['teller', 'clerk', 'manager', 'hq'],
  'trades.create': ['clerk'],
  'trades.export': ['clerk', 'manager', 'hq'],
  'bank_transfers.list': ['teller', 'clerk', 'hq'],
  'bank_transfers.export': ['clerk', 'hq'],
  'day_end_runs.list': ['admin', 'clerk', 'manager', 'hq'],
  'day_end_runs.show': ['admin', 'clerk', 'manager', 'hq'],
  'day_end_runs.run': ['clerk'],
  // snapshots: the IT admin takes them and asks for a restore, the manager approves it (复核)
  // 报表归档: the clearing clerk, the manager and head office build, list, download and verify packages
  'report_packages.list': ['clerk', 'manager', 'hq'],
  'report_packages.show': ['clerk', 'manager', 'hq'],
  'report_packages.create': ['clerk', 'manager', 'hq'],
  'report_packages.export': ['clerk', 'manager', 'hq'],
  'report_packages.run': ['clerk', 'manager', 'hq'],
  'backups.list': ['admin', 'manager', 'hq'],
  'backups.show': ['admin', 'manager', 'hq'],
  'backups.create': ['admin'],
  'backups.run': ['admin'],
  // closing prices: the clearing clerk imports and corrects them, the others read
  'closing_prices.list': ['admin', 'clerk', 'manager', 'hq'],
  'closing_prices.show': ['admin', 'clerk', 'manager', 'hq'],
  'closing_prices.export': ['admin', 'clerk', 'manager', 'hq'],
  'closing_prices.create': ['clerk'],
  'closing_prices.edit': ['clerk'],
  // 报表管理: the clerk (清算员), the manager and head office run and download every report; the
  // teller prints a client's 交割单 and a cash posting's voucher (资金业务凭证) at the counter
  ...Object.fromEntries(
    [
      'daily_fund_statement',
      'fund_business_summary',
      'business_statistics',
      'fund_balances',
      'overdrafts',
      'fund_changes',
      'fund_ledger',
      'bank_transfer_summary',
      'clearing_first',
      'clearing_second',
      'trade_details',
      'security_summary',
      'client_trades',
      'order_details',
      'trade_ranking',
      'client_segments',
      'holdings',
      'client_delivery',
      'client_statement',
      'cash_voucher',
    ].flatMap((r) =>
      ['run', 'export'].map((a) => [
        `${r}.${a}`,
        [
          'clerk',
          'manager',
          'hq',
          ...(['client_delivery', 'client_statement', 'cash_voucher'].includes(r) ? ['teller'] : []),
        ] as RoleCode[],
      ]),
    ),
  ),
};

/** Resources whose rows belong to a branch: another branch's operator gets 404 for them. */
const BRANCH_SCOPED = new Set([
  'operators',
  'roles',
  'audit_log',
  'branches',
  'seats',
  'client_managers',
  'approvals',
  'clients',
  'fund_accounts',
  'fund_journal',
  'orders',
  'positions',
  'shareholder_accounts',
  'trades',
]);

let t: TestApp;
const sessions = {} as Record<RoleCode, Session>;
const otherBranch = {} as Record<RoleCode, Session>;
/** A record of the demo branch per resource, for `{id}`. */
const ids: Record<string, number> = {};
let routes: { method: string; path: string; permission: string }[] = [];
/** Valid bodies, so a permitted call gets past validation to the scope check. */
let bodies: Record<string, unknown> = {};

beforeAll(async () => {
  t = await testApp();
  for (const r of ROLES) sessions[r] = await t.login(r);
  // a second branch with one operator per branch role
  const other = await t.db
    .insertInto('branches')
    .values({ code: '0999', name: '测试第二营业部' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(TEST_PASSWORD);
  for (const r of ROLES) {
    const role = await t.db.selectFrom('roles').select('id').where('code', '=', r).executeTakeFirstOrThrow();
    const op = await t.db
      .insertInto('operators')
      .values({ username: `other_${r}`, name: `他部${r}`, branch_id: other.id, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('operator_roles').values({ operator_id: op.id, role_id: role.id }).execute();
    otherBranch[r] = await t.login(`other_${r}`);
  }
  const branchId = sessions.admin.me.branch.id;
  const teller = await t.db
    .selectFrom('operators')
    .select(['id', 'version'])
    .where('username', '=', 'teller')
    .executeTakeFirstOrThrow();
  const tellerRole = await t.db.selectFrom('roles').select('id').where('code', '=', 'teller').executeTakeFirstOrThrow();
  const created = await t.call('POST', '/api/roles', {
    as: sessions.admin,
    body: { code: 'branch_viewer', name: '本部查询', permissions: ['branches.list'] },
  });
  expect(created.status).toBe(201);
  ids.operators = teller.id;
  ids.roles = created.json.id;
  ids.branches = branchId;
  ids.audit_log = (
    await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('branch_id', '=', branchId)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.seats = (
    (await t.db
      .selectFrom('seats' as never)
      .select('id' as never)
      .orderBy('id' as never)
      .executeTakeFirstOrThrow()) as { id: number }
  ).id;
  ids.client_managers = (
    (await t.db
      .selectFrom('client_managers' as never)
      .select('id' as never)
      .orderBy('id' as never)
      .executeTakeFirstOrThrow()) as { id: number }
  ).id;
  const submitted = await t.call('PUT', `/api/seats/${ids.seats}`, {
    as: sessions.admin,
    body: { name: '上海普通交易单元(主)', version: 1 },
  });
  expect(submitted.status).toBe(202);
  ids.approvals = submitted.json.pending_approval_id;
  const client = await t.call('POST', '/api/clients', {
    as: sessions.teller,
    body: { name: '权限测试', id_number: '11010519491231002X' },
  });
  expect(client.status, JSON.stringify(client.json)).toBe(201);
  ids.clients = client.json.id;
  ids.fund_accounts = client.json.fund_account_id;
  const deposit = await t.call('POST', '/api/fund_journal', {
    as: sessions.teller,
    body: { account_id: ids.fund_accounts, type: 'deposit', amount: '1000.00', idempotency_key: 'perm-test-deposit' },
  });
  expect(deposit.status, JSON.stringify(deposit.json)).toBe(201);
  ids.fund_journal = deposit.json.id;
  const holder = await t.call('POST', '/api/shareholder_accounts', {
    as: sessions.teller,
    body: { client_id: ids.clients, market: 'SH-A', code: 'A000000001' },
  });
  expect(holder.status, JSON.stringify(holder.json)).toBe(201);
  ids.shareholder_accounts = holder.json.id;
  const moved = await t.call('POST', '/api/positions/transfer', {
    as: sessions.teller,
    body: {
      shareholder_account_id: holder.json.id,
      code: '600000',
      type: 'transfer_in',
      quantity: 100,
      idempotency_key: 'perm-test-transfer',
    },
  });
  expect(moved.status, JSON.stringify(moved.json)).toBe(201);
  ids.positions = moved.json.position_id;
  const prev = (
    await t.db.selectFrom('securities').select('prev_close').where('code', '=', '600000').executeTakeFirstOrThrow()
  ).prev_close;
  const placed = await t.call('POST', '/api/orders', {
    as: sessions.teller,
    body: {
      client_id: ids.clients,
      code: '600000',
      side: 'sell',
      price: prev,
      quantity: 100,
      idempotency_key: 'perm-test-order',
    },
  });
  expect(placed.status, JSON.stringify(placed.json)).toBe(201);
  ids.orders = placed.json.id;
  for (let seed = 1; !ids.trades && seed < 20; seed++) {
    const sim = await t.call('POST', '/api/trades/simulate', { as: sessions.clerk, body: { seed } });
    if (sim.json.recorded > 0)
      ids.trades = (
        (await t.db
          .selectFrom('trades' as never)
          .select('id' as never)
          .executeTakeFirstOrThrow()) as { id: number }
      ).id;
  }
  expect(ids.trades).toBeGreaterThan(0);
  bodies = {
    'PUT /operators/{id}': {
      name: '李晓梅',
      branch_id: branchId,
      phone: '',
      role_ids: [tellerRole.id],
      version: teller.version,
    },
    'POST /operators/{id}/reset_password': { password: 'Temp2026x' },
    'PUT /roles/{id}': {
      name: '本部查询',
      description: '',
      all_branches: false,
      permissions: ['branches.list'],
      version: created.json.version,
    },
    'PUT /seats/{id}': { version: 1 },
    'PUT /client_managers/{id}': { version: 1 },
    'PUT /branches/{id}': { version: 1 },
    'PUT /clients/{id}': { version: 1 },
    'POST /clients/{id}/status': { status: 'frozen', version: 1 },
    'POST /fund_journal/{id}/reverse': { reason: '测试' },
    'POST /clients/{id}/settle_interest': { idempotency_key: 'perm-test-settle' },
  };
  const doc = await t.call('GET', '/api/openapi.json', { as: sessions.admin });
  routes = Object.entries(doc.json.paths as Record<string, Record<string, { 'x-permission': string }>>).flatMap(
    ([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        permission: op['x-permission'],
      })),
  );
});
afterAll(() => t.close());

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
/** Routes that compare branches: a branch operator holding the right still gets 403. */
const HEAD_OFFICE_ONLY = new Set(['/kpis/branches', '/kpis/branches/export']);
const expectedOf = (r: { permission: string; path?: string }) => {
  const e = EXPECTED[r.permission];
  return e && e !== 'public' && r.path && HEAD_OFFICE_ONLY.has(r.path) ? e.filter((x) => x === 'hq') : e;
};
const resourceOf = (path: string) => path.split('/')[1]!;
const MISSING_ID = 987654321;

function concrete(path: string, id: number) {
  return `/api${path.replace('{id}', String(id))}`;
}

/** Calls a route so that, if allowed, it changes nothing: a missing id, or an empty body that fails validation. */
async function probe(r: { method: string; path: string }, as?: Session) {
  const session = r.path === '/auth/logout' && as ? await t.login(as.me.username) : as;
  const body = r.method === 'GET' ? undefined : {};
  return t.call(r.method, concrete(r.path, MISSING_ID), { as: session, body });
}

describe('permission matrix', () => {
  it('covers every documented route, each with an x-permission the matrix knows', () => {
    expect(routes.length).toBeGreaterThan(80);
    for (const r of routes) {
      expect(r.permission, key(r)).toBeTruthy();
      expect(expectedOf(r), `${key(r)} needs ${r.permission}, which the expected matrix does not list`).toBeDefined();
    }
    // spot checks that routes ask for the right they should
    const perm = (k: string) => routes.find((r) => key(r) === k)?.permission;
    expect(perm('POST /operators')).toBe('operators.create');
    expect(perm('POST /operators/{id}/disable')).toBe('operators.edit');
    expect(perm('GET /audit_log')).toBe('audit_log.list');
    expect(perm('GET /fee_schedules/export')).toBe('fee_schedules.export');
    expect(perm('GET /orders/export')).toBe('orders.export');
    expect(perm('GET /fund_journal/export')).toBe('fund_journal.export');
    expect(perm('GET /fee_schedules/import_template')).toBe('fee_schedules.create');
    expect(perm('GET /system_params/import_template')).toBe('system_params.edit');
    expect(perm('POST /approvals/{id}/approve')).toBe('approvals.approve');
    expect(perm('PUT /system_params/{id}')).toBe('system_params.edit');
    expect(perm('DELETE /system_params/{id}')).toBeUndefined();
    expect(perm('POST /closing_prices/import_csv')).toBe('closing_prices.create');
    expect(perm('DELETE /closing_prices/{id}')).toBeUndefined();
    expect(routes.some((r) => r.path.startsWith('/audit_log') && r.method !== 'GET')).toBe(false);
  });

  it('without a session: 401 everywhere but sign-in', async () => {
    for (const r of routes) {
      const res = await probe(r);
      if (expectedOf(r) === 'public') expect(res.status, key(r)).not.toBe(401);
      else {
        expect(res.status, key(r)).toBe(401);
        expect(res.json.error.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  for (const role of ROLES) {
    it(`as ${role}: 403 where the role has no right, allowed where it has`, async () => {
      for (const r of routes) {
        const expected = expectedOf(r)!;
        const res = await probe(r, sessions[role]);
        if (expected === 'public' || expected.includes(role)) {
          expect([401, 403], `${role} ${key(r)} → ${res.status} ${JSON.stringify(res.json)}`).not.toContain(res.status);
          expect(res.status, `${role} ${key(r)}`).toBeLessThan(500);
        } else {
          expect(res.status, `${role} ${key(r)}`).toBe(403);
          expect(res.json.error.code).toBe('FORBIDDEN');
        }
      }
    });
  }

  it("as an operator of another branch: 404 for this branch's records, even with the right", async () => {
    for (const r of routes.filter(
      (r) => r.path.includes('{id}') && BRANCH_SCOPED.has(resourceOf(r.path)) && !r.path.includes('/import/'),
    )) {
      const expected = expectedOf(r)!;
      for (const role of ROLES) {
        if (expected === 'public' || !expected.includes(role)) continue;
        const id = ids[resourceOf(r.path)]!;
        const res = await t.call(r.method, concrete(r.path, id), {
          as: otherBranch[role],
          body: r.method === 'GET' ? undefined : (bodies[key(r)] ?? {}),
        });
        // the head-office role sees every branch; a built-in (company-wide) role is visible to all
        if (role === 'hq') expect(res.status, `${role} ${key(r)}`).toBe(200);
        else expect(res.status, `other-branch ${role} ${key(r)} → ${JSON.stringify(res.json)}`).toBe(404);
      }
    }
  });

  it("as an operator of another branch: lists never contain this branch's records", async () => {
    for (const r of routes.filter(
      (r) => r.method === 'GET' && /^\/[a-z_]+$/.test(r.path) && BRANCH_SCOPED.has(resourceOf(r.path)),
    )) {
      const expected = expectedOf(r)!;
      for (const role of ROLES.filter((x) => x !== 'hq')) {
        if (expected === 'public' || !expected.includes(role)) continue;
        const res = await t.call('GET', `/api${r.path}?range=[0,999]`, { as: otherBranch[role] });
        expect(res.status).toBe(200);
        const mine = ids[resourceOf(r.path)];
        expect(
          res.json.map((x: { id: number }) => x.id),
          `${role} ${key(r)}`,
        ).not.toContain(mine);
      }
    }
  });

  /** Every route but sign-in answers 401 to a session that has ended, whatever ended it. */
  async function expectEndedEverywhere(s: Session, why: string) {
    let walked = 0;
    for (const r of routes) {
      if (expectedOf(r) === 'public') continue;
      const res = await t.call(r.method, concrete(r.path, MISSING_ID), {
        as: s,
        body: r.method === 'GET' ? undefined : {},
      });
      expect(res.status, `${why}: ${key(r)} → ${res.status}`).toBe(401);
      walked++;
    }
    return walked;
  }

  /** A fresh operator of the demo branch with the teller role, signed in. */
  async function freshTeller(username: string) {
    const role = await t.db.selectFrom('roles').select('id').where('code', '=', 'teller').executeTakeFirstOrThrow();
    const op = await t.db
      .insertInto('operators')
      .values({
        username,
        name: '会话测试',
        branch_id: sessions.admin.me.branch.id,
        password_hash: await hashPassword(TEST_PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('operator_roles').values({ operator_id: op.id, role_id: role.id }).execute();
    return { id: op.id, session: await t.login(username) };
  }

  it('a session that has ended — signed out, idle, past its lifetime, its operator disabled — is 401 on every route', async () => {
    const counts: Record<string, number> = {};

    const out = await t.login('teller');
    expect((await t.call('POST', '/api/auth/logout', { as: out })).status).toBe(204);
    counts['signed out'] = await expectEndedEverywhere(out, 'signed out');

    // the clock goes forward for one session only and back again: the others were not used meanwhile
    const idle = await t.login('teller');
    t.clock.advance(31 * 60_000);
    expect((await t.call('GET', '/api/auth/me', { as: idle })).status).toBe(401);
    t.clock.advance(-31 * 60_000);
    counts.idle = await expectEndedEverywhere(idle, 'idle');

    const old = await t.login('teller');
    for (let i = 0; i < 37; i++) {
      t.clock.advance(20 * 60_000); // active every 20 minutes, 12 h 20 min in all
      await t.call('GET', '/api/auth/me', { as: old });
    }
    expect((await t.call('GET', '/api/auth/me', { as: old })).status).toBe(401);
    t.clock.advance(-37 * 20 * 60_000);
    counts.lifetime = await expectEndedEverywhere(old, 'past its lifetime');

    const { id, session } = await freshTeller('session_disabled');
    expect((await t.call('GET', '/api/auth/me', { as: session })).status).toBe(200);
    expect((await t.call('POST', `/api/operators/${id}/disable`, { as: sessions.admin })).status).toBe(200);
    counts.disabled = await expectEndedEverywhere(session, 'operator disabled');
    // and it stays ended when the operator is enabled again: they sign in anew
    expect((await t.call('POST', `/api/operators/${id}/enable`, { as: sessions.admin })).status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { as: session })).status).toBe(401);

    console.log(`ended sessions walked: ${JSON.stringify(counts)}`);
    for (const n of Object.values(counts)) expect(n).toBe(routes.filter((r) => expectedOf(r) !== 'public').length);
  });

  it('a write from a foreign origin or a cross-site fetch is 403 on every route, session or not, and changes nothing', async () => {
    const writes = routes.filter((r) => r.method !== 'GET');
    const before = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    for (const r of writes) {
      for (const as of [undefined, sessions.admin, sessions.teller]) {
        for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }] as Record<
          string,
          string
        >[]) {
          const res = await t.call(r.method, concrete(r.path, ids[resourceOf(r.path)] ?? MISSING_ID), {
            as,
            body: bodies[key(r)] ?? {},
            headers,
          });
          expect(res.status, `${key(r)} ${JSON.stringify(headers)}`).toBe(403);
          expect(res.json.error.code).toBe('CSRF');
        }
      }
    }
    const after = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    console.log(`foreign-origin writes refused: ${writes.length * 6} (${writes.length} routes)`);
  });

  it('reports, KPIs and exports asked for another branch: 403 or 404 for a branch operator holding the right', async () => {
    const doc = await t.call('GET', '/api/openapi.json', { as: sessions.admin });
    const withBranch = Object.entries(
      doc.json.paths as Record<
        string,
        Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>
      >,
    ).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(
          ([m, op]) => m === 'get' && (op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'branch_id'),
        )
        .map(([, op]) => ({
          path,
          // a period where the route requires one, so the call gets past validation to the scope check
          period: (op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'from' && p.required)
            ? '&from=2026-01-05&to=2026-01-30'
            : '',
        })),
    );
    expect(withBranch.length).toBeGreaterThan(5);
    let asked = 0;
    for (const { path, period } of withBranch) {
      const r = routes.find((x) => x.method === 'GET' && x.path === path)!;
      const expected = expectedOf(r)!;
      for (const role of ROLES.filter((x) => x !== 'hq')) {
        if (expected === 'public' || !expected.includes(role)) continue;
        const res = await t.call('GET', `/api${path}?branch_id=${sessions.admin.me.branch.id}${period}`, {
          as: otherBranch[role],
        });
        expect([403, 404], `other-branch ${role} ${path} → ${res.status}`).toContain(res.status);
        asked++;
      }
    }
    console.log(`another branch asked for: ${asked} calls on ${withBranch.length} routes`);
    expect(asked).toBeGreaterThan(0);
  });

  it('prints the matrix it walked', () => {
    const header = ['route', 'permission', 'none', ...ROLES, 'other branch'].join(' | ');
    const lines = routes.map((r) => {
      const e = expectedOf(r)!;
      const cells = ROLES.map((role) => (e === 'public' || e.includes(role) ? '✓' : '403'));
      return [key(r), r.permission, e === 'public' ? '✓' : '401', ...cells, r.path.includes('{id}') ? '404' : '—'].join(
        ' | ',
      );
    });
    console.log(['', header, ...lines].join('\n'));
    expect(lines.length).toBe(routes.length);
  });
});

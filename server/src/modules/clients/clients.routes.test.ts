import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { checkChar } from './id-number.calc.js';

/**
 * 开户 and client maintenance through HTTP (DOMAIN.md §3.2 client status, §3.3 cash, §8 branch
 * scope): opening by ID number with a CNY fund account, the ID checks, edit with version, and
 * the statuses — frozen and lost stop money leaving but not coming in; closed needs zero cash
 * and then stops everything.
 */
let t: TestApp;
let teller: Session;
let branchId: number;
let branchCode: string;
let businessDate: string;

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  branchId = teller.me.branch.id;
  branchCode = (await t.db.selectFrom('branches').select('code').where('id', '=', branchId).executeTakeFirstOrThrow())
    .code;
  businessDate = (
    await t.db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
  ).value;
});
afterAll(() => t.close());

const q = (params: Record<string, unknown>) =>
  '?' +
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');
const count = async (table: 'clients' | 'fund_accounts' | 'fund_journal' | 'audit_log') =>
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

/** A valid 18-character ID number: area 210502 (本溪平山区), the birth date, a fresh sequence, its check character. */
let seq = 0;
function idNumber(birth = '19850315', area = '210502'): string {
  const first17 = `${area}${birth}${String(++seq % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}
/** A valid ID number whose check character is X. */
function idNumberEndingX(): string {
  for (;;) {
    const id = idNumber('19720808');
    if (id.endsWith('X')) return id;
  }
}
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

let keySeq = 0;
const key = () => `clients-test-${++keySeq}`;

async function open(body: Record<string, unknown> = {}, as = teller) {
  return t.call('POST', '/api/clients', {
    as,
    body: { name: '张三', id_number: idNumber(), phone: '13941400001', ...body },
  });
}
async function opened(body: Record<string, unknown> = {}, as = teller) {
  const r = await open(body, as);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as {
    id: number;
    client_no: string;
    fund_account_id: number;
    version: number;
    status: string;
    [k: string]: unknown;
  };
}
function post(accountId: number, type: string, amount: string, as = teller) {
  return t.call('POST', '/api/fund_journal', {
    as,
    body: { account_id: accountId, type, amount, idempotency_key: key() },
  });
}
async function posted(accountId: number, type: string, amount: string) {
  const r = await post(accountId, type, amount);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as { id: number; balance_after: string };
}
async function setStatus(id: number, status: string, as = teller) {
  const version = (await t.db.selectFrom('clients').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;
  return t.call('POST', `/api/clients/${id}/status`, { as, body: { status, version } });
}
const account = (id: number) =>
  t.db.selectFrom('fund_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('open (开户)', () => {
  it('opens a client: 201, client_no = branch code + 6 digits, a CNY fund account at zero, two audit rows', async () => {
    const id = idNumber('19850315');
    const from = await lastAuditId();
    const before = await count('clients');
    const r = await t.call('POST', '/api/clients', {
      as: teller,
      body: { name: '王小明', id_number: id, phone: '13941400002', address: '本溪市平山区', client_class: 'vip' },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const c = r.json;
    expect(c.client_no).toMatch(new RegExp(`^${branchCode}\\d{6}$`));
    expect(c.client_no).toBe(`${branchCode}${String(before + 1).padStart(6, '0')}`);
    expect(c).toMatchObject({
      name: '王小明',
      id_number: id,
      birth_date: '1985-03-15',
      gender: Number(id[16]) % 2 ? 'M' : 'F',
      client_class: 'vip',
      status: 'normal',
      branch_id: branchId,
      opened_on: businessDate,
      version: 1,
    });
    expect(c.fund_account_id).toBeGreaterThan(0);

    const a = await t.call('GET', `/api/fund_accounts/${c.fund_account_id}`, { as: teller });
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({
      id: c.fund_account_id,
      account_no: `${c.client_no}01`,
      client_id: c.id,
      client_no: c.client_no,
      currency: 'CNY',
      balance: '0.00',
      frozen: '0.00',
      available: '0.00',
      withdrawable: '0.00',
      status: 'active',
      branch_id: branchId,
      opened_on: businessDate,
    });
    const list = await t.call('GET', `/api/fund_accounts${q({ filter: { client_id: c.id } })}`, { as: teller });
    expect(list.json.map((x: any) => x.id)).toEqual([c.fund_account_id]);

    const rows = await auditSince(from);
    expect(rows.map((x) => [x.action, x.resource, x.record_id])).toEqual([
      ['create', 'clients', String(c.id)],
      ['create', 'fund_accounts', String(c.fund_account_id)],
    ]);
    for (const row of rows)
      expect(row).toMatchObject({ operator_id: teller.me.id, username: 'teller', branch_id: branchId });
    expect((rows[0]!.after as any).id_number).toBe(id);

    // the next client gets the next number
    const next = await opened();
    expect(next.client_no).toBe(`${branchCode}${String(before + 2).padStart(6, '0')}`);
  });

  it('stores an ID number ending in a lower-case x in upper case', async () => {
    const id = idNumberEndingX();
    const c = await opened({ id_number: id.toLowerCase() });
    expect(c.id_number).toBe(id);
  });

  it.each([
    ['too short', '21050219850315123', '身份证号码应为 18 位（末位可为 X）'],
    ['letters', '2105021985031A1234', '身份证号码应为 18 位（末位可为 X）'],
    ['leading zero', '010502198503151234', '身份证号码应为 18 位（末位可为 X）'],
    ['X not last', '21050219850315X234', '身份证号码应为 18 位（末位可为 X）'],
    ['empty', '', '身份证号码应为 18 位（末位可为 X）'],
  ])('refuses a malformed ID number (%s) with fields.id_number, writing nothing', async (_, id, message) => {
    const [clients, accounts, audits] = [await count('clients'), await count('fund_accounts'), await lastAuditId()];
    const r = await open({ id_number: id });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.fields.id_number).toBe(message);
    expect([await count('clients'), await count('fund_accounts'), await lastAuditId()]).toEqual([
      clients,
      accounts,
      audits,
    ]);
  });

  it('refuses an ID number longer than 18 characters', async () => {
    const r = await open({ id_number: `${idNumber()}1` });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.id_number).toBeTruthy();
  });

  it.each([
    ['30 February', '19850230'],
    ['month 13', '19851301'],
    ['born after the business date', '20301201'],
    ['born before 1900', '18991231'],
  ])('refuses a bad birth date in the ID number (%s)', async (_, birth) => {
    const before = await count('clients');
    const r = await open({ id_number: idNumber(birth) });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.id_number).toBe('身份证号码中的出生日期无效');
    expect(await count('clients')).toBe(before);
  });

  it('refuses a wrong check digit', async () => {
    const before = await count('clients');
    const r = await open({ id_number: wrongCheck(idNumber()) });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.id_number).toBe('身份证号码校验位不正确');
    expect(await count('clients')).toBe(before);
  });

  it('refuses a second client with the same ID number (also written with a lower-case x)', async () => {
    const id = idNumberEndingX();
    await opened({ id_number: id });
    const [clients, accounts, audits] = [await count('clients'), await count('fund_accounts'), await lastAuditId()];
    for (const again of [id, id.toLowerCase(), ` ${id} `]) {
      const r = await open({ id_number: again, name: '李四' });
      expect(r.status).toBe(400);
      expect(r.json.error.fields.id_number).toBe('该身份证号码已开户');
    }
    expect([await count('clients'), await count('fund_accounts'), await lastAuditId()]).toEqual([
      clients,
      accounts,
      audits,
    ]);
  });

  it('gives all but one of four simultaneous openings with the same ID number a 400, not a 500', async () => {
    const id = idNumber('19800101');
    const rs = await Promise.all([1, 2, 3, 4].map((i) => open({ id_number: id, name: `同号${i}` })));
    expect(rs.map((r) => r.status).sort()).toEqual([201, 400, 400, 400]);
    for (const r of rs.filter((x) => x.status === 400))
      expect(r.json.error.fields.id_number).toBe('该身份证号码已开户');
    expect(await t.db.selectFrom('clients').select('id').where('id_number', '=', id).execute()).toHaveLength(1);
  });

  it('numbers simultaneous openings without a gap or a repeat', async () => {
    const before = await count('clients');
    const rs = await Promise.all(Array.from({ length: 8 }, () => open()));
    expect(rs.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(rs.map((r) => r.json.client_no).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `${branchCode}${String(before + i + 1).padStart(6, '0')}`),
    );
  });

  it("validates the agent's ID number (代理人)", async () => {
    const before = await count('clients');
    for (const [bad, message] of [
      ['12345', '身份证号码应为 18 位（末位可为 X）'],
      [wrongCheck(idNumber('19700101')), '身份证号码校验位不正确'],
      [idNumber('19700231'), '身份证号码中的出生日期无效'],
    ] as const) {
      const r = await open({ agent_name: '赵六', agent_id_number: bad });
      expect(r.status).toBe(400);
      expect(r.json.error.fields.agent_id_number).toBe(message);
    }
    expect(await count('clients')).toBe(before);
    const agent = idNumber('19700101');
    const ok = await opened({ agent_name: '赵六', agent_id_number: agent, agent_phone: '024-42860000' });
    expect(ok).toMatchObject({ agent_name: '赵六', agent_id_number: agent, agent_phone: '024-42860000' });
  });

  it('refuses an unknown client class or client manager; accepts a known one', async () => {
    const before = await count('clients');
    const cls = await open({ client_class: 'gold' });
    expect(cls.status).toBe(400);
    expect(cls.json.error.fields.client_class).toBe('数据字典中没有代码 gold');
    const mgr = await open({ client_manager_id: 987654 });
    expect(mgr.status).toBe(400);
    expect(mgr.json.error.fields.client_manager_id).toBe('引用的记录不存在');
    expect(await count('clients')).toBe(before);
    const km = await t.db
      .selectFrom('client_managers')
      .select('id')
      .where('branch_id', '=', branchId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const ok = await opened({ client_manager_id: km.id, client_class: 'institution' });
    expect(ok).toMatchObject({ client_manager_id: km.id, client_class: 'institution' });
  });

  it('refuses unknown fields and a missing name', async () => {
    const extra = await open({ status: 'closed' });
    expect(extra.status).toBe(400);
    expect(extra.json.error.fields.status).toBeTruthy();
    const noName = await t.call('POST', '/api/clients', { as: teller, body: { id_number: idNumber() } });
    expect(noName.status).toBe(400);
    expect(noName.json.error.fields.name).toBeTruthy();
  });

  it("opens the shareholder accounts asked for in the same transaction, with codes in the exchanges' formats", async () => {
    const from = await lastAuditId();
    const c = await opened({ name: '沪深双开', markets: ['SH-A', 'SZ-A'] });
    const holders = c.shareholder_accounts as { id: number; market: string; code: string; client_id: number }[];
    expect(holders.map((h) => h.market)).toEqual(['SH-A', 'SZ-A']);
    expect(holders[0]!.code).toBe(`A${String(c.id).padStart(9, '0')}`);
    expect(holders[1]!.code).toBe(`0${String(c.id).padStart(9, '0')}`);
    for (const h of holders) expect(h).toMatchObject({ client_id: c.id, status: 'active', opened_on: businessDate });
    const list = await t.call('GET', `/api/shareholder_accounts${q({ filter: { client_id: c.id } })}`, { as: teller });
    expect(list.json.map((h: { code: string }) => h.code).sort()).toEqual(holders.map((h) => h.code).sort());
    const rows = await auditSince(from);
    expect(rows.map((x) => [x.action, x.resource])).toEqual([
      ['create', 'clients'],
      ['create', 'fund_accounts'],
      ['create', 'shareholder_accounts'],
      ['create', 'shareholder_accounts'],
    ]);
    // the order ticket finds the account: the estimate has no problem of a missing one
    const est = await t.call('POST', '/api/orders/estimate', {
      as: teller,
      body: { client_id: c.id, code: '000001', side: 'buy', price: '10.00', quantity: 100 },
    });
    expect(est.json.shareholder_account).toBe(holders[1]!.code);
    expect(est.json.problem).not.toBe('no_shareholder_account');
    // a market asked twice is opened once; none asked, none opened (as before)
    expect((await opened({ markets: ['SH-A', 'SH-A'] })).shareholder_accounts).toHaveLength(1);
    expect((await opened()).shareholder_accounts).toEqual([]);
  });

  it('a code typed in by hand that the console would assign is passed over', async () => {
    const c = await opened({ name: '先开手工' });
    const next = c.id + 1;
    // the next client's console code on SH-A, taken by hand for this one
    const manual = await t.call('POST', '/api/shareholder_accounts', {
      as: teller,
      body: { client_id: c.id, market: 'SH-A', code: `A${String(next).padStart(9, '0')}` },
    });
    expect(manual.status, JSON.stringify(manual.json)).toBe(201);
    const d = await opened({ name: '后开自动', markets: ['SH-A'] });
    expect(d.id).toBe(next);
    const code = (d.shareholder_accounts as { code: string }[])[0]!.code;
    expect(code).toMatch(/^A\d{9}$/);
    expect(code).not.toBe(`A${String(next).padStart(9, '0')}`);
    // without a code, 开股东账户 assigns one too; a second account on the market is refused
    const sz = await t.call('POST', '/api/shareholder_accounts', {
      as: teller,
      body: { client_id: c.id, market: 'SZ-A' },
    });
    expect(sz.status).toBe(201);
    expect(sz.json.code).toBe(`0${String(c.id).padStart(9, '0')}`);
    const again = await t.call('POST', '/api/shareholder_accounts', {
      as: teller,
      body: { client_id: c.id, market: 'SZ-A' },
    });
    expect(again.status).toBe(400);
    expect(again.json.error.fields.market).toBe('客户在该市场已有股东账户');
  });

  it('opening shareholder accounts with the client takes their right too (403 without it, nothing opened)', async () => {
    const role = await t.db
      .insertInto('roles')
      .values({ code: 'opener_only', name: '只开户', all_branches: false, branch_id: branchId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('role_permissions')
      .values([
        { role_id: role.id, resource: 'clients', action: 'create' },
        { role_id: role.id, resource: 'clients', action: 'list' },
      ])
      .execute();
    const hash = (
      await t.db
        .selectFrom('operators')
        .select('password_hash')
        .where('username', '=', 'teller')
        .executeTakeFirstOrThrow()
    ).password_hash;
    const op = await t.db
      .insertInto('operators')
      .values({ username: 'opener', name: '开户员', branch_id: branchId, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('operator_roles').values({ operator_id: op.id, role_id: role.id }).execute();
    const opener = await t.login('opener');
    const before = await count('clients');
    const r = await open({ markets: ['SH-A'] }, opener);
    expect(r.status).toBe(403);
    expect(await count('clients')).toBe(before);
    expect((await open({}, opener)).status).toBe(201);
  });

  it('refuses an unknown or suspended market and opens nothing: no client, no account', async () => {
    const before = await Promise.all([count('clients'), count('fund_accounts')]);
    const holdersBefore = await t.db
      .selectFrom('shareholder_accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await open({ markets: ['SH-A', 'XX-Y'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.markets).toBe('不能在市场 XX-Y 开立股东账户（没有该市场、已停用或无股东代码格式）');
    const en = await t.call('POST', '/api/clients', {
      as: teller,
      headers: { 'accept-language': 'en' },
      body: { name: 'X', id_number: idNumber(), markets: ['XX-Y'] },
    });
    expect(en.json.error.fields.markets).toMatch(/^No shareholder account can be opened on XX-Y/);
    await t.db.updateTable('markets').set({ status: 'suspended' }).where('code', '=', 'SZ-B').execute();
    expect((await open({ markets: ['SZ-B'] })).json.error.fields.markets).toContain('SZ-B');
    await t.db.updateTable('markets').set({ status: 'active' }).where('code', '=', 'SZ-B').execute();
    expect((await open({ markets: 'SH-A' })).status).toBe(400);
    expect(await Promise.all([count('clients'), count('fund_accounts')])).toEqual(before);
    const holdersAfter = await t.db
      .selectFrom('shareholder_accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(holdersAfter.n)).toBe(Number(holdersBefore.n));
  });

  it('is not open to an operator without clients.create (the clerk)', async () => {
    const clerk = await t.login('clerk');
    const before = await count('clients');
    expect((await open({}, clerk)).status).toBe(403);
    expect(await count('clients')).toBe(before);
  });
});

describe('list (柜台查找)', () => {
  it('finds a client by client_no prefix, by ID number (any case) and by name', async () => {
    const a = await opened({ name: '查找甲' });
    const xid = idNumberEndingX();
    const b = await opened({ name: '查找乙', id_number: xid });

    const byNo = await t.call('GET', `/api/clients${q({ filter: { q: a.client_no } })}`, { as: teller });
    expect(byNo.status).toBe(200);
    expect(byNo.json.map((c: any) => c.id)).toEqual([a.id]);
    expect(byNo.headers.get('content-range')).toBe('clients 0-0/1');

    const prefix = a.client_no.slice(0, -1);
    const byPrefix = await t.call('GET', `/api/clients${q({ filter: { q: prefix }, range: [0, 99] })}`, { as: teller });
    expect(byPrefix.json.map((c: any) => c.id)).toContain(a.id);
    expect(byPrefix.json.every((c: any) => c.client_no.startsWith(prefix))).toBe(true);

    const byId = await t.call('GET', `/api/clients${q({ filter: { q: xid.toLowerCase() } })}`, { as: teller });
    expect(byId.json.map((c: any) => c.id)).toEqual([b.id]);

    const byName = await t.call('GET', `/api/clients${q({ filter: { q: '查找' }, sort: ['id', 'ASC'] })}`, {
      as: teller,
    });
    expect(byName.json.map((c: any) => c.id)).toEqual([a.id, b.id]);
    const byFullName = await t.call('GET', `/api/clients${q({ filter: { q: '查找乙' } })}`, { as: teller });
    expect(byFullName.json.map((c: any) => c.id)).toEqual([b.id]);

    const none = await t.call('GET', `/api/clients${q({ filter: { q: '没有这个人' } })}`, { as: teller });
    expect(none.json).toEqual([]);
    expect(none.headers.get('content-range')).toBe('clients 0-0/0');
  });

  it('filters by exact ID number and status', async () => {
    const id = idNumber('19900101');
    const c = await opened({ id_number: id });
    const r = await t.call('GET', `/api/clients${q({ filter: { id_number: id } })}`, { as: teller });
    expect(r.json.map((x: any) => x.id)).toEqual([c.id]);
    const normal = await t.call('GET', `/api/clients${q({ filter: { status: 'normal' }, range: [0, 999] })}`, {
      as: teller,
    });
    expect(normal.json.every((x: any) => x.status === 'normal')).toBe(true);
    expect(normal.json.map((x: any) => x.id)).toContain(c.id);
  });
});

describe('edit', () => {
  it('edits with the current version: 200, version + 1, one audit row with before and after', async () => {
    const c = await opened({ name: '改前' });
    const from = await lastAuditId();
    const r = await t.call('PUT', `/api/clients/${c.id}`, {
      as: teller,
      body: { name: '改后', phone: '024-42861234', address: '本溪市明山区', client_class: 'vip', version: c.version },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({
      id: c.id,
      name: '改后',
      phone: '024-42861234',
      address: '本溪市明山区',
      client_class: 'vip',
      version: c.version + 1,
      id_number: c.id_number,
      client_no: c.client_no,
    });
    const rows = await auditSince(from);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'update',
      resource: 'clients',
      record_id: String(c.id),
      operator_id: teller.me.id,
    });
    expect(rows[0]!.before).toMatchObject({ name: '改前', version: c.version });
    expect(rows[0]!.after).toMatchObject({ name: '改后', version: c.version + 1 });
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const c = await opened({ name: '并发' });
    expect(
      (await t.call('PUT', `/api/clients/${c.id}`, { as: teller, body: { name: '第一次', version: 1 } })).status,
    ).toBe(200);
    const before = await t.db.selectFrom('clients').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    const from = await lastAuditId();
    const r = await t.call('PUT', `/api/clients/${c.id}`, { as: teller, body: { name: '第二次', version: 1 } });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('CONFLICT');
    expect(await t.db.selectFrom('clients').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow()).toEqual(
      before,
    );
    expect(await auditSince(from)).toEqual([]);
    // a stale status change likewise
    const s = await t.call('POST', `/api/clients/${c.id}/status`, {
      as: teller,
      body: { status: 'frozen', version: 1 },
    });
    expect(s.status).toBe(409);
    expect(
      (await t.db.selectFrom('clients').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status,
    ).toBe('normal');
  });

  it('validates the edited fields: client class, client manager, agent ID; the ID number cannot be changed', async () => {
    const c = await opened();
    const cls = await t.call('PUT', `/api/clients/${c.id}`, {
      as: teller,
      body: { client_class: 'gold', version: c.version },
    });
    expect(cls.status).toBe(400);
    expect(cls.json.error.fields.client_class).toBe('数据字典中没有代码 gold');
    const mgr = await t.call('PUT', `/api/clients/${c.id}`, {
      as: teller,
      body: { client_manager_id: 987654, version: c.version },
    });
    expect(mgr.status).toBe(400);
    expect(mgr.json.error.fields.client_manager_id).toBeTruthy();
    const agent = await t.call('PUT', `/api/clients/${c.id}`, {
      as: teller,
      body: { agent_id_number: wrongCheck(idNumber()), version: c.version },
    });
    expect(agent.status).toBe(400);
    expect(agent.json.error.fields.agent_id_number).toBe('身份证号码校验位不正确');
    const idChange = await t.call('PUT', `/api/clients/${c.id}`, {
      as: teller,
      body: { id_number: idNumber(), version: c.version },
    });
    expect(idChange.status).toBe(400);
    expect(
      await t.db
        .selectFrom('clients')
        .select(['version', 'id_number'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ version: c.version, id_number: c.id_number });
  });
});

describe('status (冻结 / 挂失 / 销户)', () => {
  it.each([
    ['frozen', '客户已冻结，不能转出资金'],
    ['lost', '客户已挂失，不能转出资金'],
  ])('%s: money may come in but not go out; back to normal, it may go out again', async (status, message) => {
    const c = await opened();
    await posted(c.fund_account_id, 'deposit', '1000.00');
    const from = await lastAuditId();
    const s = await setStatus(c.id, status);
    expect(s.status, JSON.stringify(s.json)).toBe(200);
    expect(s.json).toMatchObject({ id: c.id, status, version: c.version + 1 });
    const rows = await auditSince(from);
    expect(rows.map((x) => x.action)).toEqual([`status_${status}`]);
    expect(rows[0]).toMatchObject({ before: { status: 'normal' }, after: { status } });

    const journal = await count('fund_journal');
    for (const type of ['withdrawal', 'transfer_out', 'bank_out', 'remit_out']) {
      const r = await post(c.fund_account_id, type, '10.00');
      expect(r.status, `${type}: ${JSON.stringify(r.json)}`).toBe(400);
      expect(r.json.error.fields.account_id).toBe(message);
    }
    expect(await count('fund_journal')).toBe(journal);
    expect((await posted(c.fund_account_id, 'deposit', '20.00')).balance_after).toBe('1020.00');
    expect((await posted(c.fund_account_id, 'transfer_in', '0.50')).balance_after).toBe('1020.50');

    expect((await setStatus(c.id, 'normal')).status).toBe(200);
    expect((await posted(c.fund_account_id, 'withdrawal', '20.50')).balance_after).toBe('1000.00');
  });

  it('refuses to close while cash or frozen cash is not zero; closes at zero, then refuses every posting and every change', async () => {
    const c = await opened();
    const dep = await posted(c.fund_account_id, 'deposit', '100.00');
    await posted(c.fund_account_id, 'freeze', '30.00');
    const from = await lastAuditId();
    const refused = await setStatus(c.id, 'closed');
    expect(refused.status).toBe(400);
    expect(refused.json.error.fields.status).toBe('销户前资金余额和冻结资金必须为零');
    expect(await auditSince(from)).toEqual([]);
    expect(
      await t.db.selectFrom('clients').select(['status', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow(),
    ).toEqual({ status: 'normal', version: c.version });

    await posted(c.fund_account_id, 'withdrawal', '70.00');
    // frozen cash alone still blocks closing
    const stillFrozen = await setStatus(c.id, 'closed');
    expect(stillFrozen.status).toBe(400);
    expect(stillFrozen.json.error.fields.status).toBe('销户前资金余额和冻结资金必须为零');
    await posted(c.fund_account_id, 'unfreeze', '30.00');
    const withdrawal = await posted(c.fund_account_id, 'withdrawal', '30.00');
    expect(withdrawal.balance_after).toBe('0.00');

    const closed = await setStatus(c.id, 'closed');
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    expect(closed.json).toMatchObject({ status: 'closed', closed_on: businessDate });
    expect((await account(c.fund_account_id)).status).toBe('closed');
    expect((await t.call('GET', `/api/fund_accounts/${c.fund_account_id}`, { as: teller })).json.status).toBe('closed');

    const journal = await count('fund_journal');
    for (const [type, amount] of [
      ['deposit', '1.00'],
      ['transfer_in', '1.00'],
      ['bank_in', '1.00'],
      ['withdrawal', '1.00'],
      ['freeze', '0.01'],
      ['unfreeze', '0.01'],
    ] as const) {
      const r = await post(c.fund_account_id, type, amount);
      expect(r.status, `${type}: ${JSON.stringify(r.json)}`).toBe(400);
      expect(r.json.error.fields.account_id).toBe('账户已销户或不可用');
    }
    // a same-day reversal is a posting too: reversing the deposit or the last withdrawal would
    // put money on (or take it off) a closed account
    for (const entry of [dep.id, withdrawal.id]) {
      const r = await t.call('POST', `/api/fund_journal/${entry}/reverse`, {
        as: teller,
        body: { reason: '销户后冲销' },
      });
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      expect(r.json.error.fields.account_id).toBe('账户已销户或不可用');
    }
    expect(await count('fund_journal')).toBe(journal);
    expect(await account(c.fund_account_id)).toMatchObject({ balance: '0.00', frozen: '0.00', status: 'closed' });

    const edit = await t.call('PUT', `/api/clients/${c.id}`, {
      as: teller,
      body: { name: '销户后改名', version: closed.json.version },
    });
    expect(edit.status).toBe(400);
    expect(edit.json.error.fields.status).toBe('客户已销户');
    const reopen = await setStatus(c.id, 'normal');
    expect(reopen.status).toBe(400);
    expect(reopen.json.error.fields.status).toBe('客户已销户');
    // the ID number stays taken
    const again = await open({ id_number: c.id_number as string });
    expect(again.json.error.fields.id_number).toBe('该身份证号码已开户');
  });

  it('a reversal approved after the client closed is refused, and the approval fails', async () => {
    const c = await opened();
    const dep = await posted(c.fund_account_id, 'deposit', '50.00');
    const wd = await posted(c.fund_account_id, 'withdrawal', '50.00');
    const asked = await t.call('POST', `/api/fund_journal/${wd.id}/reverse`, {
      as: teller,
      body: { reason: '取款录错' },
    });
    expect(asked.status).toBe(202);
    expect((await setStatus(c.id, 'closed')).status).toBe(200);
    const clerk = await t.login('clerk');
    const r = await t.call('POST', `/api/approvals/${asked.json.approval_id}/approve`, { as: clerk, body: {} });
    expect(r.status, JSON.stringify(r.json)).toBe(400);
    expect(r.json.error.fields.account_id).toBe('账户已销户或不可用');
    expect(
      (
        await t.db
          .selectFrom('approvals')
          .select('status')
          .where('id', '=', asked.json.approval_id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('failed');
    expect(await account(c.fund_account_id)).toMatchObject({ balance: '0.00', status: 'closed' });
    expect(
      await t.db.selectFrom('fund_journal').select('id').where('reverses_id', 'in', [dep.id, wd.id]).execute(),
    ).toEqual([]);
  });
});

describe('branch scope', () => {
  it("answers 404 to another branch's operator on the client, its accounts and its journal", async () => {
    const c = await opened({ name: '本部客户' });
    const entry = await posted(c.fund_account_id, 'deposit', '500.00');

    // a second branch with a teller of its own
    const other = await t.db
      .insertInto('branches')
      .values({ code: '0418', name: '本溪溪湖营业部', is_head_office: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tellerRole = await t.db
      .selectFrom('roles')
      .select('id')
      .where('code', '=', 'teller')
      .executeTakeFirstOrThrow();
    const hash = (
      await t.db
        .selectFrom('operators')
        .select('password_hash')
        .where('username', '=', 'teller')
        .executeTakeFirstOrThrow()
    ).password_hash;
    const op = await t.db
      .insertInto('operators')
      .values({ username: 'teller0418', name: '溪湖柜员', branch_id: other.id, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('operator_roles').values({ operator_id: op.id, role_id: tellerRole.id }).execute();
    const stranger = await t.login('teller0418');

    const [journal, audits] = [await count('fund_journal'), await count('audit_log')];
    expect((await t.call('GET', `/api/clients/${c.id}`, { as: stranger })).status).toBe(404);
    expect(
      (await t.call('PUT', `/api/clients/${c.id}`, { as: stranger, body: { name: '越权', version: c.version } }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', `/api/clients/${c.id}/status`, {
          as: stranger,
          body: { status: 'frozen', version: c.version },
        })
      ).status,
    ).toBe(404);
    expect((await t.call('GET', `/api/fund_accounts/${c.fund_account_id}`, { as: stranger })).status).toBe(404);
    expect((await t.call('GET', `/api/fund_journal/${entry.id}`, { as: stranger })).status).toBe(404);
    expect((await post(c.fund_account_id, 'withdrawal', '100.00', stranger)).status).toBe(404);
    expect((await post(c.fund_account_id, 'deposit', '100.00', stranger)).status).toBe(404);
    expect(
      (await t.call('POST', `/api/fund_journal/${entry.id}/reverse`, { as: stranger, body: { reason: '越权' } }))
        .status,
    ).toBe(404);
    expect([await count('fund_journal'), await count('audit_log')]).toEqual([journal, audits]);

    const clients = await t.call('GET', `/api/clients${q({ filter: { q: c.client_no }, range: [0, 99] })}`, {
      as: stranger,
    });
    expect(clients.json).toEqual([]);
    const accounts = await t.call('GET', `/api/fund_accounts${q({ filter: { client_id: c.id } })}`, { as: stranger });
    expect(accounts.status).toBe(200);
    expect(accounts.json).toEqual([]);
    const entries = await t.call('GET', `/api/fund_journal${q({ filter: { account_id: c.fund_account_id } })}`, {
      as: stranger,
    });
    expect(entries.json).toEqual([]);
    expect(entries.headers.get('content-range')).toBe('fund_journal 0-0/0');

    // the other branch numbers its own clients with its own code; the home teller cannot see them
    const theirs = await opened({ name: '溪湖客户' }, stranger);
    expect(theirs.client_no).toBe('0418000001');
    expect(theirs.branch_id).toBe(other.id);
    expect((await t.call('GET', `/api/clients/${theirs.id}`, { as: teller })).status).toBe(404);
    expect((await t.call('GET', `/api/fund_accounts/${theirs.fund_account_id}`, { as: teller })).status).toBe(404);
    // head office sees both
    const hq = await t.login('hq');
    expect((await t.call('GET', `/api/clients/${c.id}`, { as: hq })).status).toBe(200);
    expect((await t.call('GET', `/api/clients/${theirs.id}`, { as: hq })).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_PASSWORD, type Session, type TestApp } from '../../test/harness.js';
import { hashPassword } from '../modules/auth/password.js';
import { download, xlsxSheets } from '../../../reports/test/files.js';

/**
 * Head office's branch filter on the lists of business data: `filter={"branch_id":…}` selects one
 * branch's rows (validated: a positive id); for a branch operator it narrows their own rows like
 * any other filter, so another branch's id gives an empty list — never that branch's rows, nor a
 * word about them (a 403 would tell the id exists).
 */
const LISTS = [
  'clients',
  'fund_accounts',
  'fund_journal',
  'bank_transfers',
  'orders',
  'trades',
  'positions',
  'shareholder_accounts',
] as const;

let t: TestApp;
let hq: Session;
let teller: Session;
let home: number;
let other: number;
const q = (filter: unknown) =>
  `?range=${encodeURIComponent('[0,999]')}&filter=${encodeURIComponent(JSON.stringify(filter))}`;

beforeAll(async () => {
  t = await testApp({ history: true });
  hq = await t.login('hq');
  teller = await t.login('teller');
  home = teller.me.branch.id;
  other = (
    await t.db
      .insertInto('branches')
      .values({ code: '0888', name: '测试第二营业部' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const now = new Date();
  await t.db
    .insertInto('seats')
    .values({
      market: 'SH-A',
      seat_no: '088801',
      name: '二部上海席位',
      type: 'ordinary',
      branch_id: other,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const hash = await hashPassword(TEST_PASSWORD);
  const op = async (username: string, role: string) => {
    const { id } = await t.db
      .insertInto('operators')
      .values({ username, name: username, branch_id: other, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await t.db.selectFrom('roles').select('id').where('code', '=', role).executeTakeFirstOrThrow();
    await t.db.insertInto('operator_roles').values({ operator_id: id, role_id: r.id }).execute();
    return t.login(username);
  };
  const otherTeller = await op('teller_0888', 'teller');
  const otherClerk = await op('clerk_0888', 'clerk');
  // the second branch's day: a client with cash, a bank transfer, shares and an order that fills
  const client = await t.call('POST', '/api/clients', {
    as: otherTeller,
    body: { name: '二部客户', id_number: '11010519491231002X' },
  });
  expect(client.status, JSON.stringify(client.json)).toBe(201);
  const account = client.json.fund_account_id as number;
  for (const [type, key] of [
    ['deposit', 'bf-deposit'],
    ['bank_in', 'bf-bank-in'],
  ] as const) {
    const r = await t.call('POST', '/api/fund_journal', {
      as: otherTeller,
      body: {
        account_id: account,
        type,
        amount: '200000.00',
        bank_code: type === 'bank_in' ? 'ICBC' : undefined,
        idempotency_key: key,
      },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
  let holder = (
    await t.call('GET', `/api/shareholder_accounts${q({ client_id: client.json.id, market: 'SH-A' })}`, {
      as: otherTeller,
    })
  ).json[0];
  if (!holder) {
    const h = await t.call('POST', '/api/shareholder_accounts', {
      as: otherTeller,
      body: { client_id: client.json.id, market: 'SH-A', code: 'A088800001' },
    });
    expect(h.status, JSON.stringify(h.json)).toBe(201);
    holder = h.json;
  }
  const moved = await t.call('POST', '/api/positions/transfer', {
    as: otherTeller,
    body: {
      shareholder_account_id: holder.id,
      code: '600000',
      type: 'transfer_in',
      quantity: 1000,
      idempotency_key: 'bf-transfer',
    },
  });
  expect(moved.status, JSON.stringify(moved.json)).toBe(201);
  const prev = (
    await t.db.selectFrom('securities').select('prev_close').where('code', '=', '600000').executeTakeFirstOrThrow()
  ).prev_close;
  const order = await t.call('POST', '/api/orders', {
    as: otherTeller,
    body: {
      client_id: client.json.id,
      code: '600000',
      side: 'sell',
      price: prev,
      quantity: 500,
      idempotency_key: 'bf-order',
    },
  });
  expect(order.status, JSON.stringify(order.json)).toBe(201);
  for (let seed = 1; seed < 30; seed++) {
    await t.call('POST', '/api/trades/simulate', { as: otherClerk, body: { seed } });
    if ((await t.call('GET', `/api/trades${q({ client_id: client.json.id })}`, { as: hq })).json.length) break;
  }
}, 120_000);
afterAll(() => t.close());

describe("head office's branch filter on the business lists", () => {
  it.each(LISTS)('%s: one branch or the other, each row with its branch', async (list) => {
    const total = (r: { headers: Headers }) => Number(r.headers.get('content-range')!.split('/')[1]);
    const all = await t.call('GET', `/api/${list}${q({})}`, { as: hq });
    expect(all.status).toBe(200);
    let sum = 0;
    for (const b of [home, other]) {
      const r = await t.call('GET', `/api/${list}${q({ branch_id: b })}`, { as: hq });
      expect(r.status, `${list} ${JSON.stringify(r.json)}`).toBe(200);
      expect(r.json.length, `${list} of branch ${b}`).toBeGreaterThan(0);
      expect(
        r.json.every((x: { branch_id: number }) => x.branch_id === b),
        list,
      ).toBe(true);
      sum += total(r);
    }
    // the two branches' rows are all the rows (head office's own branch holds no business)
    expect(sum).toBe(total(all));
  });

  it.each(LISTS)("%s: a branch operator's filter on another branch selects nothing", async (list) => {
    const own = await t.call('GET', `/api/${list}${q({ branch_id: home })}`, { as: teller });
    const theirs = await t.call('GET', `/api/${list}${q({ branch_id: other })}`, { as: teller });
    if (own.status === 403) return expect(theirs.status).toBe(403); // the teller cannot list it at all
    expect(own.status).toBe(200);
    expect(own.json.length).toBeGreaterThan(0);
    expect(theirs.status).toBe(200);
    expect(theirs.json).toEqual([]);
    expect(theirs.headers.get('content-range')).toMatch(/\/0$/);
  });

  it.each([['x'], [0], [-3], [1.5]])('refuses branch_id %j with the field and the reason', async (value) => {
    for (const list of LISTS) {
      const r = await t.call('GET', `/api/${list}${q({ branch_id: value })}`, { as: hq });
      expect(r.status, list).toBe(400);
      expect(Object.keys(r.json.error.fields ?? {}).join(), list).toContain('branch_id');
    }
  });

  it('an unknown branch gives an empty list', async () => {
    const r = await t.call('GET', `/api/clients${q({ branch_id: 987654 })}`, { as: hq });
    expect(r.status).toBe(200);
    expect(r.json).toEqual([]);
  });

  it('the export names the branch filtered on, and holds only its rows', async () => {
    const res = await download(t, hq, `/api/clients/export${q({ branch_id: other })}`);
    expect(res.status).toBe(200);
    const [sheet] = await xlsxSheets(res.bytes);
    const titleAt = sheet!.rows.findIndex((r) => r[0] === '序号');
    expect(sheet!.rows.slice(0, titleAt).flat().join(' ')).toContain('营业部：测试第二营业部');
    const rows = sheet!.rows.slice(titleAt + 1).filter((r) => typeof r[0] === 'number');
    expect(rows).toHaveLength(1);
    expect(rows.every((r) => r[1] === '测试第二营业部')).toBe(true);
    expect(rows.map((r) => r[3])).toContain('二部客户');
  });
});

import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { checkChar } from '../clients/id-number.calc.js';

/**
 * Concurrent postings on one account (DOMAIN.md §3.3): the account row lock must make racing
 * withdrawals, freezes and replays of one idempotency key add up exactly — never a negative
 * balance, never a double posting.
 *
 * The concurrent block runs only on PostgreSQL (DATABASE_URL set). PGlite is a single
 * connection: server/src/db/pglite-pool.ts hands it to one transaction at a time and queues the
 * rest, so on PGlite "concurrent" requests run one after another and there is no concurrency
 * to test. The sequential block below asserts the same invariants on either engine, so this
 * file never passes with zero tests.
 */
let t: TestApp;
let teller: Session;

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
});
afterAll(() => t.close());

let seq = 0;
async function newAccount() {
  const first17 = `210504${1970 + (++seq % 30)}0909${String(seq).padStart(3, '0')}`;
  const r = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '并发客户', id_number: first17 + checkChar(first17) },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.fund_account_id as number;
}

/** One POST /api/fund_journal straight through app.request. */
async function request(body: Record<string, unknown>) {
  const res = await t.app.request('/api/fund_journal', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: teller.cookie, 'x-csrf-token': teller.csrf },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

type Fire = (bodies: Record<string, unknown>[]) => Promise<{ status: number; json: any }[]>;
const concurrently: Fire = (bodies) => Promise.all(bodies.map(request));
const oneByOne: Fire = async (bodies) => {
  const out = [];
  for (const b of bodies) out.push(await request(b));
  return out;
};

let keySeq = 0;
const key = () => `conc-${process.pid}-${++keySeq}`;

async function account(id: number) {
  return t.db.selectFrom('fund_accounts').select(['balance', 'frozen']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The journal adds up to the account, and no running balance or frozen amount was ever out of bounds. */
async function expectJournalConsistent(accountId: number) {
  const rows = await t.db
    .selectFrom('fund_journal')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
  let balance = new Decimal(0);
  let frozen = new Decimal(0);
  for (const e of rows) {
    balance = balance.plus(e.amount);
    frozen = frozen.plus(e.frozen_delta);
    expect(e.balance_after, `entry ${e.id}`).toBe(balance.toFixed(2));
    expect(e.frozen_after, `entry ${e.id}`).toBe(frozen.toFixed(2));
    expect(balance.isNegative(), `entry ${e.id}: balance ${balance}`).toBe(false);
    expect(frozen.isNegative() || frozen.gt(balance), `entry ${e.id}: frozen ${frozen} of ${balance}`).toBe(false);
  }
  expect(await account(accountId)).toEqual({ balance: balance.toFixed(2), frozen: frozen.toFixed(2) });
  return rows;
}

/** The scenario, with the requests of each step fired by `fire`. */
async function scenario(fire: Fire) {
  const id = await newAccount();
  const dep = await request({ account_id: id, type: 'deposit', amount: '1000.00', idempotency_key: key() });
  expect(dep.status).toBe(201);

  // 50 withdrawals of 30.00 against 1,000.00: 33 fit (990.00), 17 find too little left
  const withdrawals = await fire(
    Array.from({ length: 50 }, () => ({ account_id: id, type: 'withdrawal', amount: '30.00', idempotency_key: key() })),
  );
  const ok = withdrawals.filter((r) => r.status === 201);
  const refused = withdrawals.filter((r) => r.status === 400);
  expect(withdrawals.filter((r) => r.status !== 201 && r.status !== 400).map((r) => JSON.stringify(r.json))).toEqual(
    [],
  );
  expect(ok).toHaveLength(33);
  expect(refused).toHaveLength(17);
  for (const r of refused) expect(r.json.error.fields.amount).toBe('可取资金不足');
  expect(new Set(ok.map((r) => r.json.id)).size).toBe(33);
  expect(ok.map((r) => r.json.balance_after).sort()).toEqual(
    Array.from({ length: 33 }, (_, i) => new Decimal(970).minus(30 * i).toFixed(2)).sort(),
  );
  expect(await account(id)).toEqual({ balance: '10.00', frozen: '0.00' });
  expect(await expectJournalConsistent(id)).toHaveLength(34);

  // 20 freezes of 5.00 against 10.00 available: exactly 2
  const freezes = await fire(
    Array.from({ length: 20 }, () => ({ account_id: id, type: 'freeze', amount: '5.00', idempotency_key: key() })),
  );
  expect(freezes.filter((r) => r.status === 201)).toHaveLength(2);
  expect(freezes.filter((r) => r.status === 400)).toHaveLength(18);
  for (const r of freezes.filter((x) => x.status === 400)) expect(r.json.error.fields.amount).toBe('可用资金不足');
  expect(await account(id)).toEqual({ balance: '10.00', frozen: '10.00' });
  expect(await expectJournalConsistent(id)).toHaveLength(36);

  // 20 copies of one request under one idempotency key: one entry, the same answer 20 times
  const same = { account_id: id, type: 'deposit', amount: '2.50', reference: '重复提交', idempotency_key: key() };
  const replays = await fire(Array.from({ length: 20 }, () => ({ ...same })));
  expect(replays.map((r) => r.status)).toEqual(Array(20).fill(201));
  expect(new Set(replays.map((r) => r.json.id)).size).toBe(1);
  for (const r of replays) expect(r.json).toEqual(replays[0]!.json);
  expect(await account(id)).toEqual({ balance: '12.50', frozen: '10.00' });
  const rows = await expectJournalConsistent(id);
  expect(rows).toHaveLength(37);
  expect(rows.filter((e) => e.reference === '重复提交').map((e) => e.id)).toEqual([replays[0]!.json.id]);
  expect(
    await t.db.selectFrom('idempotency_keys').select('key').where('key', 'like', `%:${same.idempotency_key}`).execute(),
  ).toHaveLength(1);
}

describe.runIf(!!process.env.DATABASE_URL)('concurrent requests on PostgreSQL', () => {
  it('50 racing withdrawals, 20 racing freezes and 20 racing replays of one key add up exactly', async () => {
    await scenario(concurrently);
  });

  it('racing postings on many accounts at once keep every account equal to its journal', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => newAccount()));
    await concurrently(
      ids.map((id) => ({ account_id: id, type: 'deposit', amount: '100.00', idempotency_key: key() })),
    );
    const bodies = ids.flatMap((id) =>
      Array.from({ length: 12 }, (_, i) => ({
        account_id: id,
        type: ['withdrawal', 'freeze', 'deposit', 'unfreeze'][i % 4]!,
        amount: '9.99',
        idempotency_key: key(),
      })),
    );
    const rs = await concurrently(bodies);
    expect(rs.filter((r) => r.status !== 201 && r.status !== 400).map((r) => JSON.stringify(r.json))).toEqual([]);
    for (const id of ids) await expectJournalConsistent(id);
  });

  it('the same reversal approved twice at once posts one reversal', async () => {
    const id = await newAccount();
    const dep = await request({ account_id: id, type: 'deposit', amount: '40.00', idempotency_key: key() });
    const asked = await t.call('POST', `/api/fund_journal/${dep.json.id}/reverse`, {
      as: teller,
      body: { reason: '重复复核' },
    });
    expect(asked.status).toBe(202);
    const clerk = await t.login('clerk');
    const rs = await Promise.all(
      [1, 2, 3].map(() => t.call('POST', `/api/approvals/${asked.json.approval_id}/approve`, { as: clerk, body: {} })),
    );
    expect(rs.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(
      await t.db.selectFrom('fund_journal').select('id').where('reverses_id', '=', dep.json.id).execute(),
    ).toHaveLength(1);
    expect(await account(id)).toEqual({ balance: '0.00', frozen: '0.00' });
  });
});

describe('the same invariants, one request at a time (every engine)', () => {
  it('50 withdrawals, 20 freezes and 20 replays of one key add up exactly', async () => {
    await scenario(oneByOne);
  });
});

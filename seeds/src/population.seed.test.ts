import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../server/test/harness.js';
import type { Connection, Db } from '../../server/src/db/connect.js';
import { invariantViolations } from '../../server/src/modules/day-end/invariants.queries.js';
import { runDayEnd } from '../../server/src/modules/day-end/day-end.service.js';
import { parseIdNumber } from '../../server/src/modules/clients/id-number.calc.js';
import { DEMO_BUSINESS_DATE } from './demo-branch.js';
import { closeDailyClients, openDailyClients, seedPopulation } from './population.seed.js';
import { CLIENT_FUNDS_PER_SCALE, CLIENTS_PER_SCALE } from './population/profile.js';

const AS_OF = DEMO_BUSINESS_DATE; // 2026-11-23, a Monday: the opening balances are Friday's
const JOURNAL_DATE = '2026-11-20';

const opened: Connection[] = [];
afterAll(async () => {
  for (const c of opened) await c.close();
});

async function fresh() {
  const conn = await openTestDb();
  opened.push(conn);
  return conn.db;
}

const rows = async <T>(db: Db, q: ReturnType<typeof sql>) => (await q.execute(db)).rows as T[];

/** What the same seed must reproduce: clients, their cash journal and holdings, timestamps aside. */
async function contentHash(db: Db) {
  const [r] = await rows<{ clients: string; journal: string; holdings: string }>(
    db,
    sql`
    SELECT
      (SELECT md5(string_agg(concat_ws('|', client_no, name, id_number, gender, birth_date, phone, address, client_class, client_manager_id, allow_counter, allow_phone, allow_online, status, opened_on, closed_on), ',' ORDER BY id)) FROM clients) AS clients,
      (SELECT md5(string_agg(concat_ws('|', id, business_date, account_id, type, amount, balance_after, bank_code, reference), ',' ORDER BY id)) FROM fund_journal_all) AS journal,
      (SELECT md5(string_agg(concat_ws('|', client_id, shareholder_account_id, security_id, quantity, cost), ',' ORDER BY id)) FROM positions) AS holdings`,
  );
  return r!;
}

/** Each open client's assets: cash (CNY) + holdings at the previous close, as the tiers of DOMAIN.md §6 count them. */
async function assets(db: Db) {
  return rows<{ id: number; cash: string; held: string }>(
    db,
    sql`
    SELECT c.id, coalesce(f.cash, 0) AS cash, coalesce(h.held, 0) AS held FROM clients c
    LEFT JOIN (SELECT client_id, sum(balance) AS cash FROM fund_accounts WHERE currency = 'CNY' GROUP BY client_id) f ON f.client_id = c.id
    LEFT JOIN (SELECT p.client_id, sum(p.quantity * s.prev_close) AS held FROM positions p JOIN securities s ON s.id = p.security_id GROUP BY p.client_id) h ON h.client_id = c.id
    WHERE c.status <> 'closed'`,
  );
}

describe('the branch population', () => {
  const scale = 0.05;
  let db: Db;
  let summary: Awaited<ReturnType<typeof seedPopulation>>;

  beforeAll(async () => {
    db = await fresh();
    summary = await seedPopulation(db, { seed: 3, scale, asOf: AS_OF });
  });

  it('has 14,300 × scale clients holding 320 million × scale CNY, with accounts and holdings', async () => {
    const n = Math.round(CLIENTS_PER_SCALE * scale);
    expect(summary).toMatchObject({ clients: n });
    expect(summary.fundAccounts).toBeGreaterThanOrEqual(n);
    expect(summary.shareholderAccounts).toBeGreaterThan(n * 1.8);
    expect(summary.positions).toBeGreaterThan(n * 0.5);
    const [c] = await rows<{ clients: number; accounts: number; holders: number; positions: number; cash: string }>(
      db,
      sql`
      SELECT (SELECT count(*)::int FROM clients) AS clients, (SELECT count(*)::int FROM fund_accounts) AS accounts,
        (SELECT count(*)::int FROM shareholder_accounts) AS holders, (SELECT count(*)::int FROM positions) AS positions,
        (SELECT sum(balance) FROM fund_accounts WHERE currency = 'CNY') AS cash`,
    );
    expect(c).toMatchObject({
      clients: n,
      accounts: summary.fundAccounts,
      holders: summary.shareholderAccounts,
      positions: summary.positions,
    });
    // scaled to the target, off only by each account's rounding to the cent
    expect(
      new Decimal(c!.cash)
        .minus(CLIENT_FUNDS_PER_SCALE * scale)
        .abs()
        .toNumber(),
    ).toBeLessThan(n * 0.005);
    expect(c!.cash).toBe(summary.clientFunds);
  });

  it('gives every client a valid, unique ID number that agrees with gender and birth date', async () => {
    const clients = await rows<{
      id_number: string;
      gender: string;
      birth_date: string;
      opened_on: string;
      client_no: string;
      phone: string;
      address: string;
      name: string;
    }>(db, sql`SELECT * FROM clients ORDER BY id`);
    expect(new Set(clients.map((c) => c.id_number)).size).toBe(clients.length);
    for (const c of clients) {
      const id = parseIdNumber(c.id_number, AS_OF);
      expect(id, c.id_number).toEqual({ birth_date: c.birth_date, gender: c.gender, normalized: c.id_number });
      // adults when they opened, before the population's date
      expect(c.opened_on < AS_OF).toBe(true);
      expect(
        `${Number(c.birth_date.slice(0, 4)) + 18}${c.birth_date.slice(4)}` <= c.opened_on,
        `${c.birth_date} ${c.opened_on}`,
      ).toBe(true);
      expect(c.client_no).toMatch(/^0417\d{6}$/);
      expect(c.phone).toMatch(/^(1\d{10}|024-4\d{7})$/);
      expect(c.address).toMatch(/^辽宁省本溪市/);
      expect(c.name).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
    // numbered in the order they opened, as the counter numbers them
    const sorted = [...clients].sort((a, b) => (a.opened_on < b.opened_on ? -1 : a.opened_on > b.opened_on ? 1 : 0));
    expect(sorted.map((c) => c.client_no)).toEqual(clients.map((c) => c.client_no));
  });

  it('keeps every ledger invariant: the journals explain every balance and holding', async () => {
    expect(await invariantViolations(db)).toEqual([]);
    expect(await invariantViolations(db, 'full')).toEqual([]);
  });

  it("dates the opening cash on the trading day before, by the teller, in the closed days' journal", async () => {
    const entries = await rows<{
      business_date: string;
      type: string;
      bank_code: string | null;
      username: string;
      operator_branch: number;
      branch_id: number;
      amount: string;
      account_no: string;
      currency: string;
    }>(
      db,
      sql`
      SELECT j.business_date, j.type, j.bank_code, o.username, o.branch_id AS operator_branch, j.branch_id, j.amount, a.account_no, a.currency
      FROM fund_journal_history j JOIN operators o ON o.id = j.operator_id JOIN fund_accounts a ON a.id = j.account_id`,
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(await rows(db, sql`SELECT id FROM fund_journal`)).toEqual([]);
    const banks = new Set((await rows<{ code: string }>(db, sql`SELECT code FROM banks`)).map((b) => b.code));
    for (const e of entries) {
      expect(e).toMatchObject({ business_date: JOURNAL_DATE, username: 'teller', branch_id: e.operator_branch });
      expect(e.type).toBe(e.currency === 'CNY' ? (e.bank_code ? 'bank_in' : 'deposit') : 'remit_in');
      if (e.bank_code) expect(banks.has(e.bank_code)).toBe(true);
      // no entry above the single-deposit limit
      expect(new Decimal(e.amount).gt(0) && new Decimal(e.amount).lte(5_000_000)).toBe(true);
      expect(e.account_no).toMatch(
        new RegExp(`^0417\\d{6}0${e.currency === 'CNY' ? 1 : e.currency === 'USD' ? 2 : 3}$`),
      );
    }
    expect(entries.some((e) => e.type === 'bank_in') && entries.some((e) => e.type === 'deposit')).toBe(true);
    // yesterday's closing is today's opening; interest accrues from the open day on
    expect(
      await rows(
        db,
        sql`SELECT id FROM fund_accounts WHERE opening_balance <> balance OR interest_accrued_to IS DISTINCT FROM ${JOURNAL_DATE}::date`,
      ),
    ).toEqual([]);
  });

  it('holds real A shares and ETFs, transferred in at the previous close, in the right shareholder account', async () => {
    const held = await rows<{
      market: string;
      holder_market: string;
      code: string;
      type: string;
      st: boolean;
      quantity: number;
      cost: string;
      prev_close: string;
      journal: number;
      journal_date: string;
    }>(
      db,
      sql`
      SELECT s.market, h.market AS holder_market, h.code, s.type, s.st, p.quantity, p.cost, s.prev_close,
        (SELECT count(*)::int FROM position_journal_history j WHERE j.position_id = p.id AND j.type = 'transfer_in' AND j.quantity_after = p.quantity) AS journal,
        (SELECT min(business_date)::text FROM position_journal_history j WHERE j.position_id = p.id) AS journal_date
      FROM positions p JOIN securities s ON s.id = p.security_id JOIN shareholder_accounts h ON h.id = p.shareholder_account_id`,
    );
    for (const p of held) {
      expect(['SH-A', 'SZ-A']).toContain(p.market);
      expect(p.holder_market).toBe(p.market);
      expect(p.code).toMatch(p.market === 'SH-A' ? /^A\d{9}$/ : /^0\d{9}$/);
      expect(['stock', 'etf']).toContain(p.type);
      expect(p.st).toBe(false);
      expect(p.quantity % 100).toBe(0);
      expect(p.cost).toBe(new Decimal(p.prev_close).times(p.quantity).toFixed(2));
      expect(p).toMatchObject({ journal: 1, journal_date: JOURNAL_DATE });
    }
  });

  it('spreads clients over the asset tiers as a real branch: mostly 散户, some 中户, a few percent 大户', async () => {
    const all = await assets(db);
    const total = (c: { cash: string; held: string }) => new Decimal(c.cash).plus(c.held).toNumber();
    const share = (f: (a: number) => boolean) => all.filter((c) => f(total(c))).length / all.length;
    expect(share((a) => a < 300_000)).toBeGreaterThan(0.85);
    expect(share((a) => a >= 300_000 && a < 800_000)).toBeGreaterThan(0.02);
    expect(share((a) => a >= 300_000 && a < 800_000)).toBeLessThan(0.1);
    expect(share((a) => a >= 800_000)).toBeGreaterThan(0.01);
    expect(share((a) => a >= 800_000)).toBeLessThan(0.05);
    // most accounts are dormant remnants: a few thousand yuan at most
    expect(share((a) => a < 5_000)).toBeGreaterThan(0.35);
    // holdings come on top of the cash
    const held = all.reduce((s, c) => s + Number(c.held), 0);
    expect(held).toBeGreaterThan(CLIENT_FUNDS_PER_SCALE * scale);
  });

  it('has a few closed, frozen and lost accounts, VIPs among the wealthy, and client managers carrying many clients', async () => {
    const [s] = await rows<{
      closed: number;
      closed_ok: number;
      frozen: number;
      vip: number;
      managed: number;
      top: number;
    }>(
      db,
      sql`
      SELECT count(*) FILTER (WHERE status = 'closed')::int AS closed,
        count(*) FILTER (WHERE status = 'closed' AND closed_on >= opened_on AND NOT EXISTS (SELECT 1 FROM fund_accounts a WHERE a.client_id = c.id AND (a.status <> 'closed' OR a.balance <> 0)))::int AS closed_ok,
        count(*) FILTER (WHERE status IN ('frozen', 'lost'))::int AS frozen,
        count(*) FILTER (WHERE client_class = 'vip')::int AS vip,
        count(client_manager_id)::int AS managed,
        (SELECT max(n) FROM (SELECT count(*)::int AS n FROM clients GROUP BY client_manager_id HAVING client_manager_id IS NOT NULL) m) AS top
      FROM clients c`,
    );
    expect(s!.closed).toBeGreaterThan(0);
    expect(s!.closed_ok).toBe(s!.closed);
    expect(s!.vip).toBeGreaterThan(0);
    expect(s!.managed).toBeGreaterThan(0);
    // twelve managers: the busiest carries far more than an even share
    expect(s!.top).toBeGreaterThan((s!.managed / 12) * 2);
  });

  it('writes one audit row per client and one per batch of accounts, postings and transfers', async () => {
    const audit = await rows<{ action: string; resource: string; n: number }>(
      db,
      sql`SELECT action, resource, count(*)::int AS n FROM audit_log WHERE request_id = 'seed-population-3' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(audit).toEqual([
      { action: 'create', resource: 'clients', n: summary.clients },
      { action: 'import', resource: 'fund_accounts', n: 1 },
      { action: 'import', resource: 'fund_journal', n: 1 },
      { action: 'import', resource: 'positions', n: 1 },
      { action: 'import', resource: 'shareholder_accounts', n: 1 },
    ]);
  });

  it('opens and closes clients day by day, keeping the invariants through a real day-end', async () => {
    const before = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM clients WHERE status <> 'closed'`);
    const opening = await openDailyClients(db, { seed: 3, date: AS_OF, count: 6 });
    expect(opening.clients).toBe(6);
    // a second batch the same day continues the first (no twin clients)
    await openDailyClients(db, { seed: 3, date: AS_OF, count: 2 });
    const news = await rows<{
      id: number;
      id_number: string;
      name: string;
      birth_date: string;
      balance: string;
      entries: number;
    }>(
      db,
      sql`
      SELECT c.id, c.id_number, c.name, c.birth_date, a.balance, (SELECT count(*)::int FROM fund_journal j WHERE j.account_id = a.id AND j.business_date = ${AS_OF}::date) AS entries
      FROM clients c JOIN fund_accounts a ON a.client_id = c.id AND a.currency = 'CNY' WHERE c.opened_on = ${AS_OF}::date`,
    );
    expect(news).toHaveLength(8);
    expect(new Set(news.map((c) => `${c.name} ${c.birth_date}`)).size).toBe(8);
    for (const c of news) {
      expect(parseIdNumber(c.id_number, AS_OF)).not.toHaveProperty('problem');
      expect(new Decimal(c.balance).gte(1000) && new Decimal(c.balance).lte(50_000)).toBe(true);
      expect(c.entries).toBe(1);
    }
    const closing = await closeDailyClients(db, { seed: 3, date: AS_OF, count: 4 });
    expect(closing.closed).toBe(4);
    const closed = await rows<{ id: number; balance: string; status: string; holders: string[] }>(
      db,
      sql`
      SELECT c.id, (SELECT sum(balance) FROM fund_accounts a WHERE a.client_id = c.id) AS balance,
        (SELECT array_agg(DISTINCT status) FROM fund_accounts a WHERE a.client_id = c.id) AS status,
        (SELECT array_agg(DISTINCT status) FROM shareholder_accounts h WHERE h.client_id = c.id) AS holders
      FROM clients c WHERE c.closed_on = ${AS_OF}::date AND c.status = 'closed'`,
    );
    expect(closed).toHaveLength(4);
    for (const c of closed) expect(c).toMatchObject({ balance: '0.00', status: ['closed'], holders: ['closed'] });
    const paid = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM fund_journal WHERE type = 'withdrawal' AND business_date = ${AS_OF}::date`,
    );
    expect(paid[0]!.n).toBe(closing.withdrawals);
    const after = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM clients WHERE status <> 'closed'`);
    expect(after[0]!.n).toBe(before[0]!.n + 8 - 4);
    expect(await invariantViolations(db)).toEqual([]);
    expect(await invariantViolations(db, 'full')).toEqual([]);

    const clerk = await db
      .selectFrom('operators')
      .select(['id', 'branch_id'])
      .where('username', '=', 'clerk')
      .executeTakeFirstOrThrow();
    await runDayEnd(
      db,
      {
        operator_id: clerk.id,
        username: 'clerk',
        branch_id: clerk.branch_id,
        ip: '',
        request_id: 'test',
        at: new Date(),
      },
      AS_OF,
      // the day's openings came with first deposits by bank transfer, never reconciled here
      { acknowledged: 'all' },
    );
    const summary = await rows<{ new_clients: number; closed_clients: number; deposits: string }>(
      db,
      sql`SELECT new_clients::int, closed_clients::int, deposits FROM daily_summaries WHERE business_date = ${AS_OF}::date AND branch_id = (SELECT branch_id FROM operators WHERE username = 'teller')`,
    );
    // the day counts its own openings and first deposits, not the population brought in
    expect(summary[0]).toMatchObject({ new_clients: 8, closed_clients: 4 });
    expect(new Decimal(summary[0]!.deposits).lt(8 * 50_000)).toBe(true);
    expect(await invariantViolations(db, 'full')).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same rows for the same seed and different ones for another', async () => {
    const build = async (seed: number) => {
      const db = await fresh();
      await seedPopulation(db, { seed, scale: 0.02, asOf: AS_OF });
      return contentHash(db);
    };
    const a = await build(11);
    const b = await build(11);
    const c = await build(12);
    expect(b).toEqual(a);
    expect(c.clients).not.toBe(a.clients);
    expect(c.journal).not.toBe(a.journal);
    expect(c.holdings).not.toBe(a.holdings);
  });

  it('never repeats an ID number already in the database: a taken area and birthday gets a free sequence', async () => {
    const first = await fresh();
    await openDailyClients(first, { seed: 5, date: AS_OF, count: 12 });
    const drawn = await rows<{ id_number: string; gender: string; birth_date: string }>(
      first,
      sql`SELECT id_number, gender, birth_date FROM clients ORDER BY id`,
    );
    // the same draws (the branch's numbering is where it was) on a database where someone —
    // here a client of the head office — already holds each of those numbers
    const second = await fresh();
    const other = await second
      .selectFrom('branches')
      .select('id')
      .where('is_head_office', '=', true)
      .executeTakeFirstOrThrow();
    await second
      .insertInto('clients')
      .values(
        drawn.map((c, i) => ({
          client_no: `0000${String(900000 + i)}`,
          name: '先到客户',
          id_number: c.id_number,
          gender: c.gender,
          birth_date: c.birth_date,
          branch_id: other.id,
          opened_on: '2020-01-06',
        })),
      )
      .execute();
    await openDailyClients(second, { seed: 5, date: AS_OF, count: 12 });
    const again = await rows<{ id_number: string; gender: string; birth_date: string }>(
      second,
      sql`SELECT id_number, gender, birth_date FROM clients WHERE opened_on = ${AS_OF}::date ORDER BY id`,
    );
    expect(again).toHaveLength(12);
    for (const [i, c] of again.entries()) {
      // same person (area, birthday, sex), another sequence number, still a valid number
      expect(c.id_number.slice(0, 14)).toBe(drawn[i]!.id_number.slice(0, 14));
      expect(c.id_number).not.toBe(drawn[i]!.id_number);
      expect(parseIdNumber(c.id_number, AS_OF)).toEqual({
        birth_date: c.birth_date,
        gender: c.gender,
        normalized: c.id_number,
      });
    }
    expect(await invariantViolations(second, 'full')).toEqual([]);
  });

  it('refuses a date that is not the open business date', async () => {
    const db = await fresh();
    await expect(seedPopulation(db, { seed: 1, scale: 0.01, asOf: '2026-11-24' })).rejects.toThrow(
      /not the open business date/,
    );
    await expect(openDailyClients(db, { seed: 1, date: '2026-11-20', count: 1 })).rejects.toThrow(
      /not the open business date/,
    );
  });
});

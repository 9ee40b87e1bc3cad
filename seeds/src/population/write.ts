import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../server/src/db/connect.js';
import type { Actor } from '../../../server/src/modules/audit/audit.service.js';
import { draw, type Streams } from './draws.js';
import { idNumberSql } from './id-numbers.js';
import type { PickSizes } from './lookups.js';

/**
 * Writes the staged clients (stage.ts) as the counter would have opened them: clients, their
 * fund accounts (CNY, a few USD/HKD), shareholder accounts, opening cash in the fund journal and
 * holdings transferred in with their position journal — one INSERT … SELECT per table.
 *
 * Rows get the same content as the services give them (clients.service openClient: client_no =
 * branch code + sequence, account_no = client_no + 01/02/03; ledger: running balance_after and
 * frozen_after, operator, branch; positions.service transferSecurities: quantity_after, cost).
 * Accounts and positions are brand new, so their totals are written with them and the journal
 * carries the same amounts, which is what the ledger's invariants check.
 *
 * Audit (DOMAIN.md §8: who, when, what): one row per client created, as openClient writes —
 * a client is what an operator looks up in the trail — and one row per table per batch for the
 * accounts, postings and transfers, naming how many, which ids and what total. Millions of rows
 * repeating "deposit 1,234.56" would bury the trail without telling anyone more than the batch
 * row and the journal itself do.
 */
export interface WriteContext {
  trx: Db;
  actor: Actor & { operator_id: number; branch_id: number };
  streams: Streams;
  branchCode: string;
  /** clients of the branch before this batch: numbering continues from there */
  baseNo: number;
  firstClientId: number;
  count: number;
  /** the business date of the opening cash and transfers */
  journalDate: string;
  /**
   * the journal date is a closed day (before the open business date): its entries go to the
   * history journals and the accounts' and positions' closing is their opening (the day-end
   * model of 20261123090000_journal_history.sql); else they are the open day's own
   */
  intoHistory: boolean;
  /** multiplies the staged cash so the total matches the target (1 for daily openings) */
  cashFactor: string;
  /** the single-deposit limit: larger opening cash is posted in several entries */
  depositLimit: string;
  /** 'import' for the population load (期初数据移植), live action names for daily openings */
  batchAction: { accounts: string; postings: string; transfers: string };
  reference: { cash: string; foreign: string; transfer: string };
  detail: string;
}

/** JavaScript's padStart: numbers past 999,999 grow a digit instead of being cut (lpad cuts). */
const pad6 = (n: RawBuilder<unknown>) =>
  sql`CASE WHEN length((${n})::text) >= 6 THEN (${n})::text ELSE lpad((${n})::text, 6, '0') END`;
const clientNoSql = (ctx: WriteContext) =>
  sql<string>`(${ctx.branchCode}::text || ${pad6(sql`${ctx.baseNo}::bigint + s.n`)})`;
/** A staged client's cash in CNY, to the cent, as both the account and its journal carry it. */
const cashSql = (ctx: WriteContext) => sql`round(s.cash_raw::numeric * ${ctx.cashFactor}::numeric, 2)`;
/** The exchange-style shareholder code: prefix + 9 digits from the client id, as the demo's counter opens them. */
const holderCode = (prefix: string) => sql`${prefix}::text || right((100000000 + s.client_id)::text, 9)`;

/**
 * Reserves `count` consecutive ids of `table`'s identity sequence and returns the first, so rows
 * written together can refer to each other by arithmetic instead of joins on natural keys. The
 * caller holds a lock that keeps other inserts out meanwhile (population.seed lockForOpening).
 */
export async function reserveIds(trx: Db, table: string, count: number): Promise<number> {
  if (count <= 0) return 0;
  const { rows } = await sql<{
    first: number;
  }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::bigint AS first`.execute(trx);
  const first = Number(rows[0]!.first);
  if (count > 1)
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), ${first + count - 1}::bigint)`.execute(trx);
  return first;
}

async function auditBatch(
  ctx: WriteContext,
  action: string,
  resource: string,
  detail: string,
  after: Record<string, unknown>,
) {
  const a = ctx.actor;
  await sql`INSERT INTO audit_log (at, operator_id, username, branch_id, ip, request_id, action, resource, record_id, before, after, detail)
    VALUES (${a.at}::timestamptz, ${a.operator_id}::bigint, ${a.username}, ${a.branch_id}::bigint, ${a.ip}, ${a.request_id}, ${action}, ${resource}, NULL, NULL, ${JSON.stringify(after)}::jsonb, ${detail})`.execute(
    ctx.trx,
  );
}

/** Clients, and one audit row each (`to_jsonb` of the row, as openClient records `after`). */
export async function writeClients(ctx: WriteContext) {
  const a = ctx.actor;
  await sql`
    INSERT INTO clients (id, client_no, name, id_number, gender, birth_date, phone, address, client_class, client_manager_id,
                         allow_counter, allow_phone, allow_online, status, branch_id, opened_on, closed_on, created_at, updated_at)
    SELECT s.client_id, ${clientNoSql(ctx)}, sn.val || g1.val || coalesce(g2.val, ''), ${idNumberSql()}, s.gender, s.birth,
      CASE WHEN s.landline THEN '024-4' || lpad((s.phone_digits % 10000000)::text, 7, '0') ELSE mb.val || lpad(s.phone_digits::text, 8, '0') END,
      '辽宁省本溪市' || st.val2 || st.val || s.house_no || '号' || s.flat,
      s.client_class, m.val::bigint, s.allow_counter, s.allow_phone, s.allow_online,
      s.status, ${a.branch_id}::bigint, s.opened_on, s.closed_on, ${a.at}::timestamptz, ${a.at}::timestamptz
    FROM pop_stage s
    JOIN pop_ids i ON i.k = s.k
    JOIN pop_pick sn ON sn.kind = 'surname' AND sn.idx = s.surname_idx
    JOIN pop_pick g1 ON g1.kind = 'given_' || s.gender AND g1.idx = s.given1_idx
    LEFT JOIN pop_pick g2 ON g2.kind = 'given_' || s.gender AND g2.idx = s.given2_idx
    JOIN pop_pick mb ON mb.kind = 'mobile' AND mb.idx = s.mobile_idx
    JOIN pop_pick st ON st.kind = 'street' AND st.idx = s.street_idx
    LEFT JOIN pop_pick m ON m.kind = 'manager' AND m.idx = s.manager_idx
    ORDER BY s.n`.execute(ctx.trx);
  await sql`
    INSERT INTO audit_log (at, operator_id, username, branch_id, ip, request_id, action, resource, record_id, before, after, detail)
    SELECT ${a.at}::timestamptz, ${a.operator_id}::bigint, ${a.username}, ${a.branch_id}::bigint, ${a.ip}, ${a.request_id}, 'create', 'clients', c.id::text, NULL, to_jsonb(c), ${ctx.detail}
    FROM clients c WHERE c.id BETWEEN ${ctx.firstClientId}::bigint AND ${ctx.firstClientId + ctx.count - 1}::bigint ORDER BY c.id`.execute(
    ctx.trx,
  );
}

/**
 * Fund accounts with their balances: the CNY account of every client (ids in client order, so
 * the n-th client's is first + n − 1), then the USD (02) and HKD (03) ones. A closed client's are closed.
 */
export async function writeFundAccounts(
  ctx: WriteContext,
): Promise<{ firstCny: number; cny: number; foreign: number }> {
  const a = ctx.actor;
  const { rows } = await sql<{
    n: number;
  }>`SELECT (count(usd_cash) + count(hkd_cash))::int AS n FROM pop_stage s`.execute(ctx.trx);
  const foreign = rows[0]!.n;
  const firstCny = await reserveIds(ctx.trx, 'fund_accounts', ctx.count + foreign);
  const status = sql`CASE WHEN s.status = 'closed' THEN 'closed' ELSE 'active' END`;
  // brought in from a closed day: its closing is the open day's opening, and interest accrues from
  // the open day on (the old system settled it through the day brought in from)
  const opening = (balance: RawBuilder<unknown>) =>
    ctx.intoHistory ? sql`, ${balance}, ${ctx.journalDate}::date, ${ctx.journalDate}::date` : sql``;
  const openingColumns = ctx.intoHistory ? sql`, opening_balance, interest_accrued_to, interest_settled_to` : sql``;
  await sql`
    INSERT INTO fund_accounts (id, account_no, client_id, currency, balance, frozen, status, branch_id, opened_on, created_at, updated_at ${openingColumns})
    SELECT ${firstCny}::bigint + s.n - 1, ${clientNoSql(ctx)} || '01', s.client_id, 'CNY', ${cashSql(ctx)}, 0, ${status}, ${a.branch_id}::bigint, s.opened_on, ${a.at}::timestamptz, ${a.at}::timestamptz ${opening(cashSql(ctx))}
    FROM pop_stage s ORDER BY s.n`.execute(ctx.trx);
  if (foreign > 0) {
    // B-share clients opened their foreign-currency account some time after the first one
    await sql`
      INSERT INTO fund_accounts (id, account_no, client_id, currency, balance, frozen, status, branch_id, opened_on, created_at, updated_at ${openingColumns})
      SELECT ${firstCny + ctx.count}::bigint + row_number() OVER (ORDER BY s.n, f.currency) - 1, ${clientNoSql(ctx)} || f.suffix, s.client_id, f.currency, f.cash, 0, ${status}, ${a.branch_id}::bigint,
        s.opened_on + floor(${draw(ctx.streams, 46, sql`s.k`)} * (${ctx.journalDate}::date - s.opened_on + 1))::int, ${a.at}::timestamptz, ${a.at}::timestamptz ${opening(sql`f.cash`)}
      FROM pop_stage s CROSS JOIN LATERAL (VALUES ('USD', '02', s.usd_cash), ('HKD', '03', s.hkd_cash)) AS f(currency, suffix, cash)
      WHERE f.cash IS NOT NULL
      ORDER BY s.n, f.currency`.execute(ctx.trx);
  }
  await auditBatch(
    ctx,
    ctx.batchAction.accounts,
    'fund_accounts',
    `${ctx.detail}：资金账户 ${ctx.count + foreign} 个（人民币 ${ctx.count}，外币 ${foreign}）`,
    {
      first_id: firstCny,
      last_id: firstCny + ctx.count + foreign - 1,
      cny: ctx.count,
      foreign,
    },
  );
  return { firstCny, cny: ctx.count, foreign };
}

/**
 * Opening cash as journal entries: CNY through 银证转入 (with the client's bank) or a counter
 * deposit, split into entries no larger than the single-deposit limit so no entry breaks a rule
 * the counter enforces; USD/HKD as remittances in (汇进). balance_after runs up to the balance.
 * Ids come from the journal's own sequence, so the history and current journals never share one.
 */
export async function writeOpeningCash(
  ctx: WriteContext,
  accounts: { firstCny: number; foreign: number },
): Promise<{ entries: number; amount: string }> {
  const { firstCny, foreign } = accounts;
  const a = ctx.actor;
  const limit = sql`${ctx.depositLimit}::numeric`;
  const entries = sql`
    SELECT ${firstCny}::bigint + s.n - 1 AS account_id, e AS seq, CASE WHEN b.val IS NULL THEN 'deposit' ELSE 'bank_in' END AS type,
      least(${limit}, s.cash - ${limit} * (e - 1)) AS amount, least(s.cash, ${limit} * e) AS balance_after, ${ctx.reference.cash}::text AS reference, b.val AS bank_code
    FROM (SELECT s.*, ${cashSql(ctx)} AS cash FROM pop_stage s WHERE s.status <> 'closed' OFFSET 0) s
    LEFT JOIN pop_pick b ON s.bank_in AND b.kind = 'bank' AND b.idx = s.bank_idx
    CROSS JOIN LATERAL generate_series(1, ceil(s.cash / ${limit})::int) AS e
    WHERE s.cash > 0
    UNION ALL
    SELECT f.id, 1, 'remit_in', f.balance, f.balance, ${ctx.reference.foreign}::text, NULL
    FROM fund_accounts f WHERE f.id BETWEEN ${firstCny + ctx.count}::bigint AND ${firstCny + ctx.count + foreign - 1}::bigint AND f.balance > 0`;
  const { rows } = await sql<{ entries: number; accounts: number; amount: string | null }>`
    SELECT count(*)::int AS entries, count(DISTINCT account_id)::int AS accounts, sum(amount) FILTER (WHERE type <> 'remit_in') AS amount FROM (${entries}) e`.execute(
    ctx.trx,
  );
  const r = { entries: rows[0]!.entries, accounts: rows[0]!.accounts, amount: rows[0]!.amount ?? '0.00' };
  if (r.entries === 0) return { entries: 0, amount: r.amount };
  const first = await reserveIds(ctx.trx, 'fund_journal', r.entries);
  await sql`
    INSERT INTO ${sql.table(ctx.intoHistory ? 'fund_journal_history' : 'fund_journal')}
      (id, business_date, account_id, type, amount, frozen_delta, balance_after, frozen_after, reference, bank_code, operator_id, branch_id, created_at)
    SELECT ${first}::bigint + row_number() OVER (ORDER BY e.account_id, e.seq) - 1, ${ctx.journalDate}::date, e.account_id, e.type, e.amount, 0, e.balance_after, 0, e.reference, e.bank_code,
      ${a.operator_id}::bigint, ${a.branch_id}::bigint, ${a.at}::timestamptz
    FROM (${entries}) e ORDER BY e.account_id, e.seq`.execute(ctx.trx);
  await auditBatch(
    ctx,
    ctx.batchAction.postings,
    'fund_journal',
    `${ctx.journalDate} ${ctx.reference.cash}: ${r.entries} 笔, ${r.accounts} 户, 人民币合计 ${r.amount}`,
    { business_date: ctx.journalDate, first_id: first, last_id: first + r.entries - 1, ...r },
  );
  return { entries: r.entries, amount: r.amount };
}

/**
 * Shareholder accounts: Shanghai A for every client, Shenzhen A for most and for every holder,
 * B-share accounts where there is a USD (SH-B) or HKD (SZ-B) fund account. Codes in the
 * exchanges' formats (positions.service CODE_FORMAT), unique because the client id is.
 */
export async function writeShareholderAccounts(ctx: WriteContext): Promise<number> {
  const a = ctx.actor;
  const r = await sql`
    INSERT INTO shareholder_accounts (client_id, market, code, status, branch_id, opened_on, created_at, updated_at)
    SELECT s.client_id, m.market, m.code, CASE WHEN s.status = 'closed' THEN 'closed' ELSE 'active' END, ${a.branch_id}::bigint, s.opened_on, ${a.at}::timestamptz, ${a.at}::timestamptz
    FROM pop_stage s CROSS JOIN LATERAL (VALUES
      ('SH-A', ${holderCode('A')}, true),
      ('SZ-A', ${holderCode('0')}, s.wants_sz OR s.holding_budget > 0),
      ('SH-B', ${holderCode('C')}, s.usd_cash IS NOT NULL),
      ('SZ-B', ${holderCode('2')}, s.hkd_cash IS NOT NULL)) AS m(market, code, wanted)
    WHERE m.wanted
    ORDER BY s.n, m.market`.execute(ctx.trx);
  const n = Number(r.numAffectedRows ?? 0);
  await auditBatch(ctx, ctx.batchAction.accounts, 'shareholder_accounts', `${ctx.detail}：股东账户 ${n} 个`, {
    count: n,
  });
  return n;
}

/**
 * Holdings transferred in (转托管转入) at the previous close, one to ten securities a holder, the
 * holder's budget split between them. A security whose smallest lot costs far more than its
 * share of the budget (a 1,500-yuan share for a 20,000-yuan portfolio) gives way to a cheap one;
 * a security drawn twice for a client is held once.
 */
export async function writeHoldings(
  ctx: WriteContext,
  sizes: Pick<PickSizes, 'sec' | 'cheap'>,
): Promise<{ positions: number; value: string }> {
  const a = ctx.actor;
  const key = sql`s.k * 16 + e`;
  await sql`DROP TABLE IF EXISTS pop_hold`.execute(ctx.trx);
  await sql`
    CREATE TEMP TABLE pop_hold ON COMMIT DROP AS
    SELECT DISTINCT ON (client_id, security_id) client_id, security_id, market, quantity, round(quantity * price, 2) AS cost
    FROM (
      SELECT y.client_id, y.e, y.security_id, y.market, y.price, greatest(y.min_lot, round(y.budget / (y.price * 100)) * 100)::bigint AS quantity
      FROM (
        SELECT x.client_id, x.e, x.budget,
          CASE WHEN fits THEN p.val ELSE q.val END::bigint AS security_id,
          CASE WHEN fits THEN p.val3 ELSE q.val3 END AS market,
          CASE WHEN fits THEN p.num ELSE q.num END AS price,
          CASE WHEN fits AND p.val2 = 'star' THEN 200 ELSE 100 END AS min_lot
        FROM (
          SELECT s.client_id, e, s.holding_budget / s.n_pos * (0.6 + 0.8 * ${draw(ctx.streams, 50, key)}) AS budget,
            floor(power(${draw(ctx.streams, 48, key)}, 1.5) * ${sizes.sec}::int)::int AS p_idx,
            floor(${draw(ctx.streams, 49, key)} * ${sizes.cheap}::int)::int AS c_idx
          FROM pop_stage s CROSS JOIN LATERAL generate_series(1, s.n_pos) AS e
          WHERE s.holding_budget > 0
          OFFSET 0
        ) x
        JOIN pop_pick p ON p.kind = 'sec' AND p.idx = x.p_idx
        JOIN pop_pick q ON q.kind = 'cheap' AND q.idx = x.c_idx
        CROSS JOIN LATERAL (SELECT p.num * CASE p.val2 WHEN 'star' THEN 200 ELSE 100 END <= x.budget * 1.5 AS fits) f
      ) y
    ) h
    ORDER BY client_id, security_id, e`.execute(ctx.trx);
  const { rows } = await sql<{
    n: number;
    value: string | null;
  }>`SELECT count(*)::int AS n, sum(cost) AS value FROM pop_hold`.execute(ctx.trx);
  const n = rows[0]!.n;
  if (n === 0) return { positions: 0, value: '0.00' };
  const first = await reserveIds(ctx.trx, 'positions', n);
  await sql`
    INSERT INTO positions (id, client_id, shareholder_account_id, security_id, quantity, frozen, today_bought, cost, branch_id, updated_at ${ctx.intoHistory ? sql`, opening_quantity` : sql``})
    SELECT ${first}::bigint + row_number() OVER (ORDER BY h.client_id, h.security_id) - 1, h.client_id, sa.id, h.security_id, h.quantity, 0, 0, h.cost, ${a.branch_id}::bigint, ${a.at}::timestamptz
      ${ctx.intoHistory ? sql`, h.quantity` : sql``}
    FROM pop_hold h JOIN shareholder_accounts sa ON sa.client_id = h.client_id AND sa.market = h.market
    ORDER BY h.client_id, h.security_id`.execute(ctx.trx);
  const firstEntry = await reserveIds(ctx.trx, 'position_journal', n);
  await sql`
    INSERT INTO ${sql.table(ctx.intoHistory ? 'position_journal_history' : 'position_journal')}
      (id, business_date, position_id, type, quantity_delta, frozen_delta, quantity_after, frozen_after, cost_delta, reference, operator_id, branch_id, created_at)
    SELECT ${firstEntry - first}::bigint + p.id, ${ctx.journalDate}::date, p.id, 'transfer_in', p.quantity, 0, p.quantity, 0, p.cost, ${ctx.reference.transfer}, ${a.operator_id}::bigint, ${a.branch_id}::bigint, ${a.at}::timestamptz
    FROM positions p WHERE p.id BETWEEN ${first}::bigint AND ${first + n - 1}::bigint ORDER BY p.id`.execute(ctx.trx);
  const value = rows[0]!.value ?? '0.00';
  await auditBatch(
    ctx,
    ctx.batchAction.transfers,
    'positions',
    `${ctx.journalDate} ${ctx.reference.transfer}: ${n} 笔, 市值 ${value}`,
    { business_date: ctx.journalDate, first_id: first, last_id: first + n - 1, positions: n, value },
  );
  return { positions: n, value };
}

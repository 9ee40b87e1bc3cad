import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connect.js';

/** Every idempotency key of the fault suite starts with this; postings carry their key as reference. */
export const KEY_PREFIX = 'flt-';

const rows = async (db: Db, text: string) => (await sql.raw(text).execute(db)).rows as Record<string, unknown>[];
/** The rows as a multiset: each row's JSON, sorted (rows that tie on every column are the same). */
const multiset = async (db: Db, text: string) => (await rows(db, text)).map((r) => JSON.stringify(r)).sort();

/**
 * SHA-256 of the books, equal between an interrupted-and-replayed run and an uninterrupted one of
 * the same requests. Left out, because they legitimately differ between two runs:
 *  - generated ids (fund_journal.id, orders.id, positions.id, trades.id …): a transaction killed
 *    before its commit still spends sequence numbers, so rows are named by what identifies them
 *    in the business (account_no, order_no, client + security, market + trade_no) instead, and the
 *    journals are compared as ordered multisets of their business columns;
 *  - wall-clock times (created_at, updated_at, cancelled_at, day-end start/finish) and row versions
 *    (version counts UPDATEs, which a replay may repeat on rows it then rolls back: never committed,
 *    but kept out to be safe);
 *  - the logs of the calls themselves: audit_log, sessions, idempotency_keys (response JSON holds
 *    ids and times), trade_report_imports (a replayed import is on record with "0 recorded, N
 *    already imported"), backups (file names carry the time). These are checked for partial states
 *    by `partialStates`, not hashed.
 * Everything that is money or holdings is in: balances, frozen amounts, every journal line with
 * its running balance, positions and their cost, orders, trades with their fees, the day-end's
 * summaries, the open business date and which days are closed.
 */
export async function booksHash(db: Db): Promise<string> {
  const parts = [
    await rows(db, `SELECT value FROM system_params WHERE key = 'business_date'`),
    await rows(
      db,
      `SELECT account_no, currency, balance, frozen, unwithdrawable, credit_line, interest_base, status, opening_balance,
              opening_frozen, interest_accrued_to, interest_settled_to
       FROM fund_accounts ORDER BY account_no`,
    ),
    await multiset(
      db,
      `SELECT a.account_no, j.business_date, j.type, j.amount, j.frozen_delta, j.balance_after, j.frozen_after,
              j.freeze_kind, j.reference, j.bank_code, j.operator_id, j.branch_id
       FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id`,
    ),
    await rows(
      db,
      `SELECT p.client_id, p.security_id, p.shareholder_account_id, p.quantity, p.frozen, p.today_bought, p.cost,
              p.opening_quantity, p.opening_frozen
       FROM positions p ORDER BY 1, 2, 3`,
    ),
    await multiset(
      db,
      `SELECT p.client_id, p.security_id, j.business_date, j.type, j.quantity_delta, j.frozen_delta, j.quantity_after,
              j.frozen_after, j.cost_delta, j.reference, o.order_no
       FROM position_journal_all j JOIN positions p ON p.id = j.position_id LEFT JOIN orders o ON o.id = j.order_id`,
    ),
    await rows(
      db,
      `SELECT order_no, business_date, client_id, fund_account_id, shareholder_account_id, security_id, market, code, side,
              price, quantity, filled_quantity, filled_amount, frozen_cash, status, channel, seat_no, operator_id
       FROM orders ORDER BY order_no`,
    ),
    await rows(
      db,
      `SELECT t.market, t.trade_no, t.business_date, o.order_no, t.client_id, t.security_id, t.side, t.quantity, t.price,
              t.amount, t.commission, t.stamp_duty, t.transfer_fee, t.handling_fee, t.regulatory_fee, t.net_amount,
              t.seat_no, t.shareholder_code, t.source
       FROM trades t JOIN orders o ON o.id = t.order_id ORDER BY 1, 2`,
    ),
    await rows(db, `SELECT * FROM daily_summaries ORDER BY business_date, branch_id`),
    await rows(db, `SELECT * FROM clearing_summaries ORDER BY business_date, branch_id, market, seat_no`),
    await rows(
      db,
      `SELECT business_date, status, next_date FROM day_end_runs WHERE status = 'completed' ORDER BY business_date`,
    ),
    await rows(
      db,
      `SELECT c.business_date, s.market, s.code, c.close_price, c.source, s.prev_close
       FROM closing_prices c JOIN securities s ON s.id = c.security_id ORDER BY 1, 2, 3`,
    ),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * What a crash must never leave: a request half done. Returns one line per broken request.
 *  - a posting of the suite (reference = its key) without its idempotency record or audit row,
 *    or the other way round, or posted twice;
 *  - an order of `since` or later (the suite's day) without its idempotency record, its audit row or its freeze (cash for a buy, shares
 *    for a sell, in the journals), or a key whose recorded order is missing;
 *  - an order whose fills disagree with its trades;
 *  - a day-end half done: the date rolled without a completed run or the other way round, a
 *    completed run without its steps on record (1…n, the date roll among them), or the closed day's journals still in the open tables.
 */
export async function partialStates(db: Db, since: string): Promise<string[]> {
  const problems: string[] = [];
  const like = `'%:${KEY_PREFIX}%'`;
  for (const r of await rows(
    db,
    `SELECT j.reference, count(*)::int AS n,
            bool_and(EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.key = j.operator_id || ':' || j.reference AND (k.response->>'id')::bigint = j.id)) AS keyed,
            bool_and(EXISTS (SELECT 1 FROM audit_log l WHERE l.resource = 'fund_journal' AND l.action = 'post' AND l.record_id = j.id::text)) AS audited
     FROM fund_journal_all j WHERE j.reference LIKE '${KEY_PREFIX}p-%' GROUP BY j.reference`,
  ))
    if (r.n !== 1 || !r.keyed || !r.audited)
      problems.push(`posting ${r.reference}: ${r.n} entries, keyed ${r.keyed}, audited ${r.audited}`);
  for (const r of await rows(
    db,
    `SELECT k.key FROM idempotency_keys k
     WHERE k.key LIKE '%:${KEY_PREFIX}p-%' AND NOT EXISTS (SELECT 1 FROM fund_journal_all j WHERE j.id = (k.response->>'id')::bigint)`,
  ))
    problems.push(`key ${r.key} recorded without its posting`);
  for (const r of await rows(
    db,
    `SELECT k.key FROM idempotency_keys k
     WHERE k.key LIKE '%:${KEY_PREFIX}o-%' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = (k.response->>'id')::bigint)`,
  ))
    problems.push(`key ${r.key} recorded without its order`);
  for (const r of await rows(
    db,
    `SELECT o.order_no, o.side,
            EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.key LIKE ${like} AND (k.response->>'id')::bigint = o.id) AS keyed,
            EXISTS (SELECT 1 FROM audit_log l WHERE l.resource = 'orders' AND l.action = 'create' AND l.record_id = o.id::text) AS audited,
            CASE o.side
              WHEN 'buy' THEN (SELECT count(*) FROM fund_journal_all j WHERE j.type = 'freeze' AND j.reference = '委托 ' || o.order_no)
              ELSE (SELECT count(*) FROM position_journal_all j WHERE j.type = 'freeze' AND j.order_id = o.id)
            END::int AS freezes
     FROM orders o WHERE o.business_date >= '${since}'::date`,
  ))
    if (!r.keyed || !r.audited || r.freezes !== 1)
      problems.push(`order ${r.order_no}: keyed ${r.keyed}, audited ${r.audited}, ${r.freezes} freezes`);
  for (const r of await rows(
    db,
    `SELECT o.order_no FROM orders o
     LEFT JOIN (SELECT order_id, sum(quantity) AS q, sum(amount) AS a FROM trades GROUP BY order_id) t ON t.order_id = o.id
     WHERE o.filled_quantity <> coalesce(t.q, 0) OR o.filled_amount <> coalesce(t.a, 0)`,
  ))
    problems.push(`order ${r.order_no}: fills disagree with its trades`);
  const [open] = await rows(db, `SELECT value FROM system_params WHERE key = 'business_date'`);
  for (const r of await rows(
    db,
    `SELECT r.business_date, r.next_date,
            (SELECT count(*) = max(s.seq) AND bool_or(s.name = 'roll_date') FROM day_end_steps s WHERE s.run_id = r.id) AS steps
     FROM day_end_runs r WHERE r.status = 'completed' ORDER BY r.business_date DESC LIMIT 1`,
  )) {
    if (r.next_date !== open!.value) problems.push(`day-end ${r.business_date} → ${r.next_date}, open ${open!.value}`);
    if (!r.steps) problems.push(`day-end ${r.business_date}: its steps are not all on record`);
  }
  for (const r of await rows(
    db,
    `SELECT 'fund_journal' AS t, count(*)::int AS n FROM fund_journal WHERE business_date <> (SELECT value::date FROM system_params WHERE key = 'business_date')
     UNION ALL
     SELECT 'position_journal', count(*)::int FROM position_journal WHERE business_date <> (SELECT value::date FROM system_params WHERE key = 'business_date')`,
  ))
    if (r.n) problems.push(`${r.n} rows of a closed day still in ${r.t}`);
  return problems;
}

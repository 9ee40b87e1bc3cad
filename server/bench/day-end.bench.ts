import { sql } from 'kysely';
import { benchDb, measure, fig } from './harness.js';
import type { Actor } from '../src/modules/audit/audit.service.js';
import { postSet } from '../src/modules/ledger/ledger.batch.js';
import { movePositionsSet } from '../src/modules/orders/positions.batch.js';
import { runDayEnd } from '../src/modules/day-end/day-end.service.js';
import { clearTrades } from '../src/modules/day-end/clearing.js';
import { seedPopulation } from '../../seeds/src/population.seed.js';

/**
 * Day-end on a day of N trades (default 350 = the seed branch's day, 35,000 and 1,000,000), per
 * step and in total, next to the time the same N trades take to write with one INSERT … SELECT.
 * Each size gets a fresh database: the branch population (seedPopulation, scale 1; scale 10 for a
 * million trades), then the day's orders — buys with their cash frozen through the ledger's
 * set-based postings, sells with their shares frozen — all filled, and the N trades written by one
 * INSERT … SELECT (timed: the baseline), their fees then written set-based as an import of that
 * size would (timed apart); day-end's clearing computes every fee again and corrects differences.
 * BENCH_DAY_END_TRADES=350,35000 picks sizes (default: all three on PostgreSQL, the first two on PGlite).
 */
// a million trades in memory is past what the embedded database is for: PostgreSQL only by default
const SIZES = (process.env.BENCH_DAY_END_TRADES ?? (process.env.DATABASE_URL ? '350,35000,1000000' : '350,35000'))
  .split(',')
  .map(Number);

for (const n of SIZES) {
  const conn = await benchDb();
  const db = conn.db;
  const op = await db
    .selectFrom('operators')
    .select(['id', 'branch_id'])
    .where('username', '=', 'clerk')
    .executeTakeFirstOrThrow();
  const actor = (): Actor => ({
    operator_id: op.id,
    username: 'clerk',
    branch_id: op.branch_id,
    ip: '127.0.0.1',
    request_id: 'bench',
    at: new Date(),
  });
  const date = (
    await db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
  ).value;
  const scale = n > 100_000 ? 10 : 1;
  const population = await measure(() => seedPopulation(db, { seed: 7, scale, asOf: date }));
  const clients = population.result.clients;
  // the population's own day (accounts opened, cash deposited, holdings transferred in) is closed
  // first, so the measured day holds only its trades
  await runDayEnd(db, actor(), date, { acknowledged: 'all' });
  const day = (
    await db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
  ).value;

  // counts first, so the day's picks below join on plain keys (hash joins, not a loop per pick)
  const LIQUID = sql`WHERE type IN ('stock', 'etf') AND market IN ('SH-A', 'SZ-A') AND NOT st AND prev_close BETWEEN 1 AND 200 AND board <> 'star'`;
  const { rows: counts } = await sql<{ accounts: number; liquid: number }>`SELECT
      (SELECT count(*)::int FROM fund_accounts a JOIN clients c ON c.id = a.client_id WHERE a.currency = 'CNY' AND c.status = 'normal') AS accounts,
      (SELECT count(*)::int FROM securities ${LIQUID}) AS liquid`.execute(db);
  const { accounts, liquid } = counts[0]!;
  const setup = await measure(() =>
    db.transaction().execute(async (trx) => {
      // half the day's orders sell 100 shares out of holdings, the rest buy: one order per trade, all filled
      await sql`
        WITH held AS (
          SELECT p.*, s.market, s.code, s.prev_close, row_number() OVER (ORDER BY p.id) AS k
          FROM positions p JOIN securities s ON s.id = p.security_id
          WHERE p.quantity - p.today_bought - p.frozen >= 100 AND s.prev_close > 0
        ),
        accts AS (SELECT a.id, a.client_id, row_number() OVER (ORDER BY a.id) - 1 AS k FROM fund_accounts a JOIN clients c ON c.id = a.client_id WHERE a.currency = 'CNY' AND c.status = 'normal'),
        secs AS (SELECT id, market, code, prev_close, row_number() OVER (ORDER BY id) - 1 AS k FROM securities ${LIQUID}),
        sells AS (
          SELECT h.client_id, a.id AS fund_account_id, h.shareholder_account_id, h.security_id, h.market, h.code, 'sell' AS side, h.prev_close AS price, 100 AS quantity
          FROM held h JOIN fund_accounts a ON a.client_id = h.client_id AND a.currency = 'CNY'
          WHERE h.k <= ${Math.floor(n / 2)}
        ),
        buys AS (
          SELECT a.client_id, a.id AS fund_account_id, sh.id AS shareholder_account_id, s.id AS security_id, s.market, s.code, 'buy' AS side, s.prev_close AS price, 100 * (1 + g % 5) AS quantity
          FROM generate_series(1, ${n} - (SELECT count(*) FROM sells)) g
          JOIN accts a ON a.k = (g * 7919) % ${accounts}
          JOIN secs s ON s.k = (g * 104729) % ${liquid}
          JOIN shareholder_accounts sh ON sh.client_id = a.client_id AND sh.market = s.market
        ),
        day AS (SELECT *, row_number() OVER () AS k FROM (SELECT * FROM sells UNION ALL SELECT * FROM buys) x)
        INSERT INTO orders (order_no, business_date, client_id, fund_account_id, shareholder_account_id, security_id, market, code, side, price, quantity, filled_quantity, filled_amount, frozen_cash, status, channel, seat_no, operator_id, branch_id, created_at)
        SELECT ${day.replaceAll('-', '')} || 'B' || lpad(k::text, 9, '0'), ${day}::date, d.client_id, d.fund_account_id, d.shareholder_account_id, d.security_id, d.market, d.code, d.side, d.price, d.quantity, d.quantity,
          round(d.price * d.quantity, 2), CASE WHEN d.side = 'buy' THEN round(d.price * d.quantity * 1.001, 2) + 5 ELSE 0 END, 'filled', 'online',
          (SELECT seat_no FROM seats WHERE market = d.market AND branch_id = ${op.branch_id} AND status = 'active' ORDER BY seat_no LIMIT 1), ${op.id}, ${op.branch_id}, now()
        FROM day d`.execute(trx);
      // the client deposits what its buys need, which the orders then freeze (same-day), through the ledger
      await postSet(
        trx,
        actor(),
        day,
        'bench funding',
        sql`SELECT fund_account_id AS account_id, 0 AS seq, 'deposit' AS type, sum(frozen_cash) AS amount, 0::numeric AS frozen_delta, NULL AS freeze_kind, NULL AS bank_code, 'bench' AS reference FROM orders WHERE business_date = ${day} AND side = 'buy' GROUP BY fund_account_id`,
      );
      await postSet(
        trx,
        actor(),
        day,
        'bench orders',
        sql`SELECT fund_account_id AS account_id, 1 AS seq, 'freeze' AS type, 0::numeric AS amount, sum(frozen_cash) AS frozen_delta, 'same_day' AS freeze_kind, NULL AS bank_code, '委托' AS reference FROM orders WHERE business_date = ${day} AND side = 'buy' GROUP BY fund_account_id`,
      );
      await movePositionsSet(
        trx,
        actor(),
        day,
        'bench orders',
        sql`
        SELECT p.id AS position_id, 0 AS seq, 'freeze' AS type, 0::bigint AS quantity_delta, sum(o.quantity) AS frozen_delta, 0::bigint AS today_bought_delta, 0::numeric AS cost_delta, '委托' AS reference, NULL::bigint AS order_id
        FROM orders o JOIN positions p ON p.shareholder_account_id = o.shareholder_account_id AND p.security_id = o.security_id
        WHERE o.business_date = ${day} AND o.side = 'sell' GROUP BY p.id`,
      );
    }),
  );
  const insert = await measure(() =>
    sql`INSERT INTO trades (market, trade_no, business_date, order_id, client_id, security_id, code, side, quantity, price, amount, commission, stamp_duty, transfer_fee, handling_fee, regulatory_fee, net_amount, seat_no, shareholder_code, source, branch_id, created_at)
      SELECT o.market, 'T' || o.id, o.business_date, o.id, o.client_id, o.security_id, o.code, o.side, o.quantity, o.price, round(o.price * o.quantity, 2), 0, 0, 0, 0, 0, round(o.price * o.quantity, 2), o.seat_no, sh.code, 'bench', o.branch_id, now()
      FROM orders o JOIN shareholder_accounts sh ON sh.id = o.shareholder_account_id WHERE o.business_date = ${day}`.execute(
      db,
    ),
  );
  const trades = Number(insert.result.numAffectedRows ?? 0);
  // the import writes each trade with its fees (成交数据转换); at this volume it would do so
  // set-based, with the computation clearing uses — measured here on its own
  const importFees = await measure(() => db.transaction().execute((trx) => clearTrades(trx, day)));
  await sql`ANALYZE`.execute(db);

  const run = await measure(() => runDayEnd(db, actor(), day, { acknowledged: 'all' }));
  const steps = (
    run.result as { steps: { name: string; started_at: Date | string; finished_at: Date | string; rows: number }[] }
  ).steps;
  const ms = (s: { started_at: Date | string; finished_at: Date | string }) =>
    new Date(s.finished_at).getTime() - new Date(s.started_at).getTime();
  const cleared = steps.filter((s) => s.name === 'clearing' || s.name === 'delivery').reduce((t, s) => t + ms(s), 0);
  console.log(`\n## day-end of ${trades.toLocaleString('en-US')} trades on ${conn.label}`);
  console.log(
    `population: ${clients.toLocaleString('en-US')} clients (scale ${scale}) in ${fig(population.seconds)} s; the day's orders and freezes in ${fig(setup.seconds)} s`,
  );
  console.log(
    `one INSERT … SELECT of the ${trades.toLocaleString('en-US')} trades: ${fig(insert.seconds, 2)} s; their fees written as a set-based import would: ${fig(importFees.seconds, 2)} s`,
  );
  for (const s of steps)
    console.log(
      `  ${s.name.padEnd(17)} ${fig(ms(s) / 1000, 2).padStart(8)} s  ${Number(s.rows).toLocaleString('en-US')} rows`,
    );
  console.log(
    `day-end total ${fig(run.seconds, 2)} s (clearing + delivery ${fig(cleared / 1000, 2)} s), peak RSS ${run.peakMb} MB`,
  );
  await conn.close();
}

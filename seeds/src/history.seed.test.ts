import { sql } from 'kysely';
import { clearTrades } from '../../server/src/modules/day-end/clearing.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../server/test/harness.js';
import type { Connection, Db } from '../../server/src/db/connect.js';
import { invariantViolations } from '../../server/src/modules/day-end/invariants.queries.js';
import { DEMO_BUSINESS_DATE } from './demo-branch.js';
import { seedPopulation } from './population.seed.js';
import { PER_DAY, seedHistory } from './history.seed.js';

const SCALE = 0.05;
const DAYS = 3;
const opened: Connection[] = [];
afterAll(async () => {
  for (const c of opened) await c.close();
});

async function build(seed: number): Promise<Db> {
  const conn = await openTestDb();
  opened.push(conn);
  await seedPopulation(conn.db, { seed, scale: SCALE, asOf: DEMO_BUSINESS_DATE });
  await seedHistory(conn.db, { seed, scale: SCALE, days: DAYS });
  return conn.db;
}

/** The history's content, timestamps aside. */
async function contentHash(db: Db) {
  const { rows } = await sql<{ h: string }>`SELECT md5(
      (SELECT string_agg(concat_ws('|', order_no, business_date, client_id, code, side, price, quantity, filled_quantity, status, channel), ',' ORDER BY id) FROM orders) ||
      (SELECT string_agg(concat_ws('|', trade_no, quantity, price, amount, commission, stamp_duty, transfer_fee, net_amount), ',' ORDER BY id) FROM trades) ||
      (SELECT string_agg(concat_ws('|', business_date, account_id, type, amount, frozen_delta, balance_after, bank_code), ',' ORDER BY id) FROM fund_journal_all) ||
      (SELECT string_agg(concat_ws('|', id, prev_close), ',' ORDER BY id) FROM securities) ||
      (SELECT string_agg(concat_ws('|', business_date, security_id, close_price, source), ',' ORDER BY business_date, security_id) FROM closing_prices) ||
      (SELECT string_agg(concat_ws('|', business_date, position_id, type, quantity_delta, cost_delta), ',' ORDER BY id) FROM position_journal_all)) AS h`.execute(
    db,
  );
  return rows[0]!.h;
}

describe('the branch history (issue 6)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await build(11);
  }, 120_000);

  it('lives each day through day-end: every invariant holds over the whole history', async () => {
    expect(await invariantViolations(db, 'full')).toEqual([]);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM day_end_runs WHERE status = 'completed'`.execute(db);
    expect(rows[0]!.n).toBe(DAYS);
  });

  it('trades like the branch: ≈ 350 × scale trades a day, orders cancelled, expired and filled', async () => {
    const { rows } = await sql<{
      business_date: string;
      trades: number;
    }>`SELECT business_date, trades::int FROM daily_summaries WHERE trades > 0 ORDER BY business_date`.execute(db);
    expect(rows.length).toBe(DAYS);
    for (const d of rows) expect(d.trades).toBeGreaterThan(PER_DAY.orders * SCALE * 0.5);
    for (const d of rows) expect(d.trades).toBeLessThan(PER_DAY.orders * SCALE * 1.1);
    const { rows: statuses } = await sql<{ status: string }>`SELECT DISTINCT status FROM orders`.execute(db);
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['filled', 'cancelled', 'expired']));
    const { rows: channels } = await sql<{ channel: string }>`SELECT DISTINCT channel FROM orders`.execute(db);
    expect(channels.map((c) => c.channel)).toEqual(expect.arrayContaining(['counter', 'phone', 'online']));
  });

  it('charges the fees clearing charges: clearing each closed day again corrects none of the seeded fills', async () => {
    const { rows } = await sql<{
      business_date: string;
    }>`SELECT business_date::text FROM day_end_runs WHERE status = 'completed' ORDER BY business_date`.execute(db);
    expect(rows.length).toBe(DAYS);
    const Undo = class extends Error {};
    for (const { business_date } of rows) {
      // day-end's own fee check, run again on the day's trades in a transaction that is undone
      let result: { cleared: number; corrected: number } | undefined;
      await db
        .transaction()
        .execute(async (trx) => {
          result = await clearTrades(trx, business_date);
          throw new Undo();
        })
        .catch((e) => {
          if (!(e instanceof Undo)) throw e;
        });
      expect(result!.cleared, business_date).toBeGreaterThan(0);
      expect(result!.corrected, business_date).toBe(0);
    }
  });

  it('has a close for every listed security on every completed day, and tomorrow’s previous close is today’s close', async () => {
    const { rows } = await sql<{ business_date: string; listed: number; closes: number; exchange: number }>`
      SELECT r.business_date::text, (SELECT count(*)::int FROM securities s WHERE s.status = 'listed' AND s.prev_close > 0) AS listed,
        count(c.id)::int AS closes, count(c.id) FILTER (WHERE c.source = 'exchange')::int AS exchange
      FROM day_end_runs r LEFT JOIN closing_prices c ON c.business_date = r.business_date
        AND c.security_id IN (SELECT id FROM securities WHERE status = 'listed' AND prev_close > 0)
      WHERE r.status = 'completed' GROUP BY r.business_date ORDER BY r.business_date`.execute(db);
    expect(rows).toHaveLength(DAYS);
    for (const d of rows) expect(d, d.business_date).toMatchObject({ closes: d.listed, exchange: d.listed });
    const { rows: off } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM securities s JOIN closing_prices c ON c.security_id = s.id
      WHERE c.business_date = (SELECT max(business_date) FROM day_end_runs WHERE status = 'completed') AND s.prev_close <> c.close_price`.execute(
      db,
    );
    expect(off[0]!.n).toBe(0);
    // each day's buys were priced from the previous day's close (the order checks held them to its band)
    const { rows: priced } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM orders o
      JOIN day_end_runs r ON r.next_date = o.business_date AND r.status = 'completed'
      JOIN closing_prices c ON c.business_date = r.business_date AND c.security_id = o.security_id
      JOIN securities s ON s.id = o.security_id
      WHERE o.price > round(c.close_price * (1 + s.price_limit_pct / 100) / s.tick) * s.tick
         OR o.price < round(c.close_price * (1 - s.price_limit_pct / 100) / s.tick) * s.tick`.execute(db);
    expect(priced[0]!.n).toBe(0);
  });

  it('moves prices on each security’s tick, and trades only inside the day’s band (the order checks passed)', async () => {
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM securities WHERE status = 'listed' AND prev_close > 0 AND mod(prev_close, tick) <> 0`.execute(
      db,
    );
    expect(rows[0]!.n).toBe(0);
    const { rows: moved } = await sql<{ n: number }>`SELECT count(DISTINCT price)::int AS n FROM trades`.execute(db);
    expect(moved[0]!.n).toBeGreaterThan(10);
  });

  it('is the same for the same seed, different for another', async () => {
    const again = await build(11);
    const other = await build(12);
    const h = await contentHash(db);
    expect(await contentHash(again)).toBe(h);
    expect(await contentHash(other)).not.toBe(h);
  }, 240_000);
});

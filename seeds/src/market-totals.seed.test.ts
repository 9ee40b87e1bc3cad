import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../server/test/harness.js';
import type { Connection, Db } from '../../server/src/db/connect.js';
import { MARKET_SHARE, seedMarketTotals } from './market-totals.seed.js';

let conn: Connection;
let db: Db;
let branchId: number;

beforeAll(async () => {
  conn = await openTestDb();
  db = conn.db;
  branchId = (await db.selectFrom('branches').select('id').where('code', '=', '0417').executeTakeFirstOrThrow()).id;
});
afterAll(() => conn.close());

const totals = (from: string, to: string) =>
  db
    .selectFrom('market_totals')
    .select(['business_date', 'market', 'turnover', 'note', 'version'])
    .where('business_date', '>=', from)
    .where('business_date', '<=', to)
    .orderBy('business_date')
    .orderBy('market')
    .execute();

/** A day-end summary of the branch's turnover, as day-end writes it. */
async function branchDay(date: string, turnover: string) {
  await sql`INSERT INTO daily_summaries (business_date, branch_id, trades, turnover, commission, net_commission, deposits, withdrawals, client_funds, clients, new_clients, closed_clients)
    VALUES (${date}::date, ${branchId}::bigint, 300, ${turnover}::numeric, 0, 0, 0, 0, 0, 0, 0, 0)`.execute(db);
}

describe('market totals', () => {
  it("are seeded for the year's trading days before the business date, SH-A and SZ-A each", async () => {
    const rows = await totals('2026-01-01', '2026-12-31');
    const days = await db
      .selectFrom('trading_calendar')
      .select('date')
      .where('market', '=', 'SH-A')
      .where('is_trading_day', '=', true)
      .where('date', '>=', '2026-01-01')
      .where('date', '<', '2026-11-23')
      .execute();
    expect(rows).toHaveLength(days.length * 2);
    expect(new Set(rows.map((r) => r.business_date))).toEqual(new Set(days.map((d) => d.date)));
    for (const r of rows) expect(new Decimal(r.turnover).gt(1e9)).toBe(true);
  });

  it("make the branch's turnover about 万分之3.86 of SH + SZ, day by day, in a realistic split", async () => {
    const traded = {
      '2026-10-12': '7100000.00',
      '2026-10-13': '5300000.50',
      '2026-10-14': '9800000.00',
      '2026-10-16': '6400000.00',
    };
    for (const [d, t] of Object.entries(traded)) await branchDay(d, t);
    const r = await seedMarketTotals(db, { seed: 4, from: '2026-10-12', to: '2026-10-16', share: MARKET_SHARE });
    expect(r.days).toBe(5);
    const rows = await totals('2026-10-12', '2026-10-16');
    const byDay = new Map<string, { sh: Decimal; sz: Decimal; note: string }>();
    for (const x of rows) {
      const day = byDay.get(x.business_date) ?? { sh: new Decimal(0), sz: new Decimal(0), note: x.note };
      if (x.market === 'SH-A') day.sh = new Decimal(x.turnover);
      else day.sz = new Decimal(x.turnover);
      byDay.set(x.business_date, day);
    }
    const shares: number[] = [];
    for (const [d, t] of Object.entries(traded)) {
      const m = byDay.get(d)!;
      const share = new Decimal(t).div(m.sh.plus(m.sz)).toNumber();
      expect(share).toBeGreaterThanOrEqual(MARKET_SHARE * 0.8 - 1e-9);
      expect(share).toBeLessThanOrEqual(MARKET_SHARE * 1.2 + 1e-9);
      shares.push(share);
      const sh = m.sh.div(m.sh.plus(m.sz)).toNumber();
      expect(sh).toBeGreaterThan(0.39);
      expect(sh).toBeLessThan(0.47);
    }
    // noise, not a constant
    expect(new Set(shares.map((s) => s.toFixed(7))).size).toBeGreaterThan(1);
    // the day without branch trades (10-15) still has a market of the same order
    const quiet = byDay.get('2026-10-15')!;
    const busy = byDay.get('2026-10-12')!;
    const ratio = quiet.sh.plus(quiet.sz).div(busy.sh.plus(busy.sz)).toNumber();
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    expect(quiet.note).toMatch(/无成交/);
  });

  it('are the same again for the same seed (a re-run replaces, it does not add), other for another', async () => {
    const before = await totals('2026-10-12', '2026-10-16');
    await seedMarketTotals(db, { seed: 4, from: '2026-10-12', to: '2026-10-16', share: MARKET_SHARE });
    const same = await totals('2026-10-12', '2026-10-16');
    expect(same.map((r) => [r.business_date, r.market, r.turnover])).toEqual(
      before.map((r) => [r.business_date, r.market, r.turnover]),
    );
    expect(same.every((r, i) => r.version === before[i]!.version + 1)).toBe(true);
    await seedMarketTotals(db, { seed: 5, from: '2026-10-12', to: '2026-10-16', share: MARKET_SHARE });
    const other = await totals('2026-10-12', '2026-10-16');
    expect(other.map((r) => r.turnover)).not.toEqual(before.map((r) => r.turnover));
  });

  it('skip days the exchanges are closed', async () => {
    // 2026-10-01..07 is the National Day closure
    await seedMarketTotals(db, { seed: 4, from: '2026-09-28', to: '2026-10-09', share: MARKET_SHARE });
    const rows = await totals('2026-09-28', '2026-10-09');
    expect([...new Set(rows.map((r) => r.business_date))]).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
    ]);
  });
});

import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');

describe('成交明细 trade-details', () => {
  it("lists every trade of the period; its fee columns sum to the day's 一级清算 (clearing_summaries)", async () => {
    for (const date of w.closed) {
      const { preview, csvBody } = await threeFormats(
        w,
        w.s.clerk,
        'trade_details',
        `date_from=${date}&date_to=${date}`,
      );
      const { rows } = await sql<Record<string, string>>`
        SELECT coalesce(sum(trades), 0)::text AS trades, coalesce(sum(buy_amount + sell_amount), 0)::text AS amount,
          coalesce(sum(commission), 0)::text AS commission, coalesce(sum(stamp_duty), 0)::text AS stamp_duty,
          coalesce(sum(transfer_fee), 0)::text AS transfer_fee, coalesce(sum(handling_fee), 0)::text AS handling_fee,
          coalesce(sum(regulatory_fee), 0)::text AS regulatory_fee
        FROM clearing_summaries WHERE business_date = ${date}::date`.execute(w.t.db);
      const c = rows[0]!;
      expect(Number(c.trades)).toBeGreaterThan(0);
      expect(preview.total_rows).toBe(Number(c.trades));
      const total = preview.lines.find((l) => l.kind === 'total')!;
      for (const k of ['amount', 'commission', 'stamp_duty', 'transfer_fee', 'handling_fee', 'regulatory_fee'])
        expect(num(total.cells[k]).toFixed(2), `${date} ${k}`).toBe(new Decimal(c[k]!).toFixed(2));
      // the CSV's rows add up to the same totals
      const feeCol = preview.columns.findIndex((col) => col.key === 'commission') + 1;
      const sum = csvBody.filter((r) => /^\d+$/.test(r[0]!)).reduce((s, r) => s.plus(r[feeCol]!), new Decimal(0));
      expect(sum.toFixed(2)).toBe(new Decimal(c.commission!).toFixed(2));
    }
  });

  it('filters by client and market, and shows names beside codes and sides in words', async () => {
    const { rows } = await sql<{
      client_id: number;
      market: string;
    }>`SELECT client_id, market FROM trades ORDER BY id LIMIT 1`.execute(w.t.db);
    const t = rows[0]!;
    const q = `date_from=${w.closed[0]}&date_to=${w.last}&client_id=${t.client_id}&market=${t.market}`;
    const { preview } = await threeFormats(w, w.s.manager, 'trade_details', q);
    const { rows: n } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM trades WHERE client_id = ${t.client_id} AND market = ${t.market}`.execute(w.t.db);
    expect(preview.total_rows).toBe(n[0]!.n);
    const row = preview.lines[0]!.cells;
    expect(['买入', '卖出']).toContain(row.side);
    expect(row.client_name).toMatch(/\p{Script=Han}/u);
    expect(String(preview.header.params)).toMatch(/客户：\d+ \p{Script=Han}+/u);
    expect(String(preview.header.params)).toMatch(/市场：上海A股|市场：深圳A股/);
  });
});

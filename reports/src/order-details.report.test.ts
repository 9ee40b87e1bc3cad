import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');

describe('委托明细 order-details', () => {
  it('every order of the period with its status in words; what filled is 成交明细, what did not is cancelled or expired', async () => {
    const q = `date_from=${w.closed[0]}&date_to=${w.last}`;
    const { preview } = await threeFormats(w, w.s.clerk, 'order_details', q);
    const { rows } = await sql<{ n: number; quantity: string }>`
      SELECT count(*)::int AS n, sum(quantity)::text AS quantity FROM orders
      WHERE business_date BETWEEN ${w.closed[0]}::date AND ${w.last}::date`.execute(w.t.db);
    expect(preview.total_rows).toBe(rows[0]!.n);
    const total = preview.lines.find((l) => l.kind === 'total')!.cells;
    expect(num(total.quantity).toFixed(0)).toBe(new Decimal(rows[0]!.quantity).toFixed(0));
    const trades = await previewAll(w, w.s.clerk, 'trade_details', q);
    const traded = trades.lines.find((l) => l.kind === 'total')!.cells;
    expect(num(total.filled_quantity).toFixed(0)).toBe(num(traded.quantity).toFixed(0));
    expect(num(total.filled_amount).toFixed(2)).toBe(num(traded.amount).toFixed(2));
    const lines = preview.lines.filter((l) => l.kind === 'row');
    expect(lines.every((l) => /\p{Script=Han}/u.test(l.cells.status!) && /\p{Script=Han}/u.test(l.cells.side!))).toBe(
      true,
    );
    // a closed day leaves no order open: each is filled, or its rest cancelled or expired
    for (const l of lines) {
      const c = l.cells;
      const rest = num(c.quantity).minus(num(c.filled_quantity));
      if (rest.gt(0)) expect(['已撤单', '部分撤单', '已失效'], c.order_no).toContain(c.status);
    }
  });
});

import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');

describe('客户成交 client-trades', () => {
  it('is 成交明细 grouped by client: trades, volume, amounts each way, commission, fees and net cash', async () => {
    const q = `date_from=${w.closed[0]}&date_to=${w.last}`;
    const { preview } = await threeFormats(w, w.s.clerk, 'client_trades', q);
    const details = await previewAll(w, w.s.clerk, 'trade_details', q);
    const sum = new Map<string, Record<string, Decimal>>();
    const zero = () =>
      Object.fromEntries(
        ['trades', 'quantity', 'buy', 'sell', 'commission', 'fees', 'net'].map((k) => [k, new Decimal(0)]),
      );
    for (const l of details.lines.filter((x) => x.kind === 'row')) {
      const c = l.cells;
      const s = sum.get(c.client_no!) ?? zero();
      s.trades = s.trades!.plus(1);
      s.quantity = s.quantity!.plus(num(c.quantity));
      if (c.side === '买入') s.buy = s.buy!.plus(num(c.amount));
      else s.sell = s.sell!.plus(num(c.amount));
      s.commission = s.commission!.plus(num(c.commission));
      s.fees = s
        .fees!.plus(num(c.stamp_duty))
        .plus(num(c.transfer_fee))
        .plus(num(c.handling_fee))
        .plus(num(c.regulatory_fee));
      s.net = s.net!.plus(num(c.net_cash));
      sum.set(c.client_no!, s);
    }
    const lines = preview.lines.filter((l) => l.kind === 'row');
    // one line per client and currency; the small branch's clients trade in one currency each
    expect(lines.length).toBe(sum.size);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      const c = l.cells;
      const s = sum.get(c.client_no!)!;
      expect(num(c.trades).toFixed(0), c.client_no).toBe(s.trades!.toFixed(0));
      expect(num(c.quantity).toFixed(0), c.client_no).toBe(s.quantity!.toFixed(0));
      expect(num(c.buy_amount).toFixed(2), c.client_no).toBe(s.buy!.toFixed(2));
      expect(num(c.sell_amount).toFixed(2), c.client_no).toBe(s.sell!.toFixed(2));
      expect(num(c.commission).toFixed(2), c.client_no).toBe(s.commission!.toFixed(2));
      expect(num(c.other_fees).toFixed(2), c.client_no).toBe(s.fees!.toFixed(2));
      expect(num(c.net_cash).toFixed(2), c.client_no).toBe(s.net!.toFixed(2));
    }
  });
});

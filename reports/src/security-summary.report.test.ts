import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');

describe('证券汇总 security-summary', () => {
  it('is 成交明细 grouped by security: trades, volume and amount each way, buyers, sellers, commission', async () => {
    const q = `date_from=${w.closed[0]}&date_to=${w.last}`;
    const { preview } = await threeFormats(w, w.s.clerk, 'security_summary', q);
    const details = await previewAll(w, w.s.clerk, 'trade_details', q);
    const bySecurity = new Map<
      string,
      {
        trades: number;
        buyQ: Decimal;
        buyA: Decimal;
        sellQ: Decimal;
        sellA: Decimal;
        commission: Decimal;
        buyers: Set<string>;
        sellers: Set<string>;
      }
    >();
    for (const l of details.lines.filter((x) => x.kind === 'row')) {
      const c = l.cells;
      const s = bySecurity.get(c.code!) ?? {
        trades: 0,
        buyQ: new Decimal(0),
        buyA: new Decimal(0),
        sellQ: new Decimal(0),
        sellA: new Decimal(0),
        commission: new Decimal(0),
        buyers: new Set<string>(),
        sellers: new Set<string>(),
      };
      s.trades++;
      if (c.side === '买入') {
        s.buyQ = s.buyQ.plus(num(c.quantity));
        s.buyA = s.buyA.plus(num(c.amount));
        s.buyers.add(c.client_no!);
      } else {
        s.sellQ = s.sellQ.plus(num(c.quantity));
        s.sellA = s.sellA.plus(num(c.amount));
        s.sellers.add(c.client_no!);
      }
      s.commission = s.commission.plus(num(c.commission));
      bySecurity.set(c.code!, s);
    }
    const lines = preview.lines.filter((l) => l.kind === 'row');
    expect(lines.length).toBe(bySecurity.size);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      const c = l.cells;
      const s = bySecurity.get(c.code!)!;
      expect(Number(num(c.trades)), c.code).toBe(s.trades);
      expect(num(c.buy_quantity).toFixed(0), c.code).toBe(s.buyQ.toFixed(0));
      expect(num(c.buy_amount).toFixed(2), c.code).toBe(s.buyA.toFixed(2));
      expect(num(c.sell_quantity).toFixed(0), c.code).toBe(s.sellQ.toFixed(0));
      expect(num(c.sell_amount).toFixed(2), c.code).toBe(s.sellA.toFixed(2));
      expect(num(c.amount).toFixed(2), c.code).toBe(s.buyA.plus(s.sellA).toFixed(2));
      expect(Number(num(c.buyers)), c.code).toBe(s.buyers.size);
      expect(Number(num(c.sellers)), c.code).toBe(s.sellers.size);
      expect(num(c.commission).toFixed(2), c.code).toBe(s.commission.toFixed(2));
    }
  });
});

import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');

describe('成交排名 trade-ranking', () => {
  it('the top-N by turnover and by commission equal 成交明细 grouped the same way', async () => {
    const period = `date_from=${w.closed[0]}&date_to=${w.last}`;
    const details = await previewAll(w, w.s.manager, 'trade_details', period);
    const byClient = new Map<string, { turnover: Decimal; commission: Decimal; trades: number }>();
    for (const l of details.lines.filter((x) => x.kind === 'row')) {
      const g = byClient.get(l.cells.client_no!) ?? { turnover: new Decimal(0), commission: new Decimal(0), trades: 0 };
      g.turnover = g.turnover.plus(num(l.cells.amount));
      g.commission = g.commission.plus(num(l.cells.commission));
      g.trades++;
      byClient.set(l.cells.client_no!, g);
    }
    for (const by of ['turnover', 'commission'] as const) {
      const top = 5;
      const { preview } = await threeFormats(
        w,
        w.s.manager,
        'trade_ranking',
        `${period}&dimension=client&by=${by}&top=${top}`,
      );
      const expected = [...byClient]
        .sort((a, b) => b[1][by].comparedTo(a[1][by]) || a[0].localeCompare(b[0]))
        .slice(0, top);
      const rows = preview.lines.filter((l) => l.kind === 'row');
      expect(rows.map((r) => r.cells.code)).toEqual(expected.map(([code]) => code));
      rows.forEach((r, i) => {
        expect(num(r.cells.turnover).toFixed(2)).toBe(expected[i]![1].turnover.toFixed(2));
        expect(num(r.cells.commission).toFixed(2)).toBe(expected[i]![1].commission.toFixed(2));
        expect(r.cells.trades).toBe(String(expected[i]![1].trades));
      });
      const total = preview.lines.find((l) => l.kind === 'total')!;
      expect(num(total.cells[by]).toFixed(2)).toBe(
        expected.reduce((s, [, g]) => s.plus(g[by]), new Decimal(0)).toFixed(2),
      );
      expect(String(preview.header.params)).toContain(`前 ${top} 名`);
    }
  });

  it('ranks securities and client managers; a top-N of 0 or 10⁹ is refused with the reason', async () => {
    const period = `date_from=${w.closed[0]}&date_to=${w.last}`;
    for (const dimension of ['security', 'client_manager']) {
      const r = await w.t.call('GET', `/api/reports/trade_ranking?${period}&dimension=${dimension}`, {
        as: w.s.manager,
      });
      expect(r.status).toBe(200);
      expect(r.json.lines.length).toBeGreaterThan(0);
    }
    for (const top of ['0', '1000000000', 'abc']) {
      const r = await w.t.call('GET', `/api/reports/trade_ranking?${period}&top=${top}`, { as: w.s.manager });
      expect(r.status).toBe(400);
      expect(r.json.error.fields.top).toBeTruthy();
    }
  });
});

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

describe('资金业务汇总 fund-business-summary', () => {
  it("the period's 合计 is the fund journal's: entries, cash in, cash out and frozen change", async () => {
    const q = `date_from=${w.closed[0]}&date_to=${w.last}&currency=CNY`;
    const { preview } = await threeFormats(w, w.s.clerk, 'fund_business_summary', q);
    const { rows } = await sql<{ n: number; credit: string; debit: string; frozen: string; types: number }>`
      SELECT count(*)::int AS n, sum(greatest(j.amount, 0))::text AS credit, sum(greatest(-j.amount, 0))::text AS debit,
        sum(j.frozen_delta)::text AS frozen, count(DISTINCT (j.business_date, j.type))::int AS types
      FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
      WHERE j.business_date BETWEEN ${w.closed[0]}::date AND ${w.last}::date AND a.currency = 'CNY'`.execute(w.t.db);
    const j = rows[0]!;
    expect(preview.total_rows).toBe(j.types);
    const total = preview.lines.find((l) => l.kind === 'total')!.cells;
    expect(Number(num(total.entries))).toBe(j.n);
    expect(num(total.credit).toFixed(2)).toBe(new Decimal(j.credit).toFixed(2));
    expect(num(total.debit).toFixed(2)).toBe(new Decimal(j.debit).toFixed(2));
    expect(num(total.frozen).toFixed(2)).toBe(new Decimal(j.frozen).toFixed(2));
    expect(num(total.credit).minus(num(total.debit)).toFixed(2)).toBe(num(total.net).toFixed(2));
    // business types in words, in finance's order within each day
    const rowsOf = preview.lines.filter((l) => l.kind === 'row');
    expect(rowsOf.every((l) => /\p{Script=Han}/u.test(l.cells.type!))).toBe(true);
    const order = [
      '存入',
      '取出',
      '转进',
      '转出',
      '汇进',
      '汇出',
      '银证转入',
      '银证转出',
      '买入交收',
      '卖出交收',
      '费用',
      '利息',
      '冲销',
      '冻结',
      '解冻',
    ];
    for (let i = 1; i < rowsOf.length; i++) {
      const [a, b] = [rowsOf[i - 1]!.cells, rowsOf[i]!.cells];
      if (a.business_date === b.business_date) expect(order.indexOf(a.type!)).toBeLessThan(order.indexOf(b.type!));
    }
  });

  it("each day's 小计 net is that day's movement on 资金日计表: 本日余额 − 上日余额", async () => {
    const q = `date_from=${w.closed[0]}&date_to=${w.last}&currency=CNY`;
    const summary = await previewAll(w, w.s.clerk, 'fund_business_summary', q);
    const days = summary.lines.filter((l) => l.kind === 'subtotal');
    expect(days.length).toBe(w.closed.length);
    for (const day of days) {
      const statement = await previewAll(w, w.s.clerk, 'daily_fund_statement', `date=${day.label}&currency=CNY`);
      const s = statement.lines.find((l) => l.kind === 'subtotal')!.cells;
      expect(num(day.cells.net).toFixed(2), day.label).toBe(num(s.closing).minus(num(s.opening)).toFixed(2));
      expect(num(day.cells.entries).toFixed(0), day.label).toBe(num(s.entries).toFixed(0));
    }
  });
});

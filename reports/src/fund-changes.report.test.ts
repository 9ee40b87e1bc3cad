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

describe('资金变动 fund-changes', () => {
  it('期初 + 收入 − 支出 = 期末 on every line; 期末 is 资金余额 of the end date, 期初 that of the day before the period', async () => {
    expect(w.closed.length).toBeGreaterThan(2);
    const from = w.closed[1]!;
    const q = `date_from=${from}&date_to=${w.last}`;
    const { preview } = await threeFormats(w, w.s.clerk, 'fund_changes', q);
    const lines = preview.lines.filter((l) => l.kind === 'row');
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) {
      const c = l.cells;
      expect(num(c.opening).plus(num(c.credit)).minus(num(c.debit)).toFixed(2), c.account_no).toBe(
        num(c.closing).toFixed(2),
      );
    }
    const end = await previewAll(w, w.s.clerk, 'fund_balances', `date=${w.last}`);
    const before = await previewAll(w, w.s.clerk, 'fund_balances', `date=${w.closed[0]}`);
    for (const s of preview.lines.filter((l) => l.kind === 'subtotal')) {
      const e = end.lines.find((l) => l.kind === 'subtotal' && l.label === s.label)!;
      const b = before.lines.find((l) => l.kind === 'subtotal' && l.label === s.label);
      expect(num(s.cells.closing).toFixed(2), `${s.label} closing`).toBe(num(e.cells.balance).toFixed(2));
      expect(num(s.cells.opening).toFixed(2), `${s.label} opening`).toBe(num(b?.cells.balance).toFixed(2));
    }
  });

  it("收入 and 支出 are the journal's in the period, per account", async () => {
    const { rows } = await sql<{ account_no: string; credit: string; debit: string; n: number }>`
      SELECT a.account_no, sum(greatest(j.amount, 0))::text AS credit, sum(greatest(-j.amount, 0))::text AS debit, count(*)::int AS n
      FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
      WHERE j.business_date BETWEEN ${w.closed[0]}::date AND ${w.last}::date
      GROUP BY a.account_no ORDER BY count(*) DESC LIMIT 5`.execute(w.t.db);
    const report = await previewAll(w, w.s.clerk, 'fund_changes', `date_from=${w.closed[0]}&date_to=${w.last}`);
    for (const r of rows) {
      const line = report.lines.find((l) => l.kind === 'row' && l.cells.account_no === r.account_no)!;
      expect(num(line.cells.credit).toFixed(2)).toBe(new Decimal(r.credit).toFixed(2));
      expect(num(line.cells.debit).toFixed(2)).toBe(new Decimal(r.debit).toFixed(2));
      expect(Number(num(line.cells.entries))).toBe(r.n);
    }
  });
});

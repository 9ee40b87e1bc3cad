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

describe('资金流水 fund-ledger', () => {
  it('lists every entry of the period in order, each with the balance after it; in − out is the net movement', async () => {
    const q = `date_from=${w.closed[0]}&date_to=${w.last}`;
    const { preview } = await threeFormats(w, w.s.clerk, 'fund_ledger', q);
    const { rows } = await sql<{ n: number; net: string }>`
      SELECT count(*)::int AS n, sum(amount)::text AS net FROM fund_journal_all
      WHERE business_date BETWEEN ${w.closed[0]}::date AND ${w.last}::date`.execute(w.t.db);
    expect(preview.total_rows).toBe(rows[0]!.n);
    const total = preview.lines.find((l) => l.kind === 'total')!;
    expect(num(total.cells.credit).minus(num(total.cells.debit)).toFixed(2)).toBe(new Decimal(rows[0]!.net).toFixed(2));
  });

  it("per account: each entry's balance is the previous one plus the entry (the running balance)", async () => {
    const { rows } = await sql<{ client_id: number }>`
      SELECT a.client_id FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
      GROUP BY a.client_id ORDER BY count(*) DESC LIMIT 1`.execute(w.t.db);
    const { preview } = await threeFormats(
      w,
      w.s.clerk,
      'fund_ledger',
      `date_from=${w.closed[0]}&date_to=${w.last}&client_id=${rows[0]!.client_id}`,
    );
    const lines = preview.lines.filter((l) => l.kind === 'row');
    expect(lines.length).toBeGreaterThan(1);
    for (let i = 1; i < lines.length; i++) {
      const prev = num(lines[i - 1]!.cells.balance_after);
      const l = lines[i]!.cells;
      expect(prev.plus(num(l.credit)).minus(num(l.debit)).toFixed(2)).toBe(num(l.balance_after).toFixed(2));
    }
    expect(lines.every((l) => /\p{Script=Han}/u.test(l.cells.type!))).toBe(true);
  });
});

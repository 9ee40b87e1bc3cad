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

describe('资金余额 fund-balances', () => {
  it("each account's balance at a closed date is its last journal entry's balance; available = balance − frozen; a 小计 per currency", async () => {
    for (const date of [w.closed[0]!, w.last]) {
      const { preview } = await threeFormats(w, w.s.clerk, 'fund_balances', `date=${date}`);
      const { rows } = await sql<{ account_no: string; balance: string; frozen: string }>`
        SELECT a.account_no, last.balance_after AS balance, last.frozen_after AS frozen FROM fund_accounts a
        JOIN LATERAL (SELECT j.balance_after, j.frozen_after FROM fund_journal_all j WHERE j.account_id = a.id
                      AND j.business_date <= ${date}::date ORDER BY j.business_date DESC, j.id DESC LIMIT 1) last ON true`.execute(
        w.t.db,
      );
      const ledger = new Map(rows.map((r) => [r.account_no, r]));
      const lines = preview.lines.filter((l) => l.kind === 'row');
      expect(lines.length).toBeGreaterThan(100);
      for (const l of lines) {
        const e = ledger.get(l.cells.account_no!);
        expect(num(l.cells.balance).toFixed(2), l.cells.account_no).toBe(new Decimal(e?.balance ?? 0).toFixed(2));
        expect(num(l.cells.frozen).toFixed(2)).toBe(new Decimal(e?.frozen ?? 0).toFixed(2));
        expect(num(l.cells.available).toFixed(2)).toBe(num(l.cells.balance).minus(num(l.cells.frozen)).toFixed(2));
        expect(num(l.cells.total_assets).toFixed(2)).toBe(
          num(l.cells.balance).plus(num(l.cells.market_value)).toFixed(2),
        );
      }
      const subtotals = preview.lines.filter((l) => l.kind === 'subtotal');
      expect(subtotals.map((s) => s.label)).toContain('人民币');
      expect(preview.lines.some((l) => l.kind === 'total')).toBe(false); // no sum across currencies
    }
  });

  it("market value is the client's holdings at that day's close, as 证券余额 shows them", async () => {
    const balances = await threeFormats(w, w.s.manager, 'fund_balances', `date=${w.last}&currency=CNY`);
    const holdings = await threeFormats(w, w.s.manager, 'holdings', `date=${w.last}`);
    const cny = holdings.preview.lines.find((l) => l.kind === 'subtotal' && l.label === '人民币')!;
    const mv = balances.preview.lines.find((l) => l.kind === 'subtotal')!;
    expect(num(mv.cells.market_value).toFixed(2)).toBe(num(cny.cells.market_value).toFixed(2));
  });
});

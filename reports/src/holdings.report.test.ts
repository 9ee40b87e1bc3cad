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

/** Each position's quantity at the close of `date`, from its last journal entry on or before it. */
async function quantities(date: string) {
  const { rows } = await sql<{ client_no: string; code: string; quantity: number }>`
    SELECT c.client_no, s.code, last.quantity_after::int AS quantity FROM positions p
    JOIN clients c ON c.id = p.client_id JOIN securities s ON s.id = p.security_id
    JOIN LATERAL (SELECT j.quantity_after FROM position_journal_all j WHERE j.position_id = p.id AND j.business_date <= ${date}::date
                  ORDER BY j.business_date DESC, j.id DESC LIMIT 1) last ON true
    WHERE last.quantity_after > 0`.execute(w.t.db);
  return new Map(rows.map((r) => [`${r.client_no} ${r.code}`, r.quantity]));
}

describe('证券余额 holdings', () => {
  it("quantities equal the holdings at each closed date; market value is quantity × that day's close", async () => {
    for (const date of [w.closed[0]!, w.last]) {
      const { preview } = await threeFormats(w, w.s.clerk, 'holdings', `date=${date}`);
      const expected = await quantities(date);
      const rows = preview.lines.filter((l) => l.kind === 'row');
      expect(rows.length).toBe(expected.size);
      for (const r of rows) {
        expect(Number(r.cells.quantity!.replaceAll(',', '')), `${date} ${r.cells.client_no} ${r.cells.code}`).toBe(
          expected.get(`${r.cells.client_no} ${r.cells.code}`),
        );
        expect(num(r.cells.market_value).toFixed(2)).toBe(
          num(r.cells.quantity).times(num(r.cells.close_price)).toFixed(2),
        );
        expect(num(r.cells.profit).toFixed(2)).toBe(num(r.cells.market_value).minus(num(r.cells.cost)).toFixed(2));
      }
      const { rows: closes } = await sql<{ code: string; close_price: string }>`
        SELECT s.code, cp.close_price FROM closing_prices cp JOIN securities s ON s.id = cp.security_id
        WHERE cp.business_date = ${date}::date`.execute(w.t.db);
      const close = new Map(closes.map((c) => [c.code, c.close_price]));
      for (const r of rows.slice(0, 50))
        expect(num(r.cells.close_price).toFixed(3)).toBe(new Decimal(close.get(r.cells.code!)!).toFixed(3));
    }
  });
});

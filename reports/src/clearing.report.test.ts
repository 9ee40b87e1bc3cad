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

describe('一级清算 and 二级清算 clearing-first, clearing-second', () => {
  it('一级清算 of a closed day equals what day-end wrote (clearing_summaries), seat by seat', async () => {
    for (const date of w.closed) {
      const { preview } = await threeFormats(w, w.s.clerk, 'clearing_first', `date=${date}`);
      const { rows } = await sql<Record<string, string>>`
        SELECT cs.seat_no, cs.trades::text, cs.buy_amount::text, cs.sell_amount::text, cs.commission::text,
          cs.stamp_duty::text, cs.transfer_fee::text, cs.handling_fee::text, cs.regulatory_fee::text, cs.net_payable::text
        FROM clearing_summaries cs WHERE cs.business_date = ${date}::date`.execute(w.t.db);
      const lines = preview.lines.filter((l) => l.kind === 'row');
      expect(lines.length, date).toBe(rows.length);
      expect(lines.length).toBeGreaterThan(0);
      for (const r of rows) {
        const l = lines.find((x) => x.cells.seat_no === r.seat_no)!.cells;
        for (const k of [
          'trades',
          'buy_amount',
          'sell_amount',
          'commission',
          'stamp_duty',
          'transfer_fee',
          'handling_fee',
          'regulatory_fee',
          'net_payable',
        ])
          expect(num(l[k]).toFixed(2), `${date} ${r.seat_no} ${k}`).toBe(new Decimal(r[k]!).toFixed(2));
      }
    }
  });

  it('per market and seat: Σ 二级清算 net = 一级清算 net + net commission; Σ 二级 is the cash 交割 posted', async () => {
    for (const date of w.closed) {
      const first = await previewAll(w, w.s.clerk, 'clearing_first', `date=${date}`);
      const { preview: second } = await threeFormats(w, w.s.clerk, 'clearing_second', `date=${date}`);
      const seats = second.lines.filter((l) => l.kind === 'subtotal');
      expect(seats.length).toBe(first.lines.filter((l) => l.kind === 'row').length);
      let clients = new Decimal(0);
      for (const s of seats) {
        const f = first.lines.find(
          (l) => l.kind === 'row' && `${l.cells.market_name} ${l.cells.seat_no}` === s.label,
        )!.cells;
        expect(num(s.cells.net_payable).toFixed(2), `${date} ${s.label}`).toBe(
          num(f.net_payable).plus(num(f.net_commission)).toFixed(2),
        );
        for (const k of ['trades', 'buy_amount', 'sell_amount', 'commission', 'stamp_duty', 'transfer_fee'])
          expect(num(s.cells[k]).toFixed(2), `${date} ${s.label} ${k}`).toBe(num(f[k]).toFixed(2));
        clients = clients.plus(num(s.cells.net_payable));
      }
      // 交割 moved exactly that cash out of (and into) the clients' accounts, in every currency together
      const { rows } = await sql<{ net: string | null }>`
        SELECT sum(amount)::text AS net FROM fund_journal_all
        WHERE business_date = ${date}::date AND type IN ('trade_buy', 'trade_sell')`.execute(w.t.db);
      expect(new Decimal(rows[0]!.net ?? 0).neg().toFixed(2), date).toBe(clients.toFixed(2));
    }
  });
});

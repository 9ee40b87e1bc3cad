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

describe('银行转账 bank-transfer-summary', () => {
  it("per bank: the journal's 银证转入 and 银证转出; the total is 资金业务汇总's two lines", async () => {
    // two transfers each way at two banks today, through the counter
    const banks = await w.t.db.selectFrom('banks').select(['code', 'name_zh']).orderBy('code').limit(2).execute();
    const accounts = await w.t.db
      .selectFrom('fund_accounts')
      .select('id')
      .where('currency', '=', 'CNY')
      .where('status', '=', 'active')
      .where('balance', '>', '5000')
      .orderBy('id')
      .limit(2)
      .execute();
    let k = 0;
    for (const b of banks)
      for (const a of accounts)
        for (const [type, amount] of [
          ['bank_in', '3000.00'],
          ['bank_out', '1000.50'],
        ] as const) {
          const r = await w.t.call('POST', '/api/fund_journal', {
            as: w.s.teller,
            body: {
              account_id: a.id,
              type,
              amount,
              bank_code: b.code,
              idempotency_key: `bank-transfer-summary-${++k}`,
            },
          });
          expect(r.status, JSON.stringify(r.json)).toBe(201);
        }
    const q = `date_from=${w.closed[0]}&date_to=${w.open}&currency=CNY`;
    const { preview } = await threeFormats(w, w.s.clerk, 'bank_transfer_summary', q);
    const { rows } = await sql<{ bank: string; n_in: number; a_in: string; n_out: number; a_out: string }>`
      SELECT b.name_zh AS bank, count(*) FILTER (WHERE j.type = 'bank_in')::int AS n_in,
        coalesce(sum(j.amount) FILTER (WHERE j.type = 'bank_in'), 0)::text AS a_in,
        count(*) FILTER (WHERE j.type = 'bank_out')::int AS n_out,
        coalesce(-sum(j.amount) FILTER (WHERE j.type = 'bank_out'), 0)::text AS a_out
      FROM fund_journal_all j JOIN banks b ON b.code = j.bank_code JOIN fund_accounts a ON a.id = j.account_id
      WHERE j.type IN ('bank_in', 'bank_out') AND a.currency = 'CNY'
        AND j.business_date BETWEEN ${w.closed[0]}::date AND ${w.open}::date
      GROUP BY b.name_zh`.execute(w.t.db);
    const subs = preview.lines.filter((l) => l.kind === 'subtotal');
    expect(subs.length).toBe(rows.length);
    expect(subs.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      const s = subs.find((l) => l.label === r.bank)!.cells;
      expect(num(s.in_count).toNumber(), r.bank).toBe(r.n_in);
      expect(num(s.in_amount).toFixed(2), r.bank).toBe(new Decimal(r.a_in).toFixed(2));
      expect(num(s.out_count).toNumber(), r.bank).toBe(r.n_out);
      expect(num(s.out_amount).toFixed(2), r.bank).toBe(new Decimal(r.a_out).toFixed(2));
      expect(num(s.net).toFixed(2)).toBe(num(s.in_amount).minus(num(s.out_amount)).toFixed(2));
    }
    const summary = await previewAll(w, w.s.clerk, 'fund_business_summary', q);
    const sum = (type: string, col: string) =>
      summary.lines
        .filter((l) => l.kind === 'row' && l.cells.type === type)
        .reduce((s, l) => s.plus(num(l.cells[col])), new Decimal(0));
    const total = preview.lines.find((l) => l.kind === 'total')!.cells;
    expect(num(total.in_amount).toFixed(2)).toBe(sum('银证转入', 'credit').toFixed(2));
    expect(num(total.out_amount).toFixed(2)).toBe(sum('银证转出', 'debit').toFixed(2));
    expect(num(total.in_count).plus(num(total.out_count)).toNumber()).toBe(
      sum('银证转入', 'entries').plus(sum('银证转出', 'entries')).toNumber(),
    );
  });
});

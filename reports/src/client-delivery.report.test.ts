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

describe('客户交割单 client-delivery', () => {
  it("equals the client's delivery postings day by day; the balance after the day's last trade is the journal's", async () => {
    const { rows } = await sql<{ client_id: number }>`
      SELECT client_id FROM trades GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 3`.execute(w.t.db);
    for (const { client_id } of rows) {
      const { preview } = await threeFormats(
        w,
        w.s.teller,
        'client_delivery',
        `client_id=${client_id}&date_from=${w.closed[0]}&date_to=${w.last}`,
      );
      const { rows: postings } = await sql<{ business_date: string; amount: string; balance: string }>`
        SELECT j.business_date::text, sum(j.amount)::text AS amount,
          (array_agg(j.balance_after ORDER BY j.id DESC))[1]::text AS balance
        FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
        WHERE a.client_id = ${client_id} AND j.reference LIKE '交割 %'
          AND j.business_date BETWEEN ${w.closed[0]}::date AND ${w.last}::date
        GROUP BY j.business_date ORDER BY 1`.execute(w.t.db);
      const lines = preview.lines.filter((l) => l.kind === 'row');
      expect(lines.length).toBeGreaterThan(0);
      for (const p of postings) {
        const day = lines.filter((l) => l.cells.business_date === p.business_date);
        expect(day.reduce((s, l) => s.plus(num(l.cells.cash)), new Decimal(0)).toFixed(2), p.business_date).toBe(
          new Decimal(p.amount).toFixed(2),
        );
        // each posting's balance is the balance after its group's last trade
        expect(day.map((l) => num(l.cells.balance_after).toFixed(2))).toContain(new Decimal(p.balance).toFixed(2));
      }
      expect(new Set(lines.map((l) => l.cells.business_date)).size).toBe(postings.length);
      for (const l of lines) expect(['证券买入', '证券卖出']).toContain(l.cells.business);
    }
  });

  it("needs a client; another branch's client is a 404, not an empty file", async () => {
    const none = await w.t.call('GET', '/api/reports/client_delivery', { as: w.s.teller });
    expect(none.status).toBe(400);
    expect(none.json.error.fields.client_id).toBeTruthy();
    const other = await w.t.db
      .insertInto('branches')
      .values({ code: '0998', name: '测试他部' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await w.t.db
      .insertInto('clients')
      .values({
        client_no: '0998000001',
        name: '他部客户',
        id_number: '110105194912310021',
        gender: 'M',
        birth_date: '1949-12-31',
        branch_id: other.id,
        opened_on: w.last,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const f of ['', '/xlsx', '/pdf', '/csv']) {
      const r = await w.t.call('GET', `/api/reports/client_delivery${f}?client_id=${c.id}`, { as: w.s.teller });
      expect(r.status, f).toBe(404);
    }
    const hq = await w.t.call('GET', `/api/reports/client_delivery?client_id=${c.id}`, { as: w.s.hq });
    expect(hq.status).toBe(200);
  });
});

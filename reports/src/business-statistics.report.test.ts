import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');

describe('业务统计 business-statistics', () => {
  it("its 合计 is 资金业务汇总's for the period; each operator's 小计 is their 资金流水 (本柜台流水)", async () => {
    const q = `date_from=${w.closed[0]}&date_to=${w.open}&currency=CNY`;
    // a deposit at the counter today, so the teller has a line
    const acct = await w.t.db
      .selectFrom('fund_accounts')
      .select('id')
      .where('currency', '=', 'CNY')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const dep = await w.t.call('POST', '/api/fund_journal', {
      as: w.s.teller,
      body: { account_id: acct.id, type: 'deposit', amount: '1234.56', idempotency_key: 'business-statistics-1' },
    });
    expect(dep.status, JSON.stringify(dep.json)).toBe(201);

    const { preview } = await threeFormats(w, w.s.clerk, 'business_statistics', q);
    const summary = await previewAll(w, w.s.clerk, 'fund_business_summary', q);
    const total = preview.lines.find((l) => l.kind === 'total')!.cells;
    const all = summary.lines.find((l) => l.kind === 'total')!.cells;
    for (const k of ['entries', 'credit', 'debit', 'frozen'])
      expect(num(total[k]).toFixed(2), k).toBe(num(all[k]).toFixed(2));

    const operators = preview.lines.filter((l) => l.kind === 'subtotal');
    // the teller's counter and the clerk who ran day-end (its deliveries and interest are theirs)
    expect(operators.length).toBeGreaterThanOrEqual(2);
    const teller = await w.t.db
      .selectFrom('operators')
      .select(['id', 'name'])
      .where('username', '=', 'teller')
      .executeTakeFirstOrThrow();
    expect(operators.map((l) => l.label)).toContain(teller.name);
    const own = await previewAll(
      w,
      w.s.clerk,
      'fund_ledger',
      `date_from=${w.closed[0]}&date_to=${w.open}&currency=CNY&operator_id=${teller.id}`,
    );
    const ownTotal = own.lines.find((l) => l.kind === 'total')!.cells;
    const sub = operators.find((l) => l.label === teller.name)!.cells;
    expect(num(sub.entries).toNumber()).toBe(own.total_rows);
    expect(num(sub.credit).toFixed(2)).toBe(num(ownTotal.credit).toFixed(2));
    expect(num(sub.debit).toFixed(2)).toBe(num(ownTotal.debit).toFixed(2));
    expect(own.lines.filter((l) => l.kind === 'row').every((l) => l.cells.operator_name === teller.name)).toBe(true);

    // 本柜台: with the operator chosen, only theirs
    const mine = await previewAll(w, w.s.clerk, 'business_statistics', `${q}&operator_id=${teller.id}`);
    expect(mine.lines.filter((l) => l.kind === 'subtotal').map((l) => l.label)).toEqual([teller.name]);
  });
});

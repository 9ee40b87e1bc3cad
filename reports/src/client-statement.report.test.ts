import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
let clientId: number;
beforeAll(async () => {
  w = await reportWorld();
  // the client with the most cash movements and trades
  const { rows } = await sql<{ client_id: number }>`
    SELECT a.client_id FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
    WHERE EXISTS (SELECT 1 FROM trades t WHERE t.client_id = a.client_id)
    GROUP BY a.client_id ORDER BY count(*) DESC, a.client_id LIMIT 1`.execute(w.t.db);
  clientId = rows[0]!.client_id;
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');
type Preview = Awaited<ReturnType<typeof previewAll>>;
const itemsOf = (p: Preview, item: string) => p.lines.filter((l) => l.kind === 'row' && l.cells.item === item);

describe('客户对账单 client-statement', () => {
  it('期初 + 收入 − 支出 = 期末 per currency; the cash lines are 资金流水’s for the client; the trades 交割单’s', async () => {
    const q = `client_id=${clientId}&date_from=${w.closed[0]}&date_to=${w.last}`;
    const { preview } = await threeFormats(w, w.s.teller, 'client_statement', q);
    const cash = preview.lines.filter((l) => l.kind === 'subtotal' && /^资金/.test(l.label!));
    expect(cash.length).toBeGreaterThan(0);
    for (const s of cash) {
      const currency = s.label!.split(' ')[1];
      const open = itemsOf(preview, '期初资金余额').find((l) => l.cells.currency === currency)!;
      const close = itemsOf(preview, '期末资金余额').find((l) => l.cells.currency === currency)!;
      expect(num(open.cells.balance).plus(num(s.cells.credit)).minus(num(s.cells.debit)).toFixed(2), s.label).toBe(
        num(close.cells.balance).toFixed(2),
      );
    }
    const ledger = await previewAll(
      w,
      w.s.clerk,
      'fund_ledger',
      `client_id=${clientId}&date_from=${w.closed[0]}&date_to=${w.last}`,
    );
    const lt = ledger.lines.find((l) => l.kind === 'total')!.cells;
    const sumOf = (col: string) => cash.reduce((d, s) => d.plus(num(s.cells[col])), new Decimal(0));
    expect(sumOf('credit').toFixed(2)).toBe(num(lt.credit).toFixed(2));
    expect(sumOf('debit').toFixed(2)).toBe(num(lt.debit).toFixed(2));

    const delivery = await previewAll(w, w.s.teller, 'client_delivery', q);
    const trades = preview.lines.find((l) => l.kind === 'subtotal' && l.label === '成交')!.cells;
    const dt = delivery.lines.find((l) => l.kind === 'total')!.cells;
    expect(num(trades.amount).toFixed(2)).toBe(num(dt.amount).toFixed(2));
    expect(num(trades.fees).toFixed(2)).toBe(
      num(dt.commission).plus(num(dt.stamp_duty)).plus(num(dt.transfer_fee)).toFixed(2),
    );
    expect(num(trades.credit).minus(num(trades.debit)).toFixed(2)).toBe(num(dt.cash).toFixed(2));
    expect(preview.lines.filter((l) => l.kind === 'row').every((l) => /\p{Script=Han}/u.test(l.cells.item!))).toBe(
      true,
    );
  });

  it("a period's closing cash and holdings are the next period's opening", async () => {
    expect(w.closed.length).toBeGreaterThanOrEqual(3);
    const mid = Math.floor(w.closed.length / 2);
    const first = await previewAll(
      w,
      w.s.teller,
      'client_statement',
      `client_id=${clientId}&date_from=${w.closed[0]}&date_to=${w.closed[mid - 1]}`,
    );
    const second = await previewAll(
      w,
      w.s.teller,
      'client_statement',
      `client_id=${clientId}&date_from=${w.closed[mid]}&date_to=${w.last}`,
    );
    const cashOf = (p: Preview, item: string) => itemsOf(p, item).map((l) => `${l.cells.currency} ${l.cells.balance}`);
    expect(cashOf(second, '期初资金余额')).toEqual(cashOf(first, '期末资金余额'));
    const holdingsOf = (p: Preview, item: string) =>
      itemsOf(p, item)
        .map((l) => `${l.cells.code} ${l.cells.quantity}`)
        .sort();
    expect(holdingsOf(first, '期末持仓').length).toBeGreaterThan(0);
    expect(holdingsOf(second, '期初持仓')).toEqual(holdingsOf(first, '期末持仓'));
    // the holdings at the end are 证券余额's for the client that day
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM positions WHERE client_id = ${clientId}`.execute(w.t.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
    const holdings = await previewAll(w, w.s.clerk, 'holdings', `date=${w.last}&client_id=${clientId}`);
    const fromHoldings = holdings.lines
      .filter((l) => l.kind === 'row')
      .map((l) => `${l.cells.code} ${l.cells.quantity}`)
      .sort();
    expect(holdingsOf(second, '期末持仓')).toEqual(fromHoldings);
  });
});

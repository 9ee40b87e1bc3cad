import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntry } from '../../server/src/modules/ledger/ledger.service.js';
import { previewAll, reportWorld, threeFormats, type World } from '../test/world.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const num = (s: string | undefined) => new Decimal((s ?? '0').replaceAll(',', '') || '0');

describe('客户透支 overdrafts', () => {
  it('lists exactly the accounts below zero available, with the line, the overdraft and the share of the line used', async () => {
    // none in the small branch's closed days: every account keeps available ≥ 0 without a line
    const closed = await previewAll(w, w.s.clerk, 'overdrafts', `date=${w.last}`);
    expect(closed.total_rows).toBe(0);

    // a line of 10,000.00 on two CNY accounts; fees taken beyond their balance (as day-end may)
    const accounts = await w.t.db
      .selectFrom('fund_accounts')
      .select(['id', 'account_no', 'balance', 'frozen'])
      .where('currency', '=', 'CNY')
      .where('status', '=', 'active')
      .where('balance', '>', '0')
      .orderBy('id')
      .limit(2)
      .execute();
    const teller = await w.t.db
      .selectFrom('operators')
      .selectAll()
      .where('username', '=', 'teller')
      .executeTakeFirstOrThrow();
    const actor = {
      operator_id: teller.id,
      username: 'teller',
      branch_id: teller.branch_id,
      ip: '',
      request_id: 'od',
      at: new Date(),
    };
    const expected = new Map<string, Decimal>();
    for (const [i, a] of accounts.entries()) {
      await w.t.db.updateTable('fund_accounts').set({ credit_line: '10000.00' }).where('id', '=', a.id).execute();
      const over = new Decimal(i === 0 ? '2500.50' : '10000.00');
      const amount = new Decimal(a.balance).minus(a.frozen).plus(over);
      await postEntry(w.t.db, actor, null, {
        account_id: a.id,
        type: 'fee',
        amount: amount.toFixed(2),
        idempotency_key: `overdraft-${a.id}`,
      });
      // past the line nothing more goes out: the second account is at its line
      const more = postEntry(w.t.db, actor, null, {
        account_id: a.id,
        type: 'fee',
        amount: '0.01',
        idempotency_key: `overdraft-more-${a.id}`,
      });
      if (i === 0) await more;
      else await expect(more).rejects.toMatchObject({ status: 400 });
      expected.set(a.account_no, i === 0 ? over.plus('0.01') : over);
    }

    const { preview } = await threeFormats(w, w.s.clerk, 'overdrafts', `date=${w.open}`);
    expect(preview.header.status).toContain('未日终');
    const lines = preview.lines.filter((l) => l.kind === 'row');
    expect(lines.map((l) => l.cells.account_no).sort()).toEqual([...expected.keys()].sort());
    for (const l of lines) {
      const c = l.cells;
      expect(num(c.overdraft).toFixed(2)).toBe(expected.get(c.account_no!)!.toFixed(2));
      expect(num(c.frozen).minus(num(c.balance)).toFixed(2)).toBe(num(c.overdraft).toFixed(2));
      expect(num(c.credit_line).toFixed(2)).toBe('10000.00');
    }
    const full = lines.find((l) => num(l.cells.overdraft).eq(10000))!;
    expect(full.cells.line_used).toBe('100.0000%');
    const sub = preview.lines.find((l) => l.kind === 'subtotal')!;
    expect(num(sub.cells.overdraft).toFixed(2)).toBe(
      [...expected.values()].reduce((s, d) => s.plus(d), new Decimal(0)).toFixed(2),
    );
  });
});

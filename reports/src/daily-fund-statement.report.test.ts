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

/** Each currency's balance at the close of `date`, from each account's last journal entry on or before it. */
async function ledgerClosing(date: string) {
  const { rows } = await sql<{ currency: string; balance: string }>`
    SELECT a.currency, sum(last.balance_after)::text AS balance FROM fund_accounts a
    JOIN LATERAL (SELECT j.balance_after FROM fund_journal_all j WHERE j.account_id = a.id AND j.business_date <= ${date}::date
                  ORDER BY j.business_date DESC, j.id DESC LIMIT 1) last ON true
    GROUP BY a.currency`.execute(w.t.db);
  return new Map(rows.map((r) => [r.currency, new Decimal(r.balance)]));
}

describe('资金日计表 daily-fund-statement', () => {
  it('balances per currency: 上日余额 + 贷方 − 借方 = 本日余额, the closing equals the ledger and 资金余额, the opening the day before', async () => {
    const { preview } = await threeFormats(w, w.s.clerk, 'daily_fund_statement', `date=${w.last}`);
    expect(preview.header.status).toBe('已日终');
    const subtotals = preview.lines.filter((l) => l.kind === 'subtotal');
    expect(subtotals.length).toBeGreaterThan(0);
    const ledger = await ledgerClosing(w.last);
    const before = await ledgerClosing(w.closed[w.closed.length - 2]!);
    const balances = await previewAll(w, w.s.clerk, 'fund_balances', `date=${w.last}`);
    for (const s of subtotals) {
      const { opening, credit, debit, closing } = s.cells;
      expect(num(opening).plus(num(credit)).minus(num(debit)).toFixed(2)).toBe(num(closing).toFixed(2));
      const currency = preview.lines.find((l) => l.kind === 'row' && l.cells.currency === s.label)?.cells.currency;
      const code = { 人民币: 'CNY', 美元: 'USD', 港币: 'HKD' }[currency!]!;
      expect(num(closing).toFixed(2), `${code} closing vs ledger`).toBe(
        (ledger.get(code) ?? new Decimal(0)).toFixed(2),
      );
      expect(num(opening).toFixed(2), `${code} opening vs the day before`).toBe(
        (before.get(code) ?? new Decimal(0)).toFixed(2),
      );
      const fb = balances.lines.find((l) => l.kind === 'subtotal' && l.label === s.label);
      expect(num(fb?.cells.balance).toFixed(2), `${code} closing vs 资金余额`).toBe(num(closing).toFixed(2));
    }
    expect(preview.notes.join('\n')).toContain('平衡');
    expect(preview.notes.join('\n')).not.toContain('不平衡');
  });

  it('counts each business type of the day as the journal does', async () => {
    const { preview } = await threeFormats(w, w.s.clerk, 'daily_fund_statement', `date=${w.last}&currency=CNY`);
    const { rows } = await sql<{ type: string; n: number; debit: string; credit: string }>`
      SELECT j.type, count(*)::int AS n, sum(CASE WHEN j.amount < 0 THEN -j.amount ELSE 0 END)::text AS debit,
        sum(CASE WHEN j.amount > 0 THEN j.amount ELSE 0 END)::text AS credit
      FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
      WHERE j.business_date = ${w.last}::date AND a.currency = 'CNY' GROUP BY j.type`.execute(w.t.db);
    expect(rows.length).toBeGreaterThan(2);
    const words: Record<string, string> = {
      deposit: '存款',
      withdrawal: '取款',
      bank_in: '银证转入',
      bank_out: '银证转出',
      trade_buy: '买入清算',
      trade_sell: '卖出清算',
      interest: '利息',
      unfreeze: '解冻（不影响余额）',
      freeze: '冻结（不影响余额）',
    };
    for (const r of rows) {
      if (!words[r.type]) continue;
      const line = preview.lines.find((l) => l.cells.line === words[r.type]);
      expect(line, r.type).toBeDefined();
      expect(line!.cells.entries).toBe(String(r.n));
      expect(num(line!.cells.debit).toFixed(2)).toBe(new Decimal(r.debit).toFixed(2));
      expect(num(line!.cells.credit).toFixed(2)).toBe(new Decimal(r.credit).toFixed(2));
    }
  });

  it('says 未日终 for the open day, in both languages', async () => {
    const zh = await w.t.call('GET', `/api/reports/daily_fund_statement?date=${w.open}`, { as: w.s.clerk });
    expect(zh.json.header.status).toBe('未日终 · 数据未最终确认');
    const en = await w.t.call('GET', `/api/reports/daily_fund_statement?date=${w.open}`, {
      as: w.s.clerk,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json.header.status).toBe('day-end not completed · figures not final');
    expect(en.json.columns.map((c: { label: string }) => c.label)).toContain('Debit');
  });

  it('defaults to the last closed business date', async () => {
    const r = await w.t.call('GET', '/api/reports/daily_fund_statement', { as: w.s.clerk });
    expect(r.json.header.period).toBe(`业务日期：${w.last}`);
  });
});

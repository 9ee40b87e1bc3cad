import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { accountsAt, currencyLabel, currencyOrder, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 资金变动: each fund account over a period — 期初余额 (the close of the day before the period),
 * 收入 and 支出 in it, 期末余额 (the close of its last day) — with a 小计 per currency. The closing
 * is the account as it stood at the end date's close (what 资金余额 shows for that date); the
 * opening is the closing less the period's journal, so 期初 + 收入 − 支出 = 期末 line by line.
 * Accounts with nothing at either end and no movement are left out.
 */
export default defineReport<{ date_from: string; date_to: string; currency?: string; client_id?: number }>({
  id: 'fund_changes',
  title: L('资金变动', 'Fund changes'),
  description: L(
    '期间内每个资金账户的期初余额、收入、支出与期末余额，按币种小计',
    'Each fund account over a period: opening, in, out and closing, per currency',
  ),
  params: [P.dateFrom(), P.dateTo(), P.currency(), P.client(), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH acc AS (${accountsAt(ctx, p.date_to)}),
      moved AS (
        SELECT j.account_id, count(*) AS entries,
          sum(CASE WHEN j.amount > 0 THEN j.amount ELSE 0 END) AS credit,
          sum(CASE WHEN j.amount < 0 THEN -j.amount ELSE 0 END) AS debit
        FROM fund_journal_all j
        WHERE j.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
        GROUP BY j.account_id
      )
      SELECT ${currencyOrder('acc.currency')} AS currency_order, acc.currency, acc.account_no, c.client_no,
        c.name AS client_name, acc.balance - coalesce(m.credit, 0) + coalesce(m.debit, 0) AS opening,
        coalesce(m.credit, 0) AS credit, coalesce(m.debit, 0) AS debit, acc.balance AS closing,
        coalesce(m.entries, 0) AS entries, br.name AS branch_name
      FROM acc
      JOIN clients c ON c.id = acc.client_id
      JOIN branches br ON br.id = acc.branch_id
      LEFT JOIN moved m ON m.account_id = acc.id
      WHERE (m.account_id IS NOT NULL OR acc.balance <> 0)
        ${when(p.currency, 'acc.currency')} ${when(p.client_id, 'acc.client_id')}`,
    ),
  order: [
    ['currency_order', 'asc'],
    ['account_no', 'asc'],
  ],
  group: { key: 'currency_order', label: (r, lang) => currencyLabel(String(r.currency), lang) },
  grandTotal: false,
  columns: [
    { key: 'account_no', label: L('资金账号', 'Account'), type: 'code' },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 10 },
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 7 },
    { key: 'opening', label: L('期初余额', 'Opening'), type: 'money', sum: true, width: 16 },
    { key: 'credit', label: L('收入金额', 'In'), type: 'money', sum: true, width: 16 },
    { key: 'debit', label: L('支出金额', 'Out'), type: 'money', sum: true, width: 16 },
    { key: 'closing', label: L('期末余额', 'Closing'), type: 'money', sum: true, width: 16 },
    { key: 'entries', label: L('笔数', 'Entries'), type: 'count', sum: true, width: 7 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

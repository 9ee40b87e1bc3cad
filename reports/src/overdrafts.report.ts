import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P } from './params.js';
import { accountsAt, currencyLabel, currencyOrder, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 客户透支: the fund accounts whose available cash (balance − frozen) stood below zero at the close
 * of a date — possible only within an account's credit line (DOMAIN.md §3.3) — with the line, the
 * amount overdrawn and the share of the line used, a 小计 per currency.
 */
export default defineReport<{ date: string; currency?: string; client_id?: number }>({
  id: 'overdrafts',
  title: L('客户透支', 'Client overdrafts'),
  description: L(
    '某日日终可用资金为负的资金账户：余额、冻结、信用额度、透支金额与额度使用率',
    "Fund accounts below zero available at a day's close: balance, frozen, credit line, overdraft and use of the line",
  ),
  params: [P.date(), P.currency(), P.client(), P.branch()],
  dateParam: 'date',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH acc AS (${accountsAt(ctx, p.date)})
      SELECT ${currencyOrder('acc.currency')} AS currency_order, acc.currency, acc.account_no, c.client_no,
        c.name AS client_name, c.phone, acc.balance, acc.frozen, fa.credit_line,
        acc.frozen - acc.balance AS overdraft, (acc.frozen - acc.balance) / nullif(fa.credit_line, 0) AS line_used,
        br.name AS branch_name
      FROM acc
      JOIN fund_accounts fa ON fa.id = acc.id
      JOIN clients c ON c.id = acc.client_id
      JOIN branches br ON br.id = acc.branch_id
      WHERE acc.balance - acc.frozen < 0 ${when(p.currency, 'acc.currency')} ${when(p.client_id, 'acc.client_id')}`,
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
    { key: 'phone', label: L('联系电话', 'Phone'), type: 'code', width: 13 },
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 7 },
    { key: 'balance', label: L('资金余额', 'Balance'), type: 'money', sum: true },
    { key: 'frozen', label: L('冻结资金', 'Frozen'), type: 'money', sum: true, width: 13 },
    { key: 'credit_line', label: L('信用额度', 'Credit line'), type: 'money', sum: true, width: 14 },
    { key: 'overdraft', label: L('透支金额', 'Overdraft'), type: 'money', sum: true, width: 14 },
    { key: 'line_used', label: L('额度使用率', 'Line used'), type: 'rate', width: 10 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

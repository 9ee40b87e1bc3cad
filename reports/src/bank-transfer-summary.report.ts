import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { inBranch, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 银行转账: the bank-securities transfers (银证转入 / 银证转出) of a period per bank and client —
 * count and amount each way and the net into the branch — with a 小计 per bank, in one currency.
 * The bank's side of 银行清算: each bank's 小计 is what it moved for the branch's clients.
 */
export default defineReport<{ date_from: string; date_to: string; currency: string; client_id?: number }>({
  id: 'bank_transfer_summary',
  title: L('银行转账', 'Bank transfers'),
  description: L(
    '期间内各银行每个客户的银证转入、转出笔数与金额及净转入，按银行小计',
    'Per bank and client in a period: transfers in and out (count and amount) and the net, per bank',
  ),
  params: [P.dateFrom(), P.dateTo(), P.currency(true), P.client(), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT b.code AS bank_code, ${sql.ref(ctx.lang === 'zh' ? 'b.name_zh' : 'b.name_en')} AS bank_name, a.account_no,
        c.client_no, c.name AS client_name, br.name AS branch_name,
        count(*) FILTER (WHERE j.type = 'bank_in') AS in_count,
        coalesce(sum(j.amount) FILTER (WHERE j.type = 'bank_in'), 0) AS in_amount,
        count(*) FILTER (WHERE j.type = 'bank_out') AS out_count,
        coalesce(-sum(j.amount) FILTER (WHERE j.type = 'bank_out'), 0) AS out_amount,
        sum(j.amount) AS net
      FROM fund_journal_all j
      JOIN fund_accounts a ON a.id = j.account_id
      JOIN clients c ON c.id = a.client_id
      JOIN banks b ON b.code = j.bank_code
      JOIN branches br ON br.id = j.branch_id
      WHERE j.type IN ('bank_in', 'bank_out') AND j.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
        AND a.currency = ${p.currency} ${inBranch(ctx, 'j.branch_id')} ${when(p.client_id, 'a.client_id')}
      GROUP BY b.code, b.name_zh, b.name_en, a.account_no, c.client_no, c.name, br.name`,
    ),
  order: [
    ['bank_code', 'asc'],
    ['account_no', 'asc'],
  ],
  group: { key: 'bank_code', label: (r) => String(r.bank_name) },
  columns: [
    { key: 'bank_name', label: L('银行', 'Bank'), type: 'text', width: 12 },
    { key: 'account_no', label: L('资金账号', 'Account'), type: 'code' },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 10 },
    { key: 'in_count', label: L('转入笔数', 'In (count)'), type: 'count', sum: true, width: 8 },
    { key: 'in_amount', label: L('转入金额', 'In'), type: 'money', sum: true, width: 16 },
    { key: 'out_count', label: L('转出笔数', 'Out (count)'), type: 'count', sum: true, width: 8 },
    { key: 'out_amount', label: L('转出金额', 'Out'), type: 'money', sum: true, width: 16 },
    { key: 'net', label: L('净转入', 'Net in'), type: 'money', sum: true, width: 16 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

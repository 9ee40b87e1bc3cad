import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { inBranch, rows, when } from './sql.js';

/**
 * 资金流水: every journal entry of a period, per account or all, with the balance after each (DOMAIN.md §3.3);
 * with an operator chosen, that counter's journal (本柜台流水; 业务统计 totals it).
 */
export default defineReport<{
  date_from: string;
  date_to: string;
  client_id?: number;
  currency?: string;
  operator_id?: number;
}>({
  id: 'fund_ledger',
  title: { zh: '资金流水', en: 'Fund journal' },
  description: {
    zh: '期间内每一笔资金流水及发生后余额，可按客户、币种筛选',
    en: 'Every fund journal entry of a period with the balance after it; by client or currency',
  },
  params: [P.dateFrom(), P.dateTo(), P.client(), P.currency(), P.operator(), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT j.business_date, j.id, a.account_no, c.client_no, c.name AS client_name, a.currency, j.type,
        CASE WHEN j.amount > 0 THEN j.amount ELSE 0 END AS credit,
        CASE WHEN j.amount < 0 THEN -j.amount ELSE 0 END AS debit,
        j.frozen_delta, j.balance_after, j.frozen_after, j.reference, op.name AS operator_name, br.name AS branch_name
      FROM fund_journal_all j
      JOIN fund_accounts a ON a.id = j.account_id
      JOIN clients c ON c.id = a.client_id
      JOIN branches br ON br.id = j.branch_id
      LEFT JOIN operators op ON op.id = j.operator_id
      WHERE j.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
        ${inBranch(ctx, 'j.branch_id')} ${when(p.client_id, 'a.client_id')} ${when(p.currency, 'a.currency')}
        ${when(p.operator_id, 'j.operator_id')}`,
    ),
  order: [
    ['business_date', 'asc'],
    ['id', 'asc'],
  ],
  columns: [
    { key: 'business_date', label: { zh: '业务日期', en: 'Date' }, type: 'date' },
    { key: 'id', label: { zh: '流水号', en: 'Entry' }, type: 'code', width: 9 },
    { key: 'account_no', label: { zh: '资金账号', en: 'Account' }, type: 'code' },
    { key: 'client_no', label: { zh: '客户号', en: 'Client no.' }, type: 'code', width: 11 },
    { key: 'client_name', label: { zh: '客户名', en: 'Client' }, type: 'text', width: 10 },
    { key: 'currency', label: { zh: '币种', en: 'Currency' }, type: 'enum', dict: 'currency', width: 7 },
    { key: 'type', label: { zh: '业务类别', en: 'Type' }, type: 'enum', dict: 'journal_type' },
    { key: 'credit', label: { zh: '收入金额', en: 'In' }, type: 'money', sum: true, width: 14 },
    { key: 'debit', label: { zh: '支出金额', en: 'Out' }, type: 'money', sum: true, width: 14 },
    { key: 'frozen_delta', label: { zh: '冻结变动', en: 'Frozen change' }, type: 'money', sum: true, width: 13 },
    { key: 'balance_after', label: { zh: '资金余额', en: 'Balance' }, type: 'money' },
    { key: 'reference', label: { zh: '摘要', en: 'Note' }, type: 'text', width: 24 },
    { key: 'operator_name', label: { zh: '柜员', en: 'Operator' }, type: 'text', width: 8 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { inBranch, journalTypeValues, rows } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 资金业务汇总: each business day of a period, the count and amounts of each business type of the
 * fund journal (存取、转账、银证、交收、费用、利息、冲销、冻结) in one currency, a 小计 per day and the
 * period's 合计 — the journal counted, so its totals are the journal's for the period.
 */
export default defineReport<{ date_from: string; date_to: string; currency: string }>({
  id: 'fund_business_summary',
  title: L('资金业务汇总', 'Fund business summary'),
  description: L(
    '期间内每日各类资金业务的笔数、收入、支出与冻结发生额，按日小计',
    'Per day of a period: the count, cash in, cash out and frozen change of each business type',
  ),
  params: [P.dateFrom(), P.dateTo(), P.currency(true), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH types(seq, type) AS (VALUES ${journalTypeValues()})
      SELECT j.business_date, j.branch_id, br.name AS branch_name, j.type, types.seq AS type_seq, count(*) AS entries,
        sum(CASE WHEN j.amount > 0 THEN j.amount ELSE 0 END) AS credit,
        sum(CASE WHEN j.amount < 0 THEN -j.amount ELSE 0 END) AS debit,
        sum(j.amount) AS net, sum(j.frozen_delta) AS frozen
      FROM fund_journal_all j
      JOIN fund_accounts a ON a.id = j.account_id
      JOIN branches br ON br.id = j.branch_id
      JOIN types ON types.type = j.type
      WHERE j.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date AND a.currency = ${p.currency}
        ${inBranch(ctx, 'j.branch_id')}
      GROUP BY j.business_date, j.branch_id, br.name, j.type, types.seq`,
    ),
  order: [
    ['business_date', 'asc'],
    ['branch_id', 'asc'],
    ['type_seq', 'asc'],
  ],
  group: { key: 'business_date', label: (r) => String(r.business_date) },
  columns: [
    { key: 'business_date', label: L('业务日期', 'Date'), type: 'date' },
    { key: 'type', label: L('业务类别', 'Type'), type: 'enum', dict: 'journal_type', width: 12 },
    { key: 'entries', label: L('笔数', 'Entries'), type: 'count', sum: true, width: 8 },
    { key: 'credit', label: L('收入金额', 'In'), type: 'money', sum: true, width: 17 },
    { key: 'debit', label: L('支出金额', 'Out'), type: 'money', sum: true, width: 17 },
    { key: 'net', label: L('净额', 'Net'), type: 'money', sum: true, width: 17 },
    { key: 'frozen', label: L('冻结发生额', 'Frozen change'), type: 'money', sum: true, width: 14 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

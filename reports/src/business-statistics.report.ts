import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { inBranch, journalTypeValues, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 业务统计 (柜台流水合计): the fund business each operator did in a period — count and amounts of
 * each business type — with a 小计 per operator and the 合计 of every counter (全部柜台); with an
 * operator chosen, that counter's own (本柜台). Day-end's postings (deliveries, interest) are
 * the operator's who ran it; postings with no operator (none today) count under 系统. 资金流水
 * filtered by the same operator lists the entries.
 */
export default defineReport<{ date_from: string; date_to: string; currency: string; operator_id?: number }>({
  id: 'business_statistics',
  title: L('业务统计', 'Business statistics'),
  description: L(
    '期间内每个柜员各类资金业务的笔数与发生额，按柜员小计，合计为全部柜台',
    'Per operator in a period: the count and amounts of each business type; the total is every counter',
  ),
  params: [P.dateFrom(), P.dateTo(), P.currency(true), P.operator(), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH types(seq, type) AS (VALUES ${journalTypeValues()})
      SELECT coalesce(op.id, 0) AS operator_key, coalesce(op.name, ${ctx.lang === 'zh' ? '系统' : 'System'}) AS operator_name,
        op.username, j.branch_id, br.name AS branch_name, j.type, types.seq AS type_seq, count(*) AS entries,
        sum(CASE WHEN j.amount > 0 THEN j.amount ELSE 0 END) AS credit,
        sum(CASE WHEN j.amount < 0 THEN -j.amount ELSE 0 END) AS debit,
        sum(j.frozen_delta) AS frozen
      FROM fund_journal_all j
      JOIN fund_accounts a ON a.id = j.account_id
      JOIN branches br ON br.id = j.branch_id
      JOIN types ON types.type = j.type
      LEFT JOIN operators op ON op.id = j.operator_id
      WHERE j.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date AND a.currency = ${p.currency}
        ${inBranch(ctx, 'j.branch_id')} ${when(p.operator_id, 'j.operator_id')}
      GROUP BY op.id, op.name, op.username, j.branch_id, br.name, j.type, types.seq`,
    ),
  order: [
    ['operator_key', 'asc'],
    ['branch_id', 'asc'],
    ['type_seq', 'asc'],
  ],
  group: { key: 'operator_key', label: (r) => String(r.operator_name) },
  columns: [
    { key: 'operator_name', label: L('柜员', 'Operator'), type: 'text', width: 10 },
    { key: 'username', label: L('柜员代码', 'Username'), type: 'code', width: 10 },
    { key: 'type', label: L('业务类别', 'Type'), type: 'enum', dict: 'journal_type', width: 12 },
    { key: 'entries', label: L('笔数', 'Entries'), type: 'count', sum: true, width: 8 },
    { key: 'credit', label: L('收入金额', 'In'), type: 'money', sum: true, width: 17 },
    { key: 'debit', label: L('支出金额', 'Out'), type: 'money', sum: true, width: 17 },
    { key: 'frozen', label: L('冻结发生额', 'Frozen change'), type: 'money', sum: true, width: 14 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

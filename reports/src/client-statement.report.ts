import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { accountsAt, currencyLabel, currencyOrder, positionsAt, rows } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/** The calendar day before a 'YYYY-MM-DD' date: the close the period opens from. */
export const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const SECTION: Record<string, { zh: string; en: string }> = {
  '2': L('成交', 'Trades'),
  '3': L('期初持仓', 'Holdings at the start'),
  '4': L('期末持仓', 'Holdings at the end'),
};

/**
 * 对账单: one client's statement of a period (a month, normally) — per currency the cash at the
 * close before the period, every journal entry with the balance after it (deposits, transfers,
 * deliveries, fees, interest, reversals) and the cash at its last close; every trade with its
 * fees; the holdings at both ends at those days' closes. Its closing is the next period's
 * opening, and its cash lines are 资金流水's for the client.
 */
export default defineReport<{ client_id: number; date_from: string; date_to: string }>({
  id: 'client_statement',
  title: L('客户对账单', 'Client statement'),
  description: L(
    '一个客户期间内（通常为一个月）的期初期末资金与持仓、每笔资金变动、每笔成交及费用、利息',
    "One client's period (a month): opening and closing cash and holdings, every movement, every trade with fees, interest",
  ),
  params: [P.client(true), P.dateFrom(), P.dateTo()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH acc_end AS (${accountsAt(ctx, p.date_to)}),
      acc AS (SELECT * FROM acc_end WHERE client_id = ${p.client_id}),
      moved AS (
        SELECT j.account_id, sum(j.amount) AS amount FROM fund_journal_all j JOIN acc ON acc.id = j.account_id
        WHERE j.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date GROUP BY j.account_id
      ),
      pos_start AS (${positionsAt(ctx, dayBefore(p.date_from))}),
      pos_end AS (${positionsAt(ctx, p.date_to)})
      SELECT '1' || ${currencyOrder('acc.currency')} AS section, acc.currency, 0::bigint AS seq, ${dayBefore(p.date_from)}::date AS business_date,
        'opening_cash' AS item, acc.account_no AS code, NULL::text AS security_name, NULL::bigint AS quantity, NULL::numeric AS price,
        NULL::numeric AS amount, NULL::numeric AS fees, NULL::numeric AS credit, NULL::numeric AS debit,
        acc.balance - coalesce(moved.amount, 0) AS balance
      FROM acc LEFT JOIN moved ON moved.account_id = acc.id
      UNION ALL
      SELECT '1' || ${currencyOrder('acc.currency')}, acc.currency, j.id, j.business_date, j.type, j.reference, NULL, NULL, NULL,
        NULL, NULL, greatest(j.amount, 0), greatest(-j.amount, 0), j.balance_after
      FROM fund_journal_all j JOIN acc ON acc.id = j.account_id
      WHERE j.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
      UNION ALL
      SELECT '1' || ${currencyOrder('acc.currency')}, acc.currency, 9223372036854775807, ${p.date_to}::date, 'closing_cash',
        acc.account_no, NULL, NULL, NULL, NULL, NULL, NULL, NULL, acc.balance
      FROM acc
      UNION ALL
      SELECT '2', m.currency, t.id, t.business_date, t.side, t.code, s.name, t.quantity, t.price, t.amount,
        t.commission + t.stamp_duty + t.transfer_fee,
        CASE WHEN t.side = 'sell' THEN t.net_amount END, CASE WHEN t.side = 'buy' THEN t.net_amount END, NULL
      FROM trades t JOIN securities s ON s.id = t.security_id JOIN markets m ON m.code = t.market
      WHERE t.client_id = ${p.client_id} AND t.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
      UNION ALL
      SELECT '3', m.currency, ps.id, ${dayBefore(p.date_from)}::date, 'opening_holding', s.code, s.name, ps.quantity, ps.close_price,
        round(ps.quantity * ps.close_price, 2), NULL, NULL, NULL, NULL
      FROM pos_start ps JOIN securities s ON s.id = ps.security_id JOIN markets m ON m.code = s.market
      WHERE ps.client_id = ${p.client_id} AND ps.quantity > 0
      UNION ALL
      SELECT '4', m.currency, pe.id, ${p.date_to}::date, 'closing_holding', s.code, s.name, pe.quantity, pe.close_price,
        round(pe.quantity * pe.close_price, 2), NULL, NULL, NULL, NULL
      FROM pos_end pe JOIN securities s ON s.id = pe.security_id JOIN markets m ON m.code = s.market
      WHERE pe.client_id = ${p.client_id} AND pe.quantity > 0`,
    ),
  order: [
    ['section', 'asc'],
    ['seq', 'asc'],
  ],
  group: {
    key: 'section',
    label: (r, lang) =>
      String(r.section).startsWith('1')
        ? `${lang === 'zh' ? '资金' : 'Cash'} ${currencyLabel(String(r.currency), lang)}`
        : SECTION[String(r.section)]![lang],
  },
  grandTotal: false,
  columns: [
    { key: 'business_date', label: L('日期', 'Date'), type: 'date' },
    { key: 'item', label: L('摘要', 'Item'), type: 'enum', dict: 'statement_item', width: 12 },
    { key: 'code', label: L('证券代码/账号/备注', 'Code / account / note'), type: 'text', width: 16 },
    { key: 'security_name', label: L('证券名称', 'Security'), type: 'text', width: 10 },
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 7 },
    { key: 'quantity', label: L('数量', 'Quantity'), type: 'quantity', width: 9 },
    { key: 'price', label: L('价格', 'Price'), type: 'price', width: 9 },
    { key: 'amount', label: L('成交金额/市值', 'Amount / value'), type: 'money', sum: true, width: 14 },
    { key: 'fees', label: L('费用', 'Fees'), type: 'money', sum: true, width: 10 },
    { key: 'credit', label: L('收入', 'In'), type: 'money', sum: true, width: 14 },
    { key: 'debit', label: L('支出', 'Out'), type: 'money', sum: true, width: 14 },
    { key: 'balance', label: L('资金余额', 'Balance'), type: 'money', width: 15 },
  ],
  orientation: 'landscape',
});

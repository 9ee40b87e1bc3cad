import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { rows } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 客户交割单: one client's deliveries of a period, trade by trade, in the columns of a broker's
 * statement (REPORTS.md): each trade's fees and 清算金额, and the cash and shares the client had
 * right after it. Day-end posts a client's trades netted per market and seat (one journal entry);
 * the balance after a trade is that entry's balance less the cash of the entry's later trades. A
 * trade of the open day has no balance yet (delivered at day-end).
 */
export default defineReport<{ client_id: number; date_from: string; date_to: string }>({
  id: 'client_delivery',
  title: L('客户交割单', 'Client delivery statement'),
  description: L(
    '一个客户期间内的逐笔交割：成交、费用、清算金额及其后的资金余额与股份余额',
    "One client's deliveries of a period, trade by trade, with fees and the balances after each",
  ),
  params: [P.client(true), P.dateFrom(), P.dateTo()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH t AS (
        SELECT t.id, t.business_date, t.trade_no, t.market, t.seat_no, t.code, t.side, t.price, t.quantity, t.amount,
          t.commission, t.stamp_duty, t.transfer_fee, t.shareholder_code, o.fund_account_id, o.shareholder_account_id, t.security_id,
          CASE WHEN t.side = 'sell' THEN t.net_amount ELSE -t.net_amount END AS cash,
          CASE WHEN t.side = 'sell' THEN -t.quantity ELSE t.quantity END AS shares
        FROM trades t JOIN orders o ON o.id = t.order_id
        WHERE t.client_id = ${p.client_id} AND t.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
      ),
      settled AS (
        SELECT t.*,
          (SELECT j.balance_after FROM fund_journal_all j
           WHERE j.account_id = t.fund_account_id AND j.business_date = t.business_date
             AND j.reference LIKE '交割 ' || t.market || ' ' || t.seat_no || ' %'
           ORDER BY j.id DESC LIMIT 1)
          - coalesce(sum(t.cash) OVER (PARTITION BY t.business_date, t.fund_account_id, t.market, t.seat_no ORDER BY t.id
                                       ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0) AS balance_after,
          (SELECT pj.quantity_after FROM positions p JOIN position_journal_all pj ON pj.position_id = p.id
           WHERE p.shareholder_account_id = t.shareholder_account_id AND p.security_id = t.security_id
             AND pj.business_date <= t.business_date
           ORDER BY pj.business_date DESC, pj.id DESC LIMIT 1)
          - coalesce(sum(t.shares) OVER (PARTITION BY t.business_date, t.shareholder_account_id, t.security_id ORDER BY t.id
                                         ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0) AS shares_after
        FROM t
      )
      SELECT st.business_date, st.id, st.side AS business, st.code, s.name AS security_name, st.price, st.quantity, st.amount,
        st.commission, st.stamp_duty, st.transfer_fee, 0::numeric AS other_fee, st.cash,
        CASE WHEN st.business_date < ${ctx.openDate}::date THEN st.balance_after END AS balance_after,
        CASE WHEN st.business_date < ${ctx.openDate}::date THEN st.shares_after END AS shares_after,
        st.trade_no, st.shareholder_code, a.account_no
      FROM settled st JOIN securities s ON s.id = st.security_id JOIN fund_accounts a ON a.id = st.fund_account_id`,
    ),
  order: [
    ['business_date', 'asc'],
    ['id', 'asc'],
  ],
  columns: [
    { key: 'business_date', label: L('交割日期', 'Date'), type: 'date' },
    { key: 'business', label: L('业务名称', 'Business'), type: 'enum', dict: 'delivery_business', width: 9 },
    { key: 'code', label: L('证券代码', 'Code'), type: 'code', width: 8 },
    { key: 'security_name', label: L('证券名称', 'Security'), type: 'text', width: 10 },
    { key: 'price', label: L('成交价格', 'Price'), type: 'price', width: 9 },
    { key: 'quantity', label: L('成交数量', 'Quantity'), type: 'quantity', width: 9 },
    { key: 'amount', label: L('成交金额', 'Amount'), type: 'money', sum: true, width: 13 },
    { key: 'commission', label: L('佣金', 'Commission'), type: 'money', sum: true, width: 9 },
    { key: 'stamp_duty', label: L('印花税', 'Stamp duty'), type: 'money', sum: true, width: 9 },
    { key: 'transfer_fee', label: L('过户费', 'Transfer fee'), type: 'money', sum: true, width: 8 },
    { key: 'other_fee', label: L('其他费用', 'Other fees'), type: 'money', sum: true, width: 8 },
    { key: 'cash', label: L('清算金额', 'Net cash'), type: 'money', sum: true, width: 13 },
    { key: 'balance_after', label: L('资金余额', 'Cash after'), type: 'money', width: 14 },
    { key: 'shares_after', label: L('股份余额', 'Shares after'), type: 'quantity', width: 9 },
    { key: 'trade_no', label: L('成交编号', 'Trade no.'), type: 'code', width: 13 },
    { key: 'shareholder_code', label: L('股东代码', 'Holder'), type: 'code', width: 11 },
    { key: 'account_no', label: L('资金账号', 'Account'), type: 'code', width: 12 },
  ],
  orientation: 'landscape',
});

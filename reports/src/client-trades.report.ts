import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { currencyLabel, currencyOrder, inBranch, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 客户成交: each client's trading in a period — trades, volume, the amounts bought and sold,
 * commission and the other fees, and the net cash the trades moved — with a 小计 per currency.
 * 成交明细 grouped by client.
 */
export default defineReport<{ date_from: string; date_to: string; market?: string; client_id?: number }>({
  id: 'client_trades',
  title: L('客户成交', 'Client trade summary'),
  description: L(
    '期间内每个客户的成交笔数、数量、买入卖出金额、佣金、其他费用与清算金额，按币种小计',
    "Each client's trades in a period: count, volume, amounts bought and sold, commission, other fees, net cash",
  ),
  params: [P.dateFrom(), P.dateTo(), P.market(), P.client(), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT ${currencyOrder('m.currency')} AS currency_order, m.currency, c.client_no, c.name AS client_name,
        br.name AS branch_name, count(*) AS trades, sum(t.quantity) AS quantity,
        sum(CASE WHEN t.side = 'buy' THEN t.amount ELSE 0 END) AS buy_amount,
        sum(CASE WHEN t.side = 'sell' THEN t.amount ELSE 0 END) AS sell_amount,
        sum(t.amount) AS amount, sum(t.commission) AS commission,
        sum(t.stamp_duty + t.transfer_fee + t.handling_fee + t.regulatory_fee) AS other_fees,
        sum(CASE WHEN t.side = 'sell' THEN t.net_amount ELSE -t.net_amount END) AS net_cash
      FROM trades t
      JOIN clients c ON c.id = t.client_id
      JOIN markets m ON m.code = t.market
      JOIN branches br ON br.id = t.branch_id
      WHERE t.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
        ${inBranch(ctx, 't.branch_id')} ${when(p.market, 't.market')} ${when(p.client_id, 't.client_id')}
      GROUP BY m.currency, c.client_no, c.name, br.name`,
    ),
  order: [
    ['currency_order', 'asc'],
    ['client_no', 'asc'],
  ],
  group: { key: 'currency_order', label: (r, lang) => currencyLabel(String(r.currency), lang) },
  grandTotal: false,
  columns: [
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 10 },
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 7 },
    { key: 'trades', label: L('成交笔数', 'Trades'), type: 'count', sum: true, width: 8 },
    { key: 'quantity', label: L('成交数量', 'Quantity'), type: 'quantity', sum: true, width: 11 },
    { key: 'buy_amount', label: L('买入金额', 'Buy amount'), type: 'money', sum: true, width: 15 },
    { key: 'sell_amount', label: L('卖出金额', 'Sell amount'), type: 'money', sum: true, width: 15 },
    { key: 'amount', label: L('成交金额', 'Amount'), type: 'money', sum: true, width: 15 },
    { key: 'commission', label: L('佣金', 'Commission'), type: 'money', sum: true, width: 12 },
    { key: 'other_fees', label: L('其他费用', 'Other fees'), type: 'money', sum: true, width: 12 },
    { key: 'net_cash', label: L('清算金额', 'Net cash'), type: 'money', sum: true, width: 15 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { currencyLabel, currencyOrder, inBranch, marketName, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 证券汇总: each security traded in a period — trades, the volume and amount bought and sold, how
 * many clients bought and sold it, and its commission — with a 小计 per currency (a market's
 * amounts are in its own currency). 成交明细 grouped by security.
 */
export default defineReport<{ date_from: string; date_to: string; market?: string }>({
  id: 'security_summary',
  title: L('证券汇总', 'Securities summary'),
  description: L(
    '期间内每只证券的成交笔数、买入卖出数量与金额、买卖客户数与佣金，按币种小计',
    'Each security traded in a period: trades, volume and amount bought and sold, buyers, sellers, commission',
  ),
  params: [P.dateFrom(), P.dateTo(), P.market(), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT ${currencyOrder('m.currency')} AS currency_order, m.currency, t.branch_id, br.name AS branch_name,
        ${marketName(ctx, 'm')} AS market_name, s.code, s.name AS security_name, count(*) AS trades,
        sum(CASE WHEN t.side = 'buy' THEN t.quantity ELSE 0 END) AS buy_quantity,
        sum(CASE WHEN t.side = 'buy' THEN t.amount ELSE 0 END) AS buy_amount,
        sum(CASE WHEN t.side = 'sell' THEN t.quantity ELSE 0 END) AS sell_quantity,
        sum(CASE WHEN t.side = 'sell' THEN t.amount ELSE 0 END) AS sell_amount,
        sum(t.quantity) AS quantity, sum(t.amount) AS amount,
        count(DISTINCT t.client_id) FILTER (WHERE t.side = 'buy') AS buyers,
        count(DISTINCT t.client_id) FILTER (WHERE t.side = 'sell') AS sellers,
        sum(t.commission) AS commission
      FROM trades t
      JOIN securities s ON s.id = t.security_id
      JOIN markets m ON m.code = t.market
      JOIN branches br ON br.id = t.branch_id
      WHERE t.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
        ${inBranch(ctx, 't.branch_id')} ${when(p.market, 't.market')}
      GROUP BY m.currency, t.branch_id, br.name, m.code, ${marketName(ctx, 'm')}, s.code, s.name`,
    ),
  order: [
    ['currency_order', 'asc'],
    ['branch_id', 'asc'],
    ['code', 'asc'],
  ],
  group: { key: 'currency_order', label: (r, lang) => currencyLabel(String(r.currency), lang) },
  grandTotal: false,
  columns: [
    { key: 'market_name', label: L('市场', 'Market'), type: 'text', width: 9 },
    { key: 'code', label: L('证券代码', 'Code'), type: 'code', width: 8 },
    { key: 'security_name', label: L('证券名称', 'Security'), type: 'text', width: 10 },
    { key: 'trades', label: L('成交笔数', 'Trades'), type: 'count', sum: true, width: 8 },
    { key: 'buy_quantity', label: L('买入数量', 'Bought'), type: 'quantity', sum: true, width: 11 },
    { key: 'buy_amount', label: L('买入金额', 'Buy amount'), type: 'money', sum: true, width: 15 },
    { key: 'sell_quantity', label: L('卖出数量', 'Sold'), type: 'quantity', sum: true, width: 11 },
    { key: 'sell_amount', label: L('卖出金额', 'Sell amount'), type: 'money', sum: true, width: 15 },
    { key: 'amount', label: L('成交金额', 'Amount'), type: 'money', sum: true, width: 15 },
    { key: 'buyers', label: L('买入户数', 'Buyers'), type: 'count', width: 8 },
    { key: 'sellers', label: L('卖出户数', 'Sellers'), type: 'count', width: 8 },
    { key: 'commission', label: L('佣金', 'Commission'), type: 'money', sum: true, width: 12 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

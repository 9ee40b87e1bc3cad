import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P } from './params.js';
import { currencyLabel, currencyOrder, marketName, positionsAt, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 证券余额: every holding as it stood at the close of a date, with that day's closing price, its
 * market value (quantity × close, to the cent), cost price and floating profit or loss.
 */
export default defineReport<{ date: string; market?: string; client_id?: number }>({
  id: 'holdings',
  title: L('证券余额', 'Holdings'),
  description: L(
    '某日日终每个客户每只证券的持仓、可卖、冻结、成本价、当日收盘价、市值与浮动盈亏',
    "Each client's holding of each security at a day's close, with that day's close, market value and floating P&L",
  ),
  params: [P.date(), P.market(), P.client(), P.branch()],
  dateParam: 'date',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH pos AS (${positionsAt(ctx, p.date)})
      SELECT ${currencyOrder('m.currency')} AS currency_order, m.currency,
        c.client_no, pos.id, h.code AS shareholder_code, c.name AS client_name, ${marketName(ctx, 'm')} AS market_name,
        s.code, s.name AS security_name, pos.quantity, greatest(pos.quantity - pos.frozen - pos.today_bought, 0) AS sellable,
        pos.frozen, round(pos.cost / nullif(pos.quantity, 0), 3) AS cost_price, pos.close_price,
        round(pos.quantity * pos.close_price, 2) AS market_value, pos.cost,
        round(pos.quantity * pos.close_price, 2) - pos.cost AS profit, br.name AS branch_name
      FROM pos
      JOIN clients c ON c.id = pos.client_id
      JOIN shareholder_accounts h ON h.id = pos.shareholder_account_id
      JOIN securities s ON s.id = pos.security_id
      JOIN markets m ON m.code = s.market
      JOIN branches br ON br.id = pos.branch_id
      WHERE pos.quantity > 0 ${when(p.market, 's.market')} ${when(p.client_id, 'pos.client_id')}`,
    ),
  order: [
    ['currency_order', 'asc'],
    ['client_no', 'asc'],
    ['id', 'asc'],
  ],
  // market values are in each market's currency: a 小计 per currency, never one sum across them
  group: { key: 'currency_order', label: (r, lang) => currencyLabel(String(r.currency), lang) },
  grandTotal: false,
  columns: [
    { key: 'shareholder_code', label: L('股东代码', 'Holder'), type: 'code', width: 11 },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 9 },
    { key: 'market_name', label: L('市场', 'Market'), type: 'text', width: 9 },
    { key: 'code', label: L('证券代码', 'Code'), type: 'code', width: 8 },
    { key: 'security_name', label: L('证券名称', 'Security'), type: 'text', width: 10 },
    { key: 'quantity', label: L('持仓数量', 'Quantity'), type: 'quantity', width: 11 },
    { key: 'sellable', label: L('可卖数量', 'Sellable'), type: 'quantity', width: 11 },
    { key: 'frozen', label: L('冻结数量', 'Frozen'), type: 'quantity', width: 9 },
    { key: 'cost_price', label: L('成本价', 'Cost price'), type: 'price', width: 9 },
    { key: 'close_price', label: L('收盘价', 'Close'), type: 'price', width: 9 },
    { key: 'market_value', label: L('市值', 'Market value'), type: 'money', sum: true },
    { key: 'cost', label: L('持仓成本', 'Cost'), type: 'money', sum: true },
    { key: 'profit', label: L('浮动盈亏', 'Floating P&L'), type: 'money', sum: true, width: 14 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

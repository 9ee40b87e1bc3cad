import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P } from './params.js';
import { accountsAt, currencyLabel, currencyOrder, positionsAt, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 资金余额: every fund account as it stood at the close of a date — balance, frozen, available,
 * withdrawable, the market value of the client's holdings in that currency at that day's close,
 * and total assets — with a 小计 per currency. Closed accounts with nothing left are left out.
 */
export default defineReport<{ date: string; currency?: string; client_id?: number }>({
  id: 'fund_balances',
  title: L('资金余额', 'Fund balances'),
  description: L(
    '某日日终每个资金账户的余额、冻结、可用、可取、证券市值与总资产，按币种小计',
    "Each fund account at a day's close: balance, frozen, available, withdrawable, holdings' value, total assets",
  ),
  params: [P.date(), P.currency(), P.client(), P.branch()],
  dateParam: 'date',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH acc AS (${accountsAt(ctx, p.date)}),
      pos AS (${positionsAt(ctx, p.date)}),
      mv AS (
        SELECT pos.client_id, m.currency, sum(round(pos.quantity * pos.close_price, 2)) AS market_value
        FROM pos JOIN securities s ON s.id = pos.security_id JOIN markets m ON m.code = s.market
        WHERE pos.quantity > 0 GROUP BY pos.client_id, m.currency
      )
      SELECT ${currencyOrder('acc.currency')} AS currency_order, acc.currency,
        acc.account_no, c.client_no, c.name AS client_name, acc.balance, acc.frozen, acc.balance - acc.frozen AS available,
        greatest(acc.balance - acc.frozen - acc.unwithdrawable, 0) AS withdrawable,
        coalesce(mv.market_value, 0) AS market_value, acc.balance + coalesce(mv.market_value, 0) AS total_assets,
        br.name AS branch_name
      FROM acc
      JOIN clients c ON c.id = acc.client_id
      JOIN branches br ON br.id = acc.branch_id
      LEFT JOIN mv ON mv.client_id = acc.client_id AND mv.currency = acc.currency
      WHERE NOT (acc.status = 'closed' AND acc.balance = 0 AND acc.frozen = 0 AND coalesce(mv.market_value, 0) = 0)
        ${when(p.currency, 'acc.currency')} ${when(p.client_id, 'acc.client_id')}`,
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
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 7 },
    { key: 'balance', label: L('资金余额', 'Balance'), type: 'money', sum: true },
    { key: 'frozen', label: L('冻结资金', 'Frozen'), type: 'money', sum: true, width: 13 },
    { key: 'available', label: L('可用资金', 'Available'), type: 'money', sum: true },
    { key: 'withdrawable', label: L('可取资金', 'Withdrawable'), type: 'money', sum: true },
    { key: 'market_value', label: L('证券市值', 'Market value'), type: 'money', sum: true },
    { key: 'total_assets', label: L('总资产', 'Total assets'), type: 'money', sum: true, width: 17 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

import { sql } from 'kysely';
import { exchangeNet } from './clearing.sql.js';
import { defineReport } from './define-report.js';
import { P } from './params.js';
import { currencyLabel, currencyOrder, inBranch, marketName, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 一级清算: the branch's settlement with the exchange for a day, per market and seat — trades,
 * buy and sell amounts, each fee, the net commission the branch keeps and the net it pays (+) or
 * receives (−) — a 小计 per currency. Computed from the day's trades, so it shows the open day
 * too; for a closed day it equals what day-end wrote (clearing_summaries).
 */
export default defineReport<{ date: string; market?: string }>({
  id: 'clearing_first',
  title: L('一级清算', 'First-level clearing'),
  description: L(
    '某日每个市场、席位与交易所的清算：买入卖出金额、各项费用、净佣金与应付（+）应收（−）净额',
    "A day's settlement with the exchange per market and seat: amounts, each fee, net commission, net payable",
  ),
  params: [P.date(), P.market(), P.branch()],
  dateParam: 'date',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT ${currencyOrder('m.currency')} AS currency_order, m.currency, t.branch_id, br.name AS branch_name, t.market,
        ${marketName(ctx, 'm')} AS market_name, t.seat_no, count(*) AS trades,
        coalesce(sum(t.amount) FILTER (WHERE t.side = 'buy'), 0) AS buy_amount,
        coalesce(sum(t.amount) FILTER (WHERE t.side = 'sell'), 0) AS sell_amount,
        sum(t.commission) AS commission, sum(t.stamp_duty) AS stamp_duty, sum(t.transfer_fee) AS transfer_fee,
        sum(t.handling_fee) AS handling_fee, sum(t.regulatory_fee) AS regulatory_fee,
        sum(t.commission - t.handling_fee - t.regulatory_fee) AS net_commission, ${exchangeNet('t')} AS net_payable
      FROM trades t
      JOIN markets m ON m.code = t.market
      JOIN branches br ON br.id = t.branch_id
      WHERE t.business_date = ${p.date}::date ${inBranch(ctx, 't.branch_id')} ${when(p.market, 't.market')}
      GROUP BY m.currency, t.branch_id, br.name, t.market, ${marketName(ctx, 'm')}, t.seat_no`,
    ),
  order: [
    ['currency_order', 'asc'],
    ['branch_id', 'asc'],
    ['market', 'asc'],
    ['seat_no', 'asc'],
  ],
  group: { key: 'currency_order', label: (r, lang) => currencyLabel(String(r.currency), lang) },
  grandTotal: false,
  columns: [
    { key: 'market_name', label: L('市场', 'Market'), type: 'text', width: 10 },
    { key: 'seat_no', label: L('席位', 'Seat'), type: 'code', width: 8 },
    { key: 'trades', label: L('成交笔数', 'Trades'), type: 'count', sum: true, width: 8 },
    { key: 'buy_amount', label: L('买入金额', 'Bought'), type: 'money', sum: true, width: 16 },
    { key: 'sell_amount', label: L('卖出金额', 'Sold'), type: 'money', sum: true, width: 16 },
    { key: 'commission', label: L('佣金', 'Commission'), type: 'money', sum: true, width: 12 },
    { key: 'stamp_duty', label: L('印花税', 'Stamp duty'), type: 'money', sum: true, width: 11 },
    { key: 'transfer_fee', label: L('过户费', 'Transfer fee'), type: 'money', sum: true, width: 10 },
    { key: 'handling_fee', label: L('经手费', 'Handling fee'), type: 'money', sum: true, width: 10 },
    { key: 'regulatory_fee', label: L('证管费', 'Reg. fee'), type: 'money', sum: true, width: 10 },
    { key: 'net_commission', label: L('净佣金', 'Net commission'), type: 'money', sum: true, width: 12 },
    { key: 'net_payable', label: L('应付净额', 'Net payable'), type: 'money', sum: true, width: 16 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

import { sql } from 'kysely';
import { clientNet } from './clearing.sql.js';
import { defineReport } from './define-report.js';
import { P } from './params.js';
import { inBranch, marketName, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 二级清算: each client's settlement for a day, per market and seat — buy and sell amounts, the
 * fees the client pays, and the net the client pays (+) or receives (−), which day-end's 交割
 * posts to the client's fund account — a 小计 per market and seat, the line to hold against
 * 一级清算's: Σ client net = the seat's net payable + its net commission.
 */
export default defineReport<{ date: string; market?: string; client_id?: number }>({
  id: 'clearing_second',
  title: L('二级清算', 'Second-level clearing'),
  description: L(
    '某日每个客户按市场、席位的清算：买入卖出金额、佣金与各项费用、应付（+）应收（−）净额，按席位小计',
    "A day's settlement per client, market and seat: amounts, commission and fees, net payable; per seat",
  ),
  params: [P.date(), P.market(), P.client(), P.branch()],
  dateParam: 'date',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT t.market || ' ' || t.seat_no || ' ' || t.branch_id AS seat_key, t.branch_id, br.name AS branch_name,
        ${marketName(ctx, 'm')} AS market_name, t.seat_no, c.client_no, c.name AS client_name, count(*) AS trades,
        coalesce(sum(t.amount) FILTER (WHERE t.side = 'buy'), 0) AS buy_amount,
        coalesce(sum(t.amount) FILTER (WHERE t.side = 'sell'), 0) AS sell_amount,
        sum(t.commission) AS commission, sum(t.stamp_duty) AS stamp_duty, sum(t.transfer_fee) AS transfer_fee,
        ${clientNet('t')} AS net_payable
      FROM trades t
      JOIN clients c ON c.id = t.client_id
      JOIN markets m ON m.code = t.market
      JOIN branches br ON br.id = t.branch_id
      WHERE t.business_date = ${p.date}::date ${inBranch(ctx, 't.branch_id')} ${when(p.market, 't.market')}
        ${when(p.client_id, 't.client_id')}
      GROUP BY t.market, t.seat_no, t.branch_id, br.name, ${marketName(ctx, 'm')}, c.client_no, c.name`,
    ),
  order: [
    ['seat_key', 'asc'],
    ['client_no', 'asc'],
  ],
  group: { key: 'seat_key', label: (r) => `${r.market_name} ${r.seat_no}` },
  grandTotal: false,
  columns: [
    { key: 'market_name', label: L('市场', 'Market'), type: 'text', width: 10 },
    { key: 'seat_no', label: L('席位', 'Seat'), type: 'code', width: 8 },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 10 },
    { key: 'trades', label: L('成交笔数', 'Trades'), type: 'count', sum: true, width: 8 },
    { key: 'buy_amount', label: L('买入金额', 'Bought'), type: 'money', sum: true, width: 15 },
    { key: 'sell_amount', label: L('卖出金额', 'Sold'), type: 'money', sum: true, width: 15 },
    { key: 'commission', label: L('佣金', 'Commission'), type: 'money', sum: true, width: 11 },
    { key: 'stamp_duty', label: L('印花税', 'Stamp duty'), type: 'money', sum: true, width: 10 },
    { key: 'transfer_fee', label: L('过户费', 'Transfer fee'), type: 'money', sum: true, width: 10 },
    { key: 'net_payable', label: L('应付净额', 'Net payable'), type: 'money', sum: true, width: 15 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

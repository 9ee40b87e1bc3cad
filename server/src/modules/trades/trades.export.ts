import { sql } from 'kysely';
import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { marketName } from '../../../../reports/src/sql.js';
import { trades } from './trades.queries.js';

/**
 * 成交明细: the trades list with each fee and the 清算金额 (a sale's net proceeds positive, a
 * purchase's net cost negative), summed in a 合计 row, as the 成交明细 report shows them.
 */
export const tradesExport: ListExport = {
  resource: 'trades',
  title: { zh: '成交明细', en: 'Trades' },
  query: (ctx, f) =>
    trades(ctx.db, ctx.branchId, f)
      .innerJoin('clients as c', 'c.id', 't.client_id')
      .innerJoin('securities as s', 's.id', 't.security_id')
      .innerJoin('markets as m', 'm.code', 't.market')
      .innerJoin('orders as o', 'o.id', 't.order_id')
      .innerJoin('branches as br', 'br.id', 't.branch_id')
      .select([
        't.id',
        't.business_date',
        't.trade_no',
        'o.order_no',
        'c.client_no',
        'c.name as client_name',
        't.shareholder_code',
        marketName(ctx, 'm').as('market_name'),
        't.code',
        's.name as security_name',
        't.side',
        't.price',
        't.quantity',
        't.amount',
        't.commission',
        't.stamp_duty',
        't.transfer_fee',
        't.handling_fee',
        't.regulatory_fee',
        sql`CASE WHEN t.side = 'sell' THEN t.net_amount ELSE -t.net_amount END`.as('net_cash'),
        't.seat_no',
        'br.name as branch_name',
      ]),
  order: [['id', 'asc']],
  columns: [
    { key: 'branch_name', label: { zh: '营业部', en: 'Branch' }, type: 'text', width: 18 },
    { key: 'business_date', label: { zh: '成交日期', en: 'Date' }, type: 'date' },
    { key: 'client_no', label: { zh: '客户号', en: 'Client no.' }, type: 'code', width: 11 },
    { key: 'client_name', label: { zh: '客户名', en: 'Client' }, type: 'text', width: 8 },
    { key: 'shareholder_code', label: { zh: '股东代码', en: 'Holder' }, type: 'code', width: 11 },
    { key: 'market_name', label: { zh: '市场', en: 'Market' }, type: 'text', width: 10 },
    { key: 'code', label: { zh: '证券代码', en: 'Code' }, type: 'code', width: 8 },
    { key: 'security_name', label: { zh: '证券名称', en: 'Security' }, type: 'text', width: 10 },
    { key: 'side', label: { zh: '买卖方向', en: 'Side' }, type: 'enum', dict: 'side', width: 8 },
    { key: 'price', label: { zh: '成交价格', en: 'Price' }, type: 'price', width: 9 },
    { key: 'quantity', label: { zh: '成交数量', en: 'Quantity' }, type: 'quantity', sum: true, width: 10 },
    { key: 'amount', label: { zh: '成交金额', en: 'Amount' }, type: 'money', sum: true, width: 14 },
    { key: 'commission', label: { zh: '佣金', en: 'Commission' }, type: 'money', sum: true, width: 10 },
    { key: 'stamp_duty', label: { zh: '印花税', en: 'Stamp duty' }, type: 'money', sum: true, width: 10 },
    { key: 'transfer_fee', label: { zh: '过户费', en: 'Transfer fee' }, type: 'money', sum: true, width: 9 },
    { key: 'handling_fee', label: { zh: '经手费', en: 'Handling fee' }, type: 'money', sum: true, width: 9 },
    { key: 'regulatory_fee', label: { zh: '证管费', en: 'Reg. fee' }, type: 'money', sum: true, width: 9 },
    { key: 'net_cash', label: { zh: '清算金额', en: 'Net cash' }, type: 'money', sum: true, width: 14 },
    { key: 'seat_no', label: { zh: '席位', en: 'Seat' }, type: 'code', width: 7 },
    { key: 'order_no', label: { zh: '合同编号', en: 'Order no.' }, type: 'code', width: 20 },
    { key: 'trade_no', label: { zh: '成交编号', en: 'Trade no.' }, type: 'code', width: 14 },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    branch_id: FILTER.branch_id,
    client_id: FILTER.client_id,
    order_id: { label: { zh: '委托', en: 'Order' }, kind: 'lookup', lookup: 'order' },
    code: { label: { zh: '证券代码', en: 'Code' } },
    side: { label: { zh: '买卖方向', en: 'Side' }, kind: 'enum', dict: 'side' },
    business_date_gte: { label: { zh: '成交日期起', en: 'From' } },
    business_date_lte: { label: { zh: '成交日期止', en: 'To' } },
  },
};

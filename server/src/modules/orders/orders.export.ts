import { sql } from 'kysely';
import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { localTimeText, marketName } from '../../../../reports/src/sql.js';
import { orders } from './orders.queries.js';

/** 委托明细: the orders list as finance files it (REPORTS.md "委托明细"), in the order they were entered. */
export const ordersExport: ListExport = {
  resource: 'orders',
  title: { zh: '委托明细', en: 'Orders' },
  query: (ctx, f) =>
    orders(ctx.db, ctx.branchId, f)
      .innerJoin('clients as c', 'c.id', 'o.client_id')
      .innerJoin('securities as s', 's.id', 'o.security_id')
      .innerJoin('markets as m', 'm.code', 'o.market')
      .innerJoin('shareholder_accounts as h', 'h.id', 'o.shareholder_account_id')
      .innerJoin('branches as br', 'br.id', 'o.branch_id')
      .leftJoin('operators as op', 'op.id', 'o.operator_id')
      .select([
        'o.id',
        'o.business_date',
        localTimeText('o.created_at').as('entered_at'),
        'o.order_no',
        'c.client_no',
        'c.name as client_name',
        'h.code as shareholder_code',
        marketName(ctx, 'm').as('market_name'),
        'o.code',
        's.name as security_name',
        'o.side',
        'o.price',
        'o.quantity',
        'o.filled_quantity',
        sql`CASE WHEN o.filled_quantity > 0 THEN round(o.filled_amount / o.filled_quantity, 3) END`.as('average_price'),
        'o.filled_amount',
        sql`CASE WHEN o.status IN ('cancelled', 'partially_cancelled') THEN o.quantity - o.filled_quantity ELSE 0 END`.as(
          'cancelled_quantity',
        ),
        'o.status',
        'o.channel',
        'o.seat_no',
        'op.name as operator_name',
        'br.name as branch_name',
      ]),
  order: [['id', 'asc']],
  columns: [
    { key: 'branch_name', label: { zh: '营业部', en: 'Branch' }, type: 'text', width: 18 },
    { key: 'business_date', label: { zh: '委托日期', en: 'Date' }, type: 'date' },
    { key: 'entered_at', label: { zh: '委托时间', en: 'Entered at' }, type: 'text', width: 19 },
    { key: 'order_no', label: { zh: '合同编号', en: 'Order no.' }, type: 'code', width: 20 },
    { key: 'client_no', label: { zh: '客户号', en: 'Client no.' }, type: 'code', width: 11 },
    { key: 'client_name', label: { zh: '客户名', en: 'Client' }, type: 'text', width: 8 },
    { key: 'shareholder_code', label: { zh: '股东代码', en: 'Holder' }, type: 'code', width: 11 },
    { key: 'market_name', label: { zh: '市场', en: 'Market' }, type: 'text', width: 10 },
    { key: 'code', label: { zh: '证券代码', en: 'Code' }, type: 'code', width: 8 },
    { key: 'security_name', label: { zh: '证券名称', en: 'Security' }, type: 'text', width: 10 },
    { key: 'side', label: { zh: '买卖方向', en: 'Side' }, type: 'enum', dict: 'side', width: 8 },
    { key: 'price', label: { zh: '委托价格', en: 'Price' }, type: 'price', width: 9 },
    { key: 'quantity', label: { zh: '委托数量', en: 'Quantity' }, type: 'quantity', width: 10 },
    { key: 'filled_quantity', label: { zh: '成交数量', en: 'Filled' }, type: 'quantity', width: 10 },
    { key: 'average_price', label: { zh: '成交均价', en: 'Average price' }, type: 'price', width: 9 },
    { key: 'filled_amount', label: { zh: '成交金额', en: 'Filled amount' }, type: 'money', width: 14 },
    { key: 'cancelled_quantity', label: { zh: '撤单数量', en: 'Cancelled' }, type: 'quantity', width: 10 },
    { key: 'status', label: { zh: '委托状态', en: 'Status' }, type: 'enum', dict: 'order_status', width: 9 },
    { key: 'channel', label: { zh: '委托方式', en: 'Channel' }, type: 'enum', dict: 'order_channel', width: 8 },
    { key: 'seat_no', label: { zh: '席位', en: 'Seat' }, type: 'code', width: 7 },
    { key: 'operator_name', label: { zh: '柜员', en: 'Operator' }, type: 'text', width: 8 },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    branch_id: FILTER.branch_id,
    client_id: FILTER.client_id,
    status: { label: { zh: '委托状态', en: 'Status' }, kind: 'enum', dict: 'order_status' },
    side: { label: { zh: '买卖方向', en: 'Side' }, kind: 'enum', dict: 'side' },
    code: { label: { zh: '证券代码', en: 'Code' } },
    business_date_gte: { label: { zh: '委托日期起', en: 'From' } },
    business_date_lte: { label: { zh: '委托日期止', en: 'To' } },
  },
};

import { ordersExport } from '../../server/src/modules/orders/orders.export.js';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';

/**
 * 委托明细: every order of a period — entered when, by whom, through which channel, its status,
 * what of it filled (quantity, average price, amount) and what was cancelled. The orders list's
 * own export query and columns (orders.export.ts), as a report of the period with a 合计.
 */
export default defineReport<{ date_from: string; date_to: string; client_id?: number }>({
  id: 'order_details',
  title: { zh: '委托明细', en: 'Order details' },
  description: {
    zh: '期间内每一笔委托的时间、方向、价格数量、状态、成交数量金额与撤单数量',
    en: 'Every order of a period: time, side, price and quantity, status, what filled and what was cancelled',
  },
  params: [P.dateFrom(), P.dateTo(), P.client(), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    ordersExport.query(ctx, { business_date_gte: p.date_from, business_date_lte: p.date_to, client_id: p.client_id }),
  order: [['id', 'asc']],
  // the branch column comes from perBranch; quantities and amounts add up
  columns: ordersExport.columns
    .filter((c) => c.key !== 'branch_name')
    .map((c) =>
      ['quantity', 'filled_quantity', 'filled_amount', 'cancelled_quantity'].includes(c.key) ? { ...c, sum: true } : c,
    ),
  orientation: 'landscape',
  perBranch: true,
});

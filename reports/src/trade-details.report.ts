import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P, periodProblem } from './params.js';
import { inBranch, marketName, rows, when } from './sql.js';

/**
 * 成交明细: every trade of a period with each fee (DOMAIN.md §3.1) and its 清算金额, the cash it
 * moves for the client (a sale's net proceeds positive, a purchase's net cost negative).
 */
export default defineReport<{ date_from: string; date_to: string; market?: string; client_id?: number }>({
  id: 'trade_details',
  title: { zh: '成交明细', en: 'Trade details' },
  description: {
    zh: '期间内每一笔成交及佣金、印花税、过户费、经手费、证管费',
    en: 'Every trade of a period with commission, stamp duty, transfer, handling and regulatory fees',
  },
  params: [P.dateFrom(), P.dateTo(), P.market(), P.client(), P.branch()],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT t.business_date, t.id, t.trade_no, c.client_no, c.name AS client_name, t.shareholder_code,
        ${marketName(ctx, 'm')} AS market_name, t.code, s.name AS security_name, t.side, t.price, t.quantity, t.amount,
        t.commission, t.stamp_duty, t.transfer_fee, t.handling_fee, t.regulatory_fee,
        CASE WHEN t.side = 'sell' THEN t.net_amount ELSE -t.net_amount END AS net_cash, t.seat_no, br.name AS branch_name
      FROM trades t
      JOIN clients c ON c.id = t.client_id
      JOIN securities s ON s.id = t.security_id
      JOIN markets m ON m.code = t.market
      JOIN branches br ON br.id = t.branch_id
      WHERE t.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
        ${inBranch(ctx, 't.branch_id')} ${when(p.market, 't.market')} ${when(p.client_id, 't.client_id')}`,
    ),
  order: [
    ['business_date', 'asc'],
    ['id', 'asc'],
  ],
  columns: [
    { key: 'business_date', label: { zh: '成交日期', en: 'Date' }, type: 'date' },
    { key: 'client_no', label: { zh: '客户号', en: 'Client no.' }, type: 'code', width: 11 },
    { key: 'client_name', label: { zh: '客户名', en: 'Client' }, type: 'text', width: 8 },
    { key: 'shareholder_code', label: { zh: '股东代码', en: 'Holder' }, type: 'code', width: 11 },
    { key: 'code', label: { zh: '证券代码', en: 'Code' }, type: 'code', width: 8 },
    { key: 'security_name', label: { zh: '证券名称', en: 'Security' }, type: 'text', width: 10 },
    { key: 'side', label: { zh: '买卖', en: 'Side' }, type: 'enum', dict: 'side', width: 5 },
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
    { key: 'trade_no', label: { zh: '成交编号', en: 'Trade no.' }, type: 'code', width: 14 },
  ],
  orientation: 'landscape',
  perBranch: true,
});

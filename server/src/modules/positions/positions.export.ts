import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { marketName } from '../../../../reports/src/sql.js';
import { positions, positionValues } from './positions.queries.js';

/**
 * 证券余额: the holdings list with each holding valued at the security's previous close (the price
 * the list shows; the 证券余额 report values a closed day at that day's closes), by client.
 */
export const positionsExport: ListExport = {
  resource: 'positions',
  title: { zh: '证券余额', en: 'Holdings' },
  query: (ctx, f) =>
    positions(ctx.db, ctx.branchId, f)
      .innerJoin('clients as c', 'c.id', 'p.client_id')
      .innerJoin('markets as m', 'm.code', 's.market')
      .innerJoin('branches as br', 'br.id', 'p.branch_id')
      .select([
        'p.id',
        'c.client_no',
        'c.name as client_name',
        'h.code as shareholder_code',
        marketName(ctx, 'm').as('market_name'),
        's.code',
        's.name as security_name',
        'p.quantity',
        'p.frozen',
        'p.today_bought',
        'p.cost',
        's.prev_close',
        ...positionValues(),
        'br.name as branch_name',
      ]),
  order: [
    ['client_no', 'asc'],
    ['id', 'asc'],
  ],
  columns: [
    { key: 'branch_name', label: { zh: '营业部', en: 'Branch' }, type: 'text', width: 18 },
    { key: 'client_no', label: { zh: '客户号', en: 'Client no.' }, type: 'code', width: 11 },
    { key: 'client_name', label: { zh: '客户名', en: 'Client' }, type: 'text', width: 8 },
    { key: 'shareholder_code', label: { zh: '股东代码', en: 'Holder' }, type: 'code', width: 11 },
    { key: 'market_name', label: { zh: '市场', en: 'Market' }, type: 'text', width: 10 },
    { key: 'code', label: { zh: '证券代码', en: 'Code' }, type: 'code', width: 8 },
    { key: 'security_name', label: { zh: '证券名称', en: 'Security' }, type: 'text', width: 10 },
    { key: 'quantity', label: { zh: '持仓数量', en: 'Quantity' }, type: 'quantity', width: 11 },
    { key: 'sellable', label: { zh: '可卖数量', en: 'Sellable' }, type: 'quantity', width: 11 },
    { key: 'frozen', label: { zh: '冻结数量', en: 'Frozen' }, type: 'quantity', width: 10 },
    { key: 'today_bought', label: { zh: '今日买入', en: 'Bought today' }, type: 'quantity', width: 10 },
    { key: 'cost', label: { zh: '持仓成本', en: 'Cost' }, type: 'money', width: 14 },
    { key: 'cost_price', label: { zh: '成本价', en: 'Cost price' }, type: 'price', width: 9 },
    { key: 'prev_close', label: { zh: '前收盘价', en: 'Prev. close' }, type: 'price', width: 9 },
    { key: 'market_value', label: { zh: '市值', en: 'Market value' }, type: 'money', width: 14 },
    { key: 'profit', label: { zh: '浮动盈亏', en: 'Unrealised P/L' }, type: 'money', width: 14 },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    branch_id: FILTER.branch_id,
    client_id: FILTER.client_id,
    shareholder_account_id: {
      label: { zh: '股东账户', en: 'Shareholder account' },
      kind: 'lookup',
      lookup: 'shareholder_account',
    },
    held: { label: { zh: '仅现有持仓', en: 'Held now only' }, kind: 'boolean' },
  },
};

import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { asReportQuery, marketName } from '../../../../reports/src/sql.js';
import { holders } from './shareholder-accounts.queries.js';

/** 股东账户: each client's shareholder accounts per market. */
export const shareholderAccountsExport: ListExport = {
  resource: 'shareholder_accounts',
  title: { zh: '股东账户', en: 'Shareholder accounts' },
  query: (ctx, f) =>
    asReportQuery(
      holders(ctx.db, ctx.branchId, f)
        .innerJoin('clients as c', 'c.id', 'h.client_id')
        .innerJoin('markets as m', 'm.code', 'h.market')
        .innerJoin('branches as br', 'br.id', 'h.branch_id')
        .select([
          'h.id',
          'h.code',
          marketName(ctx, 'm').as('market_name'),
          'c.client_no',
          'c.name as client_name',
          'h.status',
          'h.opened_on',
          'br.name as branch_name',
        ]),
    ),
  order: [
    ['client_no', 'asc'],
    ['id', 'asc'],
  ],
  columns: [
    { key: 'branch_name', label: { zh: '营业部', en: 'Branch' }, type: 'text', width: 18 },
    { key: 'client_no', label: { zh: '客户号', en: 'Client no.' }, type: 'code', width: 11 },
    { key: 'client_name', label: { zh: '客户名', en: 'Client' }, type: 'text', width: 8 },
    { key: 'market_name', label: { zh: '市场', en: 'Market' }, type: 'text', width: 12 },
    { key: 'code', label: { zh: '股东代码', en: 'Holder' }, type: 'code', width: 12 },
    { key: 'status', label: { zh: '状态', en: 'Status' }, type: 'enum', dict: 'shareholder_status', width: 8 },
    { key: 'opened_on', label: { zh: '开户日期', en: 'Opened on' }, type: 'date' },
  ],
  filters: {
    id: FILTER.id,
    branch_id: FILTER.branch_id,
    client_id: FILTER.client_id,
    market: { label: { zh: '市场', en: 'Market' }, kind: 'lookup', lookup: 'market' },
    code: { label: { zh: '股东代码', en: 'Holder' } },
  },
};

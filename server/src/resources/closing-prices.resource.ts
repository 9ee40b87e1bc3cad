import { defineResource } from './define-resource.js';
import { L } from './labels.js';
import { closedDayProblem } from '../modules/closing-prices/closing-prices.service.js';

/**
 * 收盘价: a security's close on a business date — the exchange's quotation (行情), the clerk's
 * import or entry, or carried forward by day-end — valuing holdings at that date (证券余额 at
 * market value). Only the open business date takes closes: day-end has made a closed day's
 * closes the next day's previous closes (price bands), so they are not rewritten afterwards.
 */
export const closing_prices = defineResource({
  name: 'closing_prices',
  label: L('收盘价', 'Closing prices'),
  group: 'trading',
  key: ['business_date', 'security_id'],
  display: 'business_date',
  defaultSort: ['business_date', 'DESC'],
  scope: 'global',
  // a closed day's closes stay as day-end used them
  operations: { delete: false },
  fields: [
    {
      name: 'business_date',
      type: 'date',
      label: L('交易日期', 'Trading date'),
      createOnly: true,
      filter: 'range',
      sortable: true,
      list: true,
    },
    {
      name: 'security_id',
      type: 'reference',
      reference: 'securities',
      label: L('证券', 'Security'),
      createOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
    },
    {
      name: 'close_price',
      type: 'decimal',
      scale: 3,
      label: L('收盘价', 'Close'),
      min: '0.001',
      maxValue: '999999999.999',
      sortable: true,
      filter: 'range',
      list: true,
    },
    {
      name: 'source',
      type: 'enum',
      dict: 'close_source',
      label: L('来源', 'Source'),
      readOnly: true,
      filter: 'eq',
      list: true,
    },
  ],
  rules: async (row, { db }) => {
    const problem = await closedDayProblem(db, String(row.business_date));
    return problem ? { business_date: problem } : null;
  },
});

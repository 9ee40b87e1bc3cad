import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';

/** 交易日历: one row per market and day; `nextTradingDay` reads it. */
export const trading_calendar = defineResource({
  name: 'trading_calendar',
  label: L('交易日历', 'Trading calendar'),
  group: 'system',
  key: ['market', 'date'],
  display: 'date',
  defaultSort: ['date', 'ASC'],
  scope: 'global',
  fields: [
    {
      name: 'market',
      type: 'reference',
      reference: 'markets',
      referenceColumn: 'code',
      label: COMMON.market,
      createOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
    },
    {
      name: 'date',
      type: 'date',
      label: L('日期', 'Date'),
      createOnly: true,
      filter: 'range',
      sortable: true,
      list: true,
    },
    { name: 'is_trading_day', type: 'boolean', label: L('交易日', 'Trading day'), filter: 'eq', list: true },
    { name: 'note', type: 'text', label: L('说明', 'Note'), max: 60, required: false, default: '', list: true },
  ],
});

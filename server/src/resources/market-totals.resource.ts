import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';
import { anyDb } from './crud.repository.js';

/**
 * 市场成交总额: a market's turnover on a trading day, entered or imported from the exchanges'
 * statistics (DOMAIN.md §6); the KPI screen divides the branch's turnover by it (市场占有率).
 */
export const market_totals = defineResource({
  name: 'market_totals',
  label: L('市场成交总额', 'Market turnover'),
  group: 'system',
  key: ['business_date', 'market'],
  display: 'business_date',
  defaultSort: ['business_date', 'DESC'],
  scope: 'global',
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
      name: 'turnover',
      type: 'decimal',
      scale: 2,
      label: L('成交总额(元)', 'Turnover (CNY)'),
      min: '0',
      maxValue: '99999999999999999999.99',
      sortable: true,
      filter: 'range',
      list: true,
    },
    { name: 'note', type: 'text', label: COMMON.note, max: 100, required: false, default: '', list: true },
  ],
  // a market closed that day (交易日历) has no turnover to enter; days the calendar does not cover pass
  rules: async (row, { db }) => {
    const day = await anyDb(db)
      .selectFrom('trading_calendar')
      .select('is_trading_day')
      .where('market', '=', row.market)
      .where('date', '=', row.business_date)
      .executeTakeFirst();
    return day && !day.is_trading_day ? { business_date: { key: 'not_trading_day' } } : null;
  },
});

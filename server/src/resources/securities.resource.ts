import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';

/** 证券代码表. A code change (代码更换) goes through /securities/{id}/change_code so the old code stays on record. */
export const securities = defineResource({
  name: 'securities',
  label: L('证券代码', 'Securities'),
  group: 'system',
  key: ['market', 'code'],
  display: 'name',
  defaultSort: ['code', 'ASC'],
  scope: 'global',
  fields: [
    { name: 'market', type: 'reference', reference: 'markets', referenceColumn: 'code', label: COMMON.market, createOnly: true, filter: 'eq', sortable: true, list: true },
    { name: 'code', type: 'text', label: L('证券代码', 'Security code'), max: 6, createOnly: true, filter: 'like', sortable: true, list: true, pattern: { regex: /^\d{6}$/, message: L('6 位数字', '6 digits') } },
    { name: 'name', type: 'text', label: L('证券简称', 'Short name'), max: 20, filter: 'like', sortable: true, list: true },
    { name: 'type', type: 'enum', dict: 'security_type', label: L('证券类别', 'Security type'), filter: 'eq', list: true },
    { name: 'board', type: 'enum', dict: 'board', label: L('板块', 'Board'), filter: 'eq', list: true },
    { name: 'industry', type: 'text', label: L('行业', 'Industry'), max: 20, required: false, default: '', filter: 'like' },
    { name: 'lot_size', type: 'integer', label: L('交易单位', 'Lot size'), min: 1, maxValue: 100000, list: true },
    { name: 'tick', type: 'decimal', scale: 3, label: L('最小价位', 'Tick'), min: '0.001', maxValue: '1' },
    { name: 'price_limit_pct', type: 'decimal', scale: 2, label: L('涨跌幅限制(%)', 'Price limit (%)'), min: '0.01', maxValue: '100', list: true },
    { name: 'st', type: 'boolean', label: L('ST', 'ST'), default: false, filter: 'eq', list: true },
    { name: 'prev_close', type: 'decimal', scale: 3, label: L('前收盘价', 'Previous close'), min: '0', maxValue: '999999', sortable: true, list: true, filter: 'range' },
    { name: 'status', type: 'enum', dict: 'security_status', label: COMMON.status, default: 'listed', filter: 'eq', list: true },
    { name: 'listed_on', type: 'date', label: L('上市日期', 'Listed on'), nullable: true, required: false, default: null, sortable: true },
  ],
  rules: async (row) => {
    const tick = String(row.tick);
    if (tick !== '0.010' && tick !== '0.001') return { tick: { key: 'tick_values' } };
    return null;
  },
});

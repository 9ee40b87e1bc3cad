import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';

const SESSIONS = {
  regex: /^(\d{2}:\d{2}-\d{2}:\d{2})(,\d{2}:\d{2}-\d{2}:\d{2})*$/,
  message: L('格式如 09:30-11:30,13:00-15:00', 'Like 09:30-11:30,13:00-15:00'),
};

export const markets = defineResource({
  name: 'markets',
  label: L('市场', 'Markets'),
  group: 'system',
  key: ['code'],
  display: 'name_zh',
  defaultSort: ['code', 'ASC'],
  scope: 'global',
  fields: [
    {
      name: 'code',
      type: 'text',
      label: L('市场代码', 'Market code'),
      max: 8,
      createOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
      pattern: { regex: /^[A-Z]{2}(-[A-Z])?$/, message: L('如 SH-A、SZ-B、BJ', 'Like SH-A, SZ-B, BJ') },
    },
    { name: 'name_zh', type: 'text', label: COMMON.name_zh, max: 40, sortable: true, list: true },
    { name: 'name_en', type: 'text', label: COMMON.name_en, max: 60, list: true },
    { name: 'exchange', type: 'enum', dict: 'exchange', label: L('交易所', 'Exchange'), filter: 'eq', list: true },
    { name: 'currency', type: 'enum', dict: 'currency', label: L('币种', 'Currency'), filter: 'eq', list: true },
    {
      name: 'trading_hours',
      type: 'text',
      label: L('交易时段', 'Trading hours'),
      max: 60,
      pattern: SESSIONS,
      list: true,
    },
    {
      name: 'call_auction',
      type: 'text',
      label: L('集合竞价', 'Call auction'),
      max: 60,
      required: false,
      default: '',
      pattern: SESSIONS,
    },
    {
      name: 'settlement_cycle',
      type: 'enum',
      dict: 'settlement_cycle',
      label: L('交收周期', 'Settlement cycle'),
      filter: 'eq',
      list: true,
    },
    {
      name: 'status',
      type: 'enum',
      dict: 'record_status',
      label: COMMON.status,
      default: 'active',
      filter: 'eq',
      list: true,
    },
  ],
});

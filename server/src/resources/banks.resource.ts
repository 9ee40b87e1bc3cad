import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';

export const banks = defineResource({
  name: 'banks',
  label: L('银行参数', 'Banks'),
  group: 'system',
  key: ['code'],
  display: 'name_zh',
  defaultSort: ['code', 'ASC'],
  scope: 'global',
  fields: [
    {
      name: 'code',
      type: 'text',
      label: L('银行代码', 'Bank code'),
      max: 10,
      createOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
      pattern: { regex: /^[A-Z0-9]{2,10}$/, message: L('大写字母或数字', 'Capital letters or digits') },
    },
    { name: 'name_zh', type: 'text', label: COMMON.name_zh, max: 40, filter: 'like', sortable: true, list: true },
    { name: 'name_en', type: 'text', label: COMMON.name_en, max: 80 },
    { name: 'transfer_start', type: 'time', label: L('转账开始', 'Transfers from'), list: true },
    { name: 'transfer_end', type: 'time', label: L('转账截止', 'Transfers until'), list: true },
    {
      name: 'settlement_account',
      type: 'text',
      label: L('结算账号', 'Settlement account'),
      max: 32,
      list: true,
      pattern: { regex: /^\d{10,25}$/, message: L('10 至 25 位数字', '10 to 25 digits') },
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
  rules: async (row) =>
    String(row.transfer_end) <= String(row.transfer_start) ? { transfer_end: { key: 'end_before_start' } } : null,
});

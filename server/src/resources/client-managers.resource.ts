import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';

export const client_managers = defineResource({
  name: 'client_managers',
  label: L('客户经理', 'Client managers'),
  group: 'system',
  key: ['code'],
  display: 'name',
  defaultSort: ['code', 'ASC'],
  scope: 'branch',
  fields: [
    { name: 'code', type: 'text', label: L('工号', 'Staff number'), max: 12, createOnly: true, filter: 'eq', sortable: true, list: true, pattern: { regex: /^[A-Z0-9]{3,12}$/, message: L('3 至 12 位大写字母或数字', '3–12 capital letters or digits') } },
    { name: 'name', type: 'text', label: L('姓名', 'Name'), max: 30, filter: 'like', sortable: true, list: true },
    { name: 'phone', type: 'text', label: COMMON.phone, max: 20, required: false, default: '', list: true, pattern: { regex: /^1\d{10}$/, message: L('11 位手机号', 'An 11-digit mobile number') } },
    { name: 'branch_id', type: 'reference', reference: 'branches', label: COMMON.branch_id, required: false, filter: 'eq', list: true },
    { name: 'operator_id', type: 'reference', reference: 'operators', label: L('关联柜员', 'Operator'), nullable: true, required: false, default: null },
    { name: 'status', type: 'enum', dict: 'record_status', label: COMMON.status, default: 'active', filter: 'eq', list: true },
    { name: 'hired_on', type: 'date', label: L('入职日期', 'Hired on'), nullable: true, required: false, default: null, sortable: true, filter: 'range' },
  ],
});

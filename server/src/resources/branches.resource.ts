import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';

export const branches = defineResource({
  name: 'branches',
  label: L('营业部', 'Branches'),
  group: 'system',
  key: ['code'],
  display: 'name',
  defaultSort: ['code', 'ASC'],
  // an operator sees their own branch only; head office sees all
  scope: 'branch',
  branchColumn: 'id',
  fields: [
    {
      name: 'code',
      type: 'text',
      label: L('营业部代码', 'Branch code'),
      max: 8,
      createOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
      pattern: { regex: /^\d{4}$/, message: L('4 位数字', '4 digits') },
    },
    {
      name: 'name',
      type: 'text',
      label: L('营业部名称', 'Branch name'),
      max: 60,
      filter: 'like',
      sortable: true,
      list: true,
    },
    {
      name: 'is_head_office',
      type: 'boolean',
      label: L('总部', 'Head office'),
      readOnly: true,
      list: true,
      filter: 'eq',
    },
    { name: 'address', type: 'text', label: L('地址', 'Address'), max: 200, required: false, default: '' },
    { name: 'phone', type: 'text', label: COMMON.phone, max: 30, required: false, default: '', list: true },
    {
      name: 'opened_on',
      type: 'date',
      label: L('开业日期', 'Opened on'),
      nullable: true,
      required: false,
      default: null,
      sortable: true,
    },
    {
      name: 'status',
      type: 'enum',
      dict: 'branch_status',
      label: COMMON.status,
      default: 'active',
      filter: 'eq',
      list: true,
    },
  ],
});

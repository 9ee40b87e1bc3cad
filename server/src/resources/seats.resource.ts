import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';

/** 席位 / 交易单元: changes need a second operator's approval (复核). */
export const seats = defineResource({
  name: 'seats',
  label: L('席位', 'Seats'),
  group: 'system',
  key: ['market', 'seat_no'],
  display: 'seat_no',
  defaultSort: ['seat_no', 'ASC'],
  scope: 'branch',
  approval: true,
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
      name: 'seat_no',
      type: 'text',
      label: L('席位号', 'Seat number'),
      max: 8,
      createOnly: true,
      filter: 'like',
      sortable: true,
      list: true,
      pattern: { regex: /^\d{5,6}$/, message: L('5 或 6 位数字', '5 or 6 digits') },
    },
    { name: 'name', type: 'text', label: COMMON.name, max: 60, filter: 'like', list: true },
    { name: 'type', type: 'enum', dict: 'seat_type', label: L('席位类型', 'Seat type'), filter: 'eq', list: true },
    {
      name: 'status',
      type: 'enum',
      dict: 'record_status',
      label: COMMON.status,
      default: 'active',
      filter: 'eq',
      list: true,
    },
    {
      name: 'branch_id',
      type: 'reference',
      reference: 'branches',
      label: COMMON.branch_id,
      required: false,
      filter: 'eq',
      list: true,
    },
  ],
});

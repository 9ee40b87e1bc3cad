import { Decimal } from 'decimal.js';
import type { FieldMsg } from '../http/errors.js';
import { defineResource } from './define-resource.js';
import { L } from './labels.js';
import { apiDate } from '../http/dates.js';
import { INDICATORS, K_MAX, K_MIN, parseIndicators } from '../modules/segments/segments.rules.js';
import { reportSetProblem } from '../modules/report-packages/report-packages.service.js';

/** 'MM-DD' is a day some year has (02-29 included, 02-30 and 04-31 not). */
const monthDayExists = (md: string) => {
  const [m, d] = md.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(2024, m - 1, d)).getUTCDate() === d;
};

/** Integer parameters whose value has bounds beyond its type: the rule that reads it says why. */
const BOUNDS: Record<string, [min: number, max: number]> = {
  segment_k: [K_MIN, K_MAX], // every group gets one of the five profile names
  segment_window_days: [20, 366], // a year at most, as the KPI periods
  segment_seed: [0, 2_147_483_647],
};

/** A bounded parameter's value outside its bounds (its type already checked). */
export function paramBoundsProblem(key: string, value: string): FieldMsg | null {
  const b = BOUNDS[key];
  if (!b) return null;
  const n = Number(value);
  return n >= b[0] && n <= b[1] ? null : { key: 'param_range', params: { min: b[0], max: b[1] } };
}

/** Checks a parameter's text value against its declared type. */
export function paramValueProblem(type: string, value: string): FieldMsg | null {
  switch (type) {
    case 'integer':
      return /^-?\d{1,9}$/.test(value) ? null : { key: 'param_integer' };
    case 'decimal':
      try {
        return /^-?\d+(\.\d{1,8})?$/.test(value) && new Decimal(value).isFinite() ? null : { key: 'param_decimal' };
      } catch {
        return { key: 'param_decimal' };
      }
    case 'date':
      // the API's one date type: a real calendar day the database can hold
      return apiDate.safeParse(value).success ? null : { key: 'param_date' };
    case 'boolean':
      return value === 'true' || value === 'false' ? null : { key: 'param_boolean' };
    case 'indicator_list':
      return parseIndicators(value) ? null : { key: 'param_indicator_list', params: { choices: INDICATORS.join(',') } };
    case 'report_set':
      // the daily report package's reports and formats (报表归档)
      return reportSetProblem(value);
    case 'date_list':
      // month-day list, e.g. the 转息日 03-20,06-20,09-20,12-20
      return /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(,(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))*$/.test(value) &&
        value.split(',').every(monthDayExists)
        ? null
        : { key: 'param_date_list' };
    default:
      return null;
  }
}

/** 系统参数: typed key/values. Keys and types are the product's; only values (and notes) are edited. */
export const system_params = defineResource({
  name: 'system_params',
  label: L('系统参数', 'System parameters'),
  group: 'system',
  key: ['key'],
  display: 'name_zh',
  defaultSort: ['category', 'ASC'],
  scope: 'global',
  operations: { create: false, delete: false },
  fields: [
    {
      name: 'key',
      type: 'text',
      label: L('参数键', 'Key'),
      max: 60,
      readOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
    },
    {
      name: 'name_zh',
      type: 'text',
      label: L('参数名称', 'Name'),
      max: 60,
      readOnly: true,
      filter: 'like',
      list: true,
    },
    { name: 'name_en', type: 'text', label: L('英文名称', 'Name (English)'), max: 80, readOnly: true },
    {
      name: 'category',
      type: 'enum',
      dict: 'param_category',
      label: L('类别', 'Category'),
      readOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
    },
    { name: 'type', type: 'enum', dict: 'param_type', label: L('类型', 'Type'), readOnly: true, list: true },
    {
      name: 'value',
      type: 'text',
      label: L('参数值', 'Value'),
      max: 200,
      list: true,
      // a yes/no parameter's true/false reads 是/否 (Yes/No) on screen and in its export
      dictBy: { field: 'type', categories: { boolean: 'yes_no' } },
    },
    { name: 'read_only', type: 'boolean', label: L('只读', 'Read-only'), readOnly: true, list: true },
    { name: 'description', type: 'text', label: L('说明', 'Description'), max: 300, required: false, default: '' },
  ],
  lockedBy: 'read_only',
  rules: async (row) => {
    const problem =
      paramValueProblem(String(row.type), String(row.value)) ?? paramBoundsProblem(String(row.key), String(row.value));
    return problem ? { value: problem } : null;
  },
});

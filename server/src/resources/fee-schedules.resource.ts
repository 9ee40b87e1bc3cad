import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import type { FieldMsg } from '../http/errors.js';
import { defineResource } from './define-resource.js';
import { anyDb } from './crud.repository.js';
import { L } from './labels.js';

/** Sides overlap when equal or when either is "both". */
const SIDES_OVERLAP: Record<string, string[]> = {
  both: ['both', 'buy', 'sell'],
  buy: ['both', 'buy'],
  sell: ['both', 'sell'],
};

/** The scopes whose 适用对象 is a dictionary code, and the category it is in. */
const SCOPE_CATEGORIES: Record<string, string> = {
  security_type: 'security_type',
  board: 'board',
  client_class: 'client_class',
};

/** 费率: effective-dated; changes need approval (复核). Overlapping periods for one item and scope are refused. */
export const fee_schedules = defineResource({
  name: 'fee_schedules',
  label: L('费率', 'Fee schedules'),
  group: 'system',
  key: ['fee_item', 'scope', 'scope_value', 'side', 'effective_from'],
  display: 'fee_item',
  defaultSort: ['effective_from', 'DESC'],
  scope: 'global',
  approval: true,
  crossRowRules: true,
  fields: [
    {
      name: 'fee_item',
      type: 'enum',
      dict: 'fee_item',
      label: L('费用项目', 'Fee item'),
      filter: 'eq',
      sortable: true,
      list: true,
    },
    {
      name: 'scope',
      type: 'enum',
      dict: 'fee_scope',
      label: L('适用范围', 'Scope'),
      filter: 'eq',
      sortable: true,
      list: true,
    },
    {
      name: 'scope_value',
      type: 'text',
      label: L('适用对象', 'Applies to'),
      max: 20,
      required: false,
      default: '',
      filter: 'eq',
      list: true,
      dictBy: { field: 'scope', categories: SCOPE_CATEGORIES },
      help: L(
        '市场代码、证券类别、板块、客户类别或客户号；默认范围留空',
        'A market code, security type, board, client class or client number; empty for default',
      ),
    },
    {
      name: 'side',
      type: 'enum',
      dict: 'fee_side',
      label: L('买卖方向', 'Side'),
      default: 'both',
      filter: 'eq',
      list: true,
    },
    { name: 'rate', type: 'decimal', scale: 8, label: L('费率', 'Rate'), min: '0', maxValue: '0.1', list: true },
    {
      name: 'min_fee',
      type: 'decimal',
      scale: 2,
      label: L('最低收费(元)', 'Minimum (CNY)'),
      min: '0',
      maxValue: '10000',
      default: '0',
      list: true,
    },
    {
      name: 'effective_from',
      type: 'date',
      label: L('生效日期', 'Effective from'),
      filter: 'range',
      sortable: true,
      list: true,
    },
    {
      name: 'effective_to',
      type: 'date',
      label: L('失效日期', 'Effective to'),
      nullable: true,
      required: false,
      default: null,
      sortable: true,
      list: true,
    },
    { name: 'note', type: 'text', label: L('备注', 'Note'), max: 200, required: false, default: '' },
  ],
  rules: async (row, { db, current }) => {
    const problems: Record<string, FieldMsg> = {};
    const scope = String(row.scope);
    const value = String(row.scope_value ?? '');
    if (scope === 'default' && value) problems.scope_value = { key: 'scope_value_empty' };
    if (scope !== 'default' && !value) problems.scope_value = { key: 'scope_value_required', params: { scope } };
    if (
      scope === 'market' &&
      value &&
      !(await anyDb(db).selectFrom('markets').select('id').where('code', '=', value).executeTakeFirst())
    ) {
      problems.scope_value = { key: 'unknown_reference' };
    }
    for (const [s, category] of Object.entries(SCOPE_CATEGORIES)) {
      if (
        scope === s &&
        value &&
        !(await db
          .selectFrom('dictionary')
          .select('id')
          .where('category', '=', category)
          .where('code', '=', value)
          .executeTakeFirst())
      ) {
        problems.scope_value = { key: 'unknown_code', params: { value } };
      }
    }
    if (row.fee_item === 'commission' && new Decimal(String(row.rate)).gt('0.003'))
      problems.rate = { key: 'commission_cap' };
    if (row.fee_item !== 'commission' && new Decimal(String(row.min_fee ?? '0')).gt(0))
      problems.min_fee = { key: 'min_fee_commission_only' };
    if (row.effective_to && String(row.effective_to) < String(row.effective_from))
      problems.effective_to = { key: 'end_before_start' };
    if (Object.keys(problems).length) return problems;
    const to = (row.effective_to as string | null) ?? '9999-12-31';
    let q = db
      .selectFrom('fee_schedules')
      .select(['id', 'effective_from', 'effective_to'])
      .where('fee_item', '=', String(row.fee_item))
      .where('scope', '=', scope)
      .where('scope_value', '=', value)
      .where('side', 'in', SIDES_OVERLAP[String(row.side)] ?? ['both'])
      .where('effective_from', '<=', to)
      .where(sql<boolean>`coalesce(effective_to, '9999-12-31'::date) >= ${String(row.effective_from)}::date`);
    if (current?.id) q = q.where('id', '!=', Number(current.id));
    const clash = await q.executeTakeFirst();
    if (clash)
      return {
        effective_from: {
          key: 'fee_overlap',
          params: { id: clash.id, from: clash.effective_from, to: clash.effective_to ?? '—' },
        },
      };
    return null;
  },
});

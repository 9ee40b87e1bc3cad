import type { FieldMeta, ResourceMeta } from './types';

/** Test fixtures shaped like GET /api/meta/resources (fee_schedules and seats as the server declares them). */
const field = (f: Partial<FieldMeta> & Pick<FieldMeta, 'name' | 'type'>): FieldMeta => ({
    label: { zh: f.name, en: f.name },
    required: true,
    nullable: false,
    sortable: false,
    list: true,
    read_only: false,
    create_only: false,
    ...f,
});

export const feeSchedulesMeta: ResourceMeta = {
    name: 'fee_schedules',
    label: { zh: '费率', en: 'Fee schedules' },
    group: 'system',
    key: ['fee_item', 'scope', 'scope_value', 'side', 'effective_from'],
    display: 'fee_item',
    default_sort: ['effective_from', 'DESC'],
    scope: 'global',
    approval: true,
    operations: { create: true, edit: true, delete: true, import: true },
    sortable: ['id', 'created_at', 'updated_at', 'fee_item', 'scope', 'effective_from', 'effective_to'],
    fields: [
        field({ name: 'fee_item', type: 'enum', dict: 'fee_item', label: { zh: '费用项目', en: 'Fee item' }, filter: 'eq', sortable: true }),
        field({ name: 'scope', type: 'enum', dict: 'fee_scope', label: { zh: '适用范围', en: 'Scope' }, filter: 'eq', sortable: true }),
        field({ name: 'scope_value', type: 'text', label: { zh: '适用对象', en: 'Applies to' }, required: false, max: 20, default: '', filter: 'eq' }),
        field({ name: 'side', type: 'enum', dict: 'fee_side', label: { zh: '买卖方向', en: 'Side' }, required: false, default: 'both', filter: 'eq' }),
        field({ name: 'rate', type: 'decimal', scale: 8, min: '0', max_value: '0.1', label: { zh: '费率', en: 'Rate' } }),
        field({ name: 'min_fee', type: 'decimal', scale: 2, min: '0', max_value: '10000', required: false, default: '0', label: { zh: '最低收费(元)', en: 'Minimum (CNY)' } }),
        field({ name: 'effective_from', type: 'date', label: { zh: '生效日期', en: 'Effective from' }, filter: 'range', sortable: true }),
        field({ name: 'effective_to', type: 'date', label: { zh: '失效日期', en: 'Effective to' }, required: false, nullable: true, default: null, sortable: true }),
        field({ name: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, required: false, max: 200, default: '', list: false }),
    ],
};

export const seatsMeta: ResourceMeta = {
    name: 'seats',
    label: { zh: '席位', en: 'Seats' },
    group: 'system',
    key: ['market', 'seat_no'],
    display: 'seat_no',
    default_sort: ['seat_no', 'ASC'],
    scope: 'branch',
    approval: true,
    operations: { create: true, edit: true, delete: true, import: true },
    sortable: ['id', 'created_at', 'updated_at', 'market', 'seat_no'],
    fields: [
        field({ name: 'market', type: 'reference', reference: 'markets', reference_column: 'code', create_only: true, filter: 'eq', sortable: true, label: { zh: '市场', en: 'Market' } }),
        field({ name: 'seat_no', type: 'text', max: 8, create_only: true, filter: 'like', sortable: true, label: { zh: '席位号', en: 'Seat number' } }),
        field({ name: 'name', type: 'text', max: 60, filter: 'like', label: { zh: '名称', en: 'Name' } }),
        field({ name: 'lot', type: 'integer', min: 1, max_value: 100000, required: false, default: 100, label: { zh: '手数', en: 'Lot' } }),
        field({ name: 'active', type: 'boolean', required: false, default: true, filter: 'eq', label: { zh: '启用', en: 'Active' } }),
        field({ name: 'branch_id', type: 'reference', reference: 'branches', reference_column: 'id', required: false, filter: 'eq', label: { zh: '营业部', en: 'Branch' } }),
        field({ name: 'opened_at', type: 'time', required: false, nullable: true, label: { zh: '开通时间', en: 'Opens at' } }),
        field({ name: 'checked_on', type: 'date', read_only: true, required: false, nullable: true, label: { zh: '核对日期', en: 'Checked on' } }),
    ],
};

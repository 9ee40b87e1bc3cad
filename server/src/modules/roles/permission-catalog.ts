import { REPORTS } from '../../../../reports/src/registry.js';
/**
 * Every resource an operator can be granted rights on, with the actions that exist for it.
 * `category` drives separation of duties (DOMAIN.md §8): `admin` resources are the IT admin's
 * (operators, rights, parameters), `money` resources move client cash or securities.
 * Later modules add their resources here first, so roles can grant them.
 */
export const ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'export', 'approve', 'run'] as const;
export type Action = (typeof ACTIONS)[number];
/** The actions in words, as the role editor's matrix shows them (exported role lists use them). */
export const ACTION_LABELS: Record<Action, { zh: string; en: string }> = {
  list: { zh: '列表', en: 'List' },
  show: { zh: '查看', en: 'View' },
  create: { zh: '新增', en: 'Create' },
  edit: { zh: '修改', en: 'Edit' },
  delete: { zh: '删除', en: 'Delete' },
  export: { zh: '导出', en: 'Export' },
  approve: { zh: '复核', en: 'Approve' },
  run: { zh: '执行', en: 'Run' },
};
export type Category = 'admin' | 'money' | 'counter' | 'query' | 'report';

export interface CatalogEntry {
  resource: string;
  category: Category;
  actions: readonly Action[];
  label_zh: string;
  label_en: string;
}

const CRUD = ['list', 'show', 'create', 'edit', 'delete', 'export'] as const;
const READ = ['list', 'show', 'export'] as const;

export const PERMISSION_CATALOG: readonly CatalogEntry[] = [
  { resource: 'operators', category: 'admin', actions: CRUD, label_zh: '柜员', label_en: 'Operators' },
  {
    resource: 'roles',
    category: 'admin',
    actions: [...CRUD, 'approve'],
    label_zh: '角色与权限',
    label_en: 'Roles and rights',
  },
  { resource: 'branches', category: 'admin', actions: CRUD, label_zh: '营业部', label_en: 'Branches' },
  {
    resource: 'system_params',
    category: 'admin',
    actions: ['list', 'show', 'edit', 'export'],
    label_zh: '系统参数',
    label_en: 'System parameters',
  },
  { resource: 'markets', category: 'admin', actions: CRUD, label_zh: '市场', label_en: 'Markets' },
  { resource: 'seats', category: 'admin', actions: [...CRUD, 'approve'], label_zh: '席位', label_en: 'Seats' },
  { resource: 'banks', category: 'admin', actions: CRUD, label_zh: '银行参数', label_en: 'Banks' },
  { resource: 'securities', category: 'admin', actions: CRUD, label_zh: '证券代码', label_en: 'Securities' },
  {
    resource: 'fee_schedules',
    category: 'admin',
    actions: [...CRUD, 'approve'],
    label_zh: '费率',
    label_en: 'Fee schedules',
  },
  {
    resource: 'trading_calendar',
    category: 'admin',
    actions: CRUD,
    label_zh: '交易日历',
    label_en: 'Trading calendar',
  },
  { resource: 'dictionary', category: 'admin', actions: CRUD, label_zh: '数据字典', label_en: 'Data dictionary' },
  { resource: 'client_managers', category: 'admin', actions: CRUD, label_zh: '客户经理', label_en: 'Client managers' },
  {
    resource: 'market_totals',
    category: 'admin',
    actions: CRUD,
    label_zh: '市场成交总额',
    label_en: 'Market turnover',
  },
  // market data the clearing clerk keeps (行情): the closes value holdings and set tomorrow's price
  // bands, so writing them is on the clearing side of separation of duties, not the IT admin's
  {
    resource: 'closing_prices',
    category: 'money',
    actions: ['list', 'show', 'create', 'edit', 'export'],
    label_zh: '收盘价',
    label_en: 'Closing prices',
  },
  // create: take a snapshot now; run: ask for a restore; approve: approve one (复核)
  {
    resource: 'backups',
    category: 'admin',
    actions: ['list', 'show', 'create', 'run', 'approve'],
    label_zh: '数据备份',
    label_en: 'Backups',
  },
  {
    resource: 'clients',
    category: 'counter',
    actions: ['list', 'show', 'create', 'edit', 'export'],
    label_zh: '客户',
    label_en: 'Clients',
  },
  {
    resource: 'fund_accounts',
    category: 'counter',
    actions: ['list', 'show', 'create', 'export'],
    label_zh: '资金账户',
    label_en: 'Fund accounts',
  },
  {
    resource: 'shareholder_accounts',
    category: 'counter',
    actions: ['list', 'show', 'create', 'edit', 'export'],
    label_zh: '股东账户',
    label_en: 'Shareholder accounts',
  },
  {
    resource: 'fund_journal',
    category: 'money',
    actions: ['list', 'show', 'create', 'export', 'approve'],
    label_zh: '资金流水',
    label_en: 'Fund journal',
  },
  {
    resource: 'positions',
    category: 'money',
    actions: ['list', 'show', 'create', 'export'],
    label_zh: '证券余额',
    label_en: 'Holdings',
  },
  {
    resource: 'orders',
    category: 'money',
    actions: ['list', 'show', 'create', 'edit', 'export'],
    label_zh: '委托',
    label_en: 'Orders',
  },
  {
    resource: 'trades',
    category: 'money',
    actions: ['list', 'show', 'create', 'export'],
    label_zh: '成交',
    label_en: 'Trades',
  },
  {
    resource: 'bank_transfers',
    category: 'money',
    actions: ['list', 'show', 'create', 'export'],
    label_zh: '银证转账',
    label_en: 'Bank transfers',
  },
  {
    resource: 'day_end_runs',
    category: 'money',
    actions: ['list', 'show', 'run'],
    label_zh: '日终',
    label_en: 'Day-end',
  },
  {
    resource: 'approvals',
    category: 'query',
    actions: ['list', 'show', 'approve'],
    label_zh: '复核',
    label_en: 'Approvals',
  },
  { resource: 'audit_log', category: 'query', actions: READ, label_zh: '操作日志', label_en: 'Audit trail' },
  {
    resource: 'kpis',
    category: 'report',
    // run = refresh the client segmentation on demand (客户分群)
    actions: ['list', 'show', 'export', 'run'],
    label_zh: '经营指标',
    label_en: 'KPIs',
  },
  // 报表归档: create = build a closed day's package (a new version), export = download it, run = verify the chain
  {
    resource: 'report_packages',
    category: 'report',
    actions: ['list', 'show', 'create', 'export', 'run'],
    label_zh: '报表归档',
    label_en: 'Report archive',
  },
  // each report is a right of its own: run = preview on screen, export = download .xlsx/PDF/CSV
  ...REPORTS.map(
    (r): CatalogEntry => ({
      resource: r.id,
      category: 'report',
      actions: ['run', 'export'],
      label_zh: `报表·${r.title.zh}`,
      label_en: `Report: ${r.title.en}`,
    }),
  ),
];

const byResource = new Map(PERMISSION_CATALOG.map((e) => [e.resource, e]));

export function catalogEntry(resource: string): CatalogEntry | undefined {
  return byResource.get(resource);
}

/** "operators.edit" → true when the catalog knows that resource and action. */
export function isKnownPermission(permission: string): boolean {
  const parts = permission.split('.');
  if (parts.length !== 2) return false; // "operators.list.x" is not "operators.list"
  const [resource, action] = parts;
  const entry = resource ? byResource.get(resource) : undefined;
  return !!entry && (entry.actions as readonly string[]).includes(action ?? '');
}

/** Every permission there is, "resource.action". */
export const ALL_PERMISSIONS: readonly string[] = PERMISSION_CATALOG.flatMap((e) =>
  e.actions.map((a) => `${e.resource}.${a}`),
);

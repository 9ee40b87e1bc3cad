import { REPORTS } from '../../../../reports/src/registry.js';
import { PERMISSION_CATALOG, type Action } from './permission-catalog.js';

/** The product's built-in roles (DOMAIN.md §1 users). Synced into the database at start-up,
 * so a release that adds a resource also extends these roles. */
export interface BuiltInRole {
  code: string;
  name: string;
  description: string;
  all_branches: boolean;
  permissions: string[];
}

const grant = (resource: string, ...actions: Action[]) => actions.map((a) => `${resource}.${a}`);
const everything = (category: string) =>
  PERMISSION_CATALOG.filter((e) => e.category === category).flatMap((e) => grant(e.resource, ...e.actions));
/** Every report: preview and download. */
const allReports = () => REPORTS.flatMap((r) => grant(r.id, 'run', 'export'));
const readAll = () =>
  PERMISSION_CATALOG.flatMap((e) =>
    grant(e.resource, ...e.actions.filter((a) => a === 'list' || a === 'show' || a === 'export')),
  );

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    code: 'admin',
    name: '系统管理员',
    description:
      '配置系统、费率、席位、银行、证券代码、交易日历和数据字典参数；管理柜员与权限；查阅操作日志；查看日终；数据备份与申请恢复',
    all_branches: false,
    permissions: [
      // a restore's second pair of eyes is the branch manager, never another IT admin
      ...everything('admin').filter((p) => p !== 'backups.approve'),
      ...grant('audit_log', 'list', 'show', 'export'),
      ...grant('approvals', 'list', 'show', 'approve'),
      ...grant('day_end_runs', 'list', 'show'),
      ...grant('closing_prices', 'list', 'show', 'export'),
    ],
  },
  {
    code: 'teller',
    name: '柜员',
    description: '开户与客户资料维护、存取款、冻结解冻、柜台委托和查询',
    all_branches: false,
    permissions: [
      ...grant('clients', 'list', 'show', 'create', 'edit'),
      ...grant('fund_accounts', 'list', 'show', 'create'),
      ...grant('shareholder_accounts', 'list', 'show', 'create', 'edit'),
      ...grant('fund_journal', 'list', 'show', 'create'),
      ...grant('positions', 'list', 'show', 'create'),
      ...grant('orders', 'list', 'show', 'create', 'edit'),
      ...grant('trades', 'list', 'show'),
      ...grant('bank_transfers', 'list', 'show', 'create'),
      ...grant('securities', 'list', 'show'),
      ...grant('branches', 'list', 'show'),
      // counter work reads the banks (银证转账) and the client managers it assigns
      ...grant('banks', 'list', 'show'),
      ...grant('client_managers', 'list', 'show'),
      // the counter prints a client's 交割单 and 对账单 on request, and the voucher of a cash posting
      ...grant('client_delivery', 'run', 'export'),
      ...grant('client_statement', 'run', 'export'),
      ...grant('cash_voucher', 'run', 'export'),
    ],
  },
  {
    code: 'clerk',
    name: '清算员',
    description: '导入成交回报、清算交割、日终处理、银行对账、下载日报表',
    all_branches: false,
    permissions: [
      ...grant('trades', 'list', 'show', 'create', 'export'),
      ...grant('orders', 'list', 'show', 'export'),
      ...grant('fund_journal', 'list', 'show', 'export', 'approve'),
      ...grant('positions', 'list', 'show', 'export'),
      ...grant('bank_transfers', 'list', 'show', 'export'),
      ...grant('day_end_runs', 'list', 'show', 'run'),
      // the day's closes (行情): imported from the quotation file, corrected by hand
      ...grant('closing_prices', 'list', 'show', 'create', 'edit', 'export'),
      ...grant('clients', 'list', 'show', 'export'),
      ...grant('fund_accounts', 'list', 'show', 'export'),
      ...grant('fee_schedules', 'list', 'show'),
      ...grant('securities', 'list', 'show'),
      ...grant('branches', 'list', 'show'),
      ...grant('approvals', 'list', 'show', 'approve'),
      ...allReports(),
      ...grant('report_packages', 'list', 'show', 'create', 'export', 'run'),
    ],
  },
  {
    code: 'manager',
    name: '营业部经理',
    description: '查看经营指标、排名和报表，查询客户与业务数据，复核',
    all_branches: false,
    permissions: [
      ...grant('kpis', 'list', 'show', 'export', 'run'),
      ...allReports(),
      ...grant('report_packages', 'list', 'show', 'create', 'export', 'run'),
      ...grant('clients', 'list', 'show', 'export'),
      ...grant('fund_accounts', 'list', 'show', 'export'),
      ...grant('fund_journal', 'list', 'show', 'export'),
      ...grant('positions', 'list', 'show', 'export'),
      ...grant('orders', 'list', 'show', 'export'),
      ...grant('trades', 'list', 'show', 'export'),
      ...grant('operators', 'list', 'show'),
      ...grant('branches', 'list', 'show'),
      ...grant('audit_log', 'list', 'show'),
      // the branch manager is the second pair of eyes (复核) on rights, fees and seats
      ...grant('roles', 'list', 'show', 'approve'),
      ...grant('fee_schedules', 'list', 'show', 'approve'),
      ...grant('seats', 'list', 'show', 'approve'),
      // and on restoring a database snapshot (the IT admin asks for it)
      ...grant('backups', 'list', 'show', 'approve'),
      ...grant('approvals', 'list', 'show', 'approve'),
      ...grant('day_end_runs', 'list', 'show'),
      ...grant('closing_prices', 'list', 'show', 'export'),
    ],
  },
  {
    code: 'hq',
    name: '总部',
    description: '总部查询：查看所有营业部的数据、指标和报表，不做业务操作',
    all_branches: true,
    // and the report archive: builds and verifies packages of any branch (finance downloads them)
    permissions: [...readAll(), ...allReports(), ...grant('report_packages', 'create', 'run')],
  },
];

import { sql } from 'kysely';
import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { asReportQuery, localTimeText } from '../../../../reports/src/sql.js';
import { operatorsQuery } from './operators.repository.js';

const L = (zh: string, en: string) => ({ zh, en });

/** 柜员: the operators the list selects with their roles by name; never a password hash. */
export const operatorsExport: ListExport = {
  resource: 'operators',
  title: L('柜员', 'Operators'),
  query: (ctx, f) =>
    asReportQuery(
      operatorsQuery(ctx.db, ctx.branchId, f)
        .innerJoin('branches as br', 'br.id', 'o.branch_id')
        .select([
          'o.id',
          'o.username',
          'o.name',
          sql<string>`(SELECT string_agg(r.name, '、' ORDER BY r.id) FROM operator_roles x JOIN roles r ON r.id = x.role_id
                       WHERE x.operator_id = o.id)`.as('roles'),
          'o.phone',
          'o.status',
          sql<string>`o.must_change_password::text`.as('must_change_password'),
          localTimeText('o.locked_until').as('locked_until'),
          localTimeText('o.last_login_at').as('last_login_at'),
          localTimeText('o.created_at').as('created_at'),
          'br.name as branch_name',
        ]),
    ),
  order: [['username', 'asc']],
  columns: [
    { key: 'branch_name', label: L('营业部', 'Branch'), type: 'text', width: 18 },
    { key: 'username', label: L('柜员号', 'Login'), type: 'code', width: 12 },
    { key: 'name', label: L('姓名', 'Name'), type: 'text', width: 8 },
    { key: 'roles', label: L('角色', 'Roles'), type: 'text', width: 24 },
    { key: 'phone', label: L('联系电话', 'Phone'), type: 'code', width: 13 },
    { key: 'status', label: L('状态', 'Status'), type: 'enum', dict: 'operator_status', width: 6 },
    {
      key: 'must_change_password',
      label: L('须改密码', 'Must change password'),
      type: 'enum',
      dict: 'yes_no',
      width: 8,
    },
    { key: 'locked_until', label: L('锁定至', 'Locked until'), type: 'text', width: 19 },
    { key: 'last_login_at', label: L('最近登录', 'Last sign-in'), type: 'text', width: 19 },
    { key: 'created_at', label: L('创建时间', 'Created'), type: 'text', width: 19 },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    q: FILTER.q,
    branch_id: FILTER.branch_id,
    status: { label: L('状态', 'Status'), kind: 'enum', dict: 'operator_status' },
    role_id: { label: L('角色', 'Role'), kind: 'lookup', lookup: 'role' },
  },
};

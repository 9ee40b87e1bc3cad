import { sql } from 'kysely';
import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { asReportQuery } from '../../../../reports/src/sql.js';
import { clients } from './clients.queries.js';

const L = (zh: string, en: string) => ({ zh, en });
const yesNo = (column: string) => sql<string>`${sql.ref(column)}::text`;

/** 客户资料: the clients the list selects with their particulars, class, manager, channels and status. */
export const clientsExport: ListExport = {
  resource: 'clients',
  title: L('客户资料', 'Clients'),
  query: (ctx, f) =>
    asReportQuery(
      clients(ctx.db, ctx.branchId, f)
        .innerJoin('branches as br', 'br.id', 'c.branch_id')
        .leftJoin('client_managers as cm', 'cm.id', 'c.client_manager_id')
        .select([
          'c.id',
          'c.client_no',
          'c.name',
          'c.id_number',
          'c.gender',
          'c.birth_date',
          'c.client_class',
          sql<string>`cm.code || ' ' || cm.name`.as('client_manager'),
          'c.phone',
          'c.address',
          yesNo('c.allow_counter').as('allow_counter'),
          yesNo('c.allow_phone').as('allow_phone'),
          yesNo('c.allow_online').as('allow_online'),
          'c.agent_name',
          'c.agent_id_number',
          'c.agent_phone',
          'c.status',
          'c.opened_on',
          'c.closed_on',
          'br.name as branch_name',
        ]),
    ),
  order: [['client_no', 'asc']],
  columns: [
    { key: 'branch_name', label: L('营业部', 'Branch'), type: 'text', width: 18 },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'name', label: L('客户名', 'Name'), type: 'text', width: 8 },
    { key: 'id_number', label: L('证件号码', 'ID number'), type: 'code', width: 19 },
    { key: 'gender', label: L('性别', 'Gender'), type: 'enum', dict: 'gender', width: 5 },
    { key: 'birth_date', label: L('出生日期', 'Born'), type: 'date' },
    { key: 'client_class', label: L('客户类别', 'Class'), type: 'enum', dict: 'client_class', width: 9 },
    { key: 'client_manager', label: L('客户经理', 'Client manager'), type: 'text', width: 12 },
    { key: 'phone', label: L('联系电话', 'Phone'), type: 'code', width: 13 },
    { key: 'address', label: L('联系地址', 'Address'), type: 'text', width: 28 },
    { key: 'allow_counter', label: L('柜台委托', 'Counter'), type: 'enum', dict: 'yes_no', width: 6 },
    { key: 'allow_phone', label: L('电话委托', 'Phone orders'), type: 'enum', dict: 'yes_no', width: 6 },
    { key: 'allow_online', label: L('网上委托', 'Online'), type: 'enum', dict: 'yes_no', width: 6 },
    { key: 'agent_name', label: L('代理人', 'Agent'), type: 'text', width: 8 },
    { key: 'agent_id_number', label: L('代理人证件号码', 'Agent ID number'), type: 'code', width: 19 },
    { key: 'agent_phone', label: L('代理人电话', 'Agent phone'), type: 'code', width: 13 },
    { key: 'status', label: L('客户状态', 'Status'), type: 'enum', dict: 'client_status', width: 6 },
    { key: 'opened_on', label: L('开户日期', 'Opened on'), type: 'date' },
    { key: 'closed_on', label: L('销户日期', 'Closed on'), type: 'date' },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    q: FILTER.q,
    client_no: { label: L('客户号', 'Client no.') },
    id_number: { label: L('证件号码', 'ID number') },
    status: { label: L('客户状态', 'Status'), kind: 'enum', dict: 'client_status' },
    client_class: { label: L('客户类别', 'Class'), kind: 'enum', dict: 'client_class' },
    client_manager_id: { label: L('客户经理', 'Client manager'), kind: 'lookup', lookup: 'client_manager' },
    opened_on_gte: { label: L('开户日期起', 'Opened from') },
    opened_on_lte: { label: L('开户日期止', 'Opened to') },
    branch_id: FILTER.branch_id,
  },
};

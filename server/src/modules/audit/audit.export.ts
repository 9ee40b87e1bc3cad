import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { asReportQuery, localTimeText } from '../../../../reports/src/sql.js';
import { PERMISSION_CATALOG } from '../roles/permission-catalog.js';
import { auditQuery } from './audit.queries.js';

const L = (zh: string, en: string) => ({ zh, en });
/** What an audit row is about, by the name the rights catalogue gives it (柜员, 资金流水, 报表·资金日计表 …). */
const RESOURCE_WORDS = Object.fromEntries(PERMISSION_CATALOG.map((e) => [e.resource, L(e.label_zh, e.label_en)]));

/**
 * 操作日志: the audit rows the list selects, oldest first, with who, when (local time), from where,
 * what and on what, in words. The before/after images stay on the screen (操作日志详情): a cell
 * holds 32,767 characters at most and an image may need more.
 */
export const auditExport: ListExport = {
  resource: 'audit_log',
  title: L('操作日志', 'Audit trail'),
  query: (ctx, f) =>
    asReportQuery(
      auditQuery(ctx.db, ctx.branchId, f)
        .leftJoin('operators as o', 'o.id', 'a.operator_id')
        .leftJoin('branches as br', 'br.id', 'a.branch_id')
        .select([
          'a.id',
          localTimeText('a.at').as('at'),
          'a.username',
          'o.name as operator_name',
          'a.action',
          'a.resource',
          'a.record_id',
          'a.ip',
          'a.detail',
          'br.name as branch_name',
        ]),
    ),
  order: [['id', 'asc']],
  columns: [
    { key: 'id', label: L('日志号', 'Entry no.'), type: 'code', width: 9 },
    { key: 'at', label: L('时间', 'Time'), type: 'text', width: 19 },
    { key: 'branch_name', label: L('营业部', 'Branch'), type: 'text', width: 18 },
    { key: 'username', label: L('柜员号', 'Login'), type: 'code', width: 12 },
    { key: 'operator_name', label: L('柜员', 'Operator'), type: 'text', width: 8 },
    { key: 'action', label: L('操作', 'Action'), type: 'enum', dict: 'audit_action', width: 12 },
    { key: 'resource', label: L('对象', 'On'), type: 'enum', dict: 'audit_resource', width: 14 },
    { key: 'record_id', label: L('记录号', 'Record'), type: 'code', width: 9 },
    { key: 'ip', label: L('IP 地址', 'IP address'), type: 'code', width: 15 },
    { key: 'detail', label: L('说明', 'Detail'), type: 'text', width: 48 },
  ],
  orientation: 'landscape',
  words: { audit_resource: RESOURCE_WORDS },
  filters: {
    id: FILTER.id,
    operator_id: { label: L('柜员', 'Operator'), kind: 'lookup', lookup: 'operator' },
    action: { label: L('操作', 'Action'), kind: 'enum', dict: 'audit_action' },
    resource: { label: L('对象', 'On'), kind: 'words', words: RESOURCE_WORDS },
    record_id: { label: L('记录号', 'Record') },
    q: FILTER.q,
    at_gte: { label: L('日期起', 'From') },
    at_lte: { label: L('日期止', 'To') },
  },
};

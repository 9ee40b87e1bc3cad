import { sql } from 'kysely';
import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { asReportQuery } from '../../../../reports/src/sql.js';
import { ACTION_LABELS, ACTIONS, PERMISSION_CATALOG } from './permission-catalog.js';
import { rolesQuery } from './roles.repository.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * A role's rights in words, resource by resource in the catalogue's order: "资金流水：列表、查看、导出；…".
 * The catalogue's names come from the code (they are not data), as bound values.
 */
function rightsInWords(lang: 'zh' | 'en') {
  const resources = sql.join(
    PERMISSION_CATALOG.map((e, i) => sql`(${e.resource}, ${lang === 'zh' ? e.label_zh : e.label_en}, ${i}::int)`),
  );
  const actions = sql.join(ACTIONS.map((a, i) => sql`(${a}, ${ACTION_LABELS[a][lang]}, ${i}::int)`));
  const [inner, outer] = lang === 'zh' ? ['、', '；'] : [', ', '; '];
  return sql<string>`(
    SELECT string_agg(g.text, ${outer} ORDER BY g.ord) FROM (
      SELECT cat.ord, cat.label || ${lang === 'zh' ? '：' : ': '} || string_agg(act.label, ${inner} ORDER BY act.ord) AS text
      FROM role_permissions rp
      JOIN (VALUES ${resources}) AS cat(resource, label, ord) ON cat.resource = rp.resource
      JOIN (VALUES ${actions}) AS act(action, label, ord) ON act.action = rp.action
      WHERE rp.role_id = r.id
      GROUP BY cat.ord, cat.label) g)`;
}

/** 角色与权限: the roles the list selects, where each applies, and its rights in words. */
export const rolesExport: ListExport = {
  resource: 'roles',
  title: L('角色与权限', 'Roles and rights'),
  query: (ctx, f) =>
    asReportQuery(
      rolesQuery(ctx.db, ctx.branchId, f)
        .leftJoin('branches as br', 'br.id', 'r.branch_id')
        .select([
          'r.id',
          'r.code',
          'r.name',
          'r.description',
          sql<string>`coalesce(br.name, ${ctx.lang === 'zh' ? '全公司' : 'Company-wide'})`.as('applies_to'),
          sql<string>`r.built_in::text`.as('built_in'),
          sql<string>`r.all_branches::text`.as('all_branches'),
          sql<number>`(SELECT count(*) FROM operator_roles x JOIN operators o ON o.id = x.operator_id
                       WHERE x.role_id = r.id ${ctx.branchId === null ? sql`` : sql`AND o.branch_id = ${ctx.branchId}`})`.as(
            'operators',
          ),
          rightsInWords(ctx.lang).as('rights'),
        ]),
    ),
  order: [['code', 'asc']],
  columns: [
    { key: 'code', label: L('角色代码', 'Code'), type: 'code', width: 14 },
    { key: 'name', label: L('角色名称', 'Name'), type: 'text', width: 12 },
    { key: 'applies_to', label: L('适用范围', 'Applies to'), type: 'text', width: 16 },
    { key: 'built_in', label: L('内置', 'Built in'), type: 'enum', dict: 'yes_no', width: 5 },
    { key: 'all_branches', label: L('查看所有营业部', 'All branches'), type: 'enum', dict: 'yes_no', width: 8 },
    { key: 'operators', label: L('柜员数', 'Operators'), type: 'count', width: 7 },
    { key: 'description', label: L('说明', 'Description'), type: 'text', width: 30 },
    { key: 'rights', label: L('权限', 'Rights'), type: 'text', width: 80 },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    q: FILTER.q,
    branch_id: FILTER.branch_id,
    built_in: { label: L('内置', 'Built in'), kind: 'boolean' },
  },
};

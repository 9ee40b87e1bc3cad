import { sql } from 'kysely';
import { route, router, idParams, listParams, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, dateFilter, idFilter, parseListQuery, textFilter } from '../../http/list-query.js';
import type { Db } from '../../db/connect.js';

const tags = ['audit_log'];
/** The branch works on Beijing time: a date filter means that calendar day there. */
const BRANCH_TZ_OFFSET = '+08:00';

const listSpec = {
  sortable: ['id', 'at', 'username', 'action', 'resource'],
  defaultSort: ['at', 'DESC'],
  filters: {
    id: idFilter,
    operator_id: z.number().int().positive().optional(),
    action: z.string().max(40).optional(),
    resource: z.string().max(40).optional(),
    record_id: z.string().max(40).optional(),
    q: textFilter,
    at_gte: dateFilter,
    at_lte: dateFilter,
  },
} as const;
type Filter = ReturnType<typeof import('../../http/list-query.js').parseListQuery<typeof listSpec.filters>>['filter'];

function filtered(db: Db, scope: number | null, f: Filter) {
  let q = db.selectFrom('audit_log as a');
  if (scope !== null) q = q.where('a.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('a.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.operator_id !== undefined) q = q.where('a.operator_id', '=', f.operator_id);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.resource) q = q.where('a.resource', '=', f.resource);
  if (f.record_id) q = q.where('a.record_id', '=', f.record_id);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('a.username', '=', f.q!), eb('a.detail', 'ilike', `%${f.q!.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)]),
    );
  if (f.at_gte) q = q.where('a.at', '>=', sql<Date>`${`${f.at_gte}T00:00:00${BRANCH_TZ_OFFSET}`}::timestamptz`);
  if (f.at_lte)
    q = q.where('a.at', '<', sql<Date>`${`${f.at_lte}T00:00:00${BRANCH_TZ_OFFSET}`}::timestamptz + interval '1 day'`);
  return q;
}

/** The audit trail is read-only through the API: there is no create, edit or delete route. */
export const auditRoutes = router()
  .openapi(
    route('audit_log.list', {
      method: 'get',
      path: '/audit_log',
      tags,
      summary: '操作日志 The audit trail (append-only)',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), listSpec);
      const { db } = c.get('deps');
      const base = filtered(db, branchScope(c.get('me')!), list.filter);
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll('a')
        .orderBy(sql.ref(`a.${list.sort.field}`), list.sort.order)
        .orderBy('a.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('audit_log', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('audit_log.show', {
      method: 'get',
      path: '/audit_log/{id}',
      tags,
      summary: '操作日志详情 One audit entry with before/after',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await filtered(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .selectAll('a')
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  );

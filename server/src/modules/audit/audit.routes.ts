import { sql } from 'kysely';
import { route, router, idParams, listParams } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, countUpTo, parseListQuery } from '../../http/list-query.js';
import { withListExports } from '../reports/list-export.js';
import { auditExport } from './audit.export.js';
import { auditQuery, listSpec } from './audit.queries.js';

const tags = ['audit_log'];
/** The audit trail is read-only through the API: there is no create, edit or delete route. */
export const auditRoutes = withListExports(router(), [[auditExport, listSpec]])
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
      const base = auditQuery(db, branchScope(c.get('me')!), list.filter);
      const n = await countUpTo(db, base);
      const rows = await base
        .selectAll('a')
        .orderBy(sql.ref(`a.${list.sort.field}`), list.sort.order)
        .orderBy('a.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('audit_log', list.offset, rows.length, n));
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
      const row = await auditQuery(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .selectAll('a')
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  );

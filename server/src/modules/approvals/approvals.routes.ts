import { sql } from 'kysely';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, idFilter, type ListFilter, parseListQuery } from '../../http/list-query.js';
import type { Db } from '../../db/connect.js';
import { actorOf } from '../audit/audit.service.js';
import { approve, reject } from './approvals.service.js';

const tags = ['approvals'];
const listSpec = {
  sortable: ['id', 'created_at', 'resource', 'status', 'decided_at'],
  defaultSort: ['created_at', 'DESC'],
  filters: {
    id: idFilter,
    status: z.enum(['pending', 'approved', 'rejected', 'failed']).optional(),
    resource: z.string().max(40).optional(),
    maker_id: z.number().int().positive().optional(),
  },
} as const;

const COLUMNS = [
  'a.id',
  'a.resource',
  'a.record_id',
  'a.operation',
  'a.payload',
  'a.before',
  'a.summary',
  'a.status',
  'a.maker_id',
  'a.branch_id',
  'a.checker_id',
  'a.decided_at',
  'a.comment',
  'a.result_id',
  'a.created_at',
  'm.username as maker_username',
  'm.name as maker_name',
  'k.name as checker_name',
] as const;

function filtered(db: Db, scope: number | null, f: ListFilter<typeof listSpec>) {
  let q = db
    .selectFrom('approvals as a')
    .innerJoin('operators as m', 'm.id', 'a.maker_id')
    .leftJoin('operators as k', 'k.id', 'a.checker_id');
  if (scope !== null) q = q.where('a.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('a.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.resource) q = q.where('a.resource', '=', f.resource);
  if (f.maker_id) q = q.where('a.maker_id', '=', f.maker_id);
  return q;
}

const decision = z.strictObject({ comment: z.string().trim().max(500).default('') });

/** The approvals inbox (复核): pending changes with their diff, approved or rejected by a second operator. */
export const approvalRoutes = router()
  .openapi(
    route('approvals.list', {
      method: 'get',
      path: '/approvals',
      tags,
      summary: '复核列表 Approvals inbox',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), listSpec);
      const base = filtered(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .select(COLUMNS)
        .orderBy(sql.ref(`a.${list.sort.field}`), list.sort.order)
        .orderBy('a.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('approvals', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('approvals.show', {
      method: 'get',
      path: '/approvals/{id}',
      tags,
      summary: '复核详情 One approval with before/after',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await filtered(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .select(COLUMNS)
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  )
  .openapi(
    route('approvals.approve', {
      method: 'post',
      path: '/approvals/{id}/approve',
      tags,
      summary: "复核通过 Approve (never one's own; needs <resource>.approve)",
      request: { params: idParams, ...jsonBody(decision) },
    }),
    async (c) => {
      const me = c.get('me')!;
      const row = await approve(
        c.get('deps').db,
        actorOf(c),
        me.permissions,
        branchScope(me),
        Number(c.req.valid('param').id),
        c.req.valid('json').comment,
        c.get('deps'),
      );
      return c.json(row, 200);
    },
  )
  .openapi(
    route('approvals.approve', {
      method: 'post',
      path: '/approvals/{id}/reject',
      tags,
      summary: '复核驳回 Reject',
      request: { params: idParams, ...jsonBody(decision) },
    }),
    async (c) => {
      const me = c.get('me')!;
      const row = await reject(
        c.get('deps').db,
        actorOf(c),
        me.permissions,
        branchScope(me),
        Number(c.req.valid('param').id),
        c.req.valid('json').comment,
      );
      return c.json(row, 200);
    },
  );

import { sql } from 'kysely';
import { route, router, idParams, listParams, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, idFilter, likePattern, parseListQuery, textFilter } from '../../http/list-query.js';
import type { Db } from '../../db/connect.js';

const tags = ['branches'];
const listSpec = {
  sortable: ['id', 'code', 'name'],
  defaultSort: ['id', 'ASC'],
  filters: { id: idFilter, q: textFilter, is_head_office: z.boolean().optional() },
} as const;

function filtered(db: Db, scope: number | null, f: { id?: number | number[]; q?: string; is_head_office?: boolean }) {
  let q = db.selectFrom('branches as b');
  if (scope !== null) q = q.where('b.id', '=', scope);
  if (f.id !== undefined) q = q.where('b.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.q) q = q.where((eb) => eb.or([eb('b.code', 'ilike', likePattern(f.q!)), eb('b.name', 'ilike', likePattern(f.q!))]));
  if (f.is_head_office !== undefined) q = q.where('b.is_head_office', '=', f.is_head_office);
  return q;
}

export const branchRoutes = router()
  .openapi(route('branches.list', { method: 'get', path: '/branches', tags, summary: '营业部列表 List branches', request: { query: listParams } }), async (c) => {
    const list = parseListQuery(c.req.valid('query'), listSpec);
    const base = filtered(c.get('deps').db, branchScope(c.get('me')!), list.filter);
    const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base.selectAll('b').orderBy(sql.ref(`b.${list.sort.field}`), list.sort.order).orderBy('b.id').offset(list.offset).limit(list.limit).execute();
    return c.json(rows, 200, contentRange('branches', list.offset, rows.length, Number(n)));
  })
  .openapi(route('branches.show', { method: 'get', path: '/branches/{id}', tags, summary: '营业部详情 One branch', request: { params: idParams } }), async (c) => {
    const row = await filtered(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) }).selectAll('b').executeTakeFirst();
    if (!row) throw notFound();
    return c.json(row, 200);
  });

import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/connect.js';
import { countUpTo, likePattern, type ListQuery } from '../http/list-query.js';
import { branchColumnOf, type ResourceDef } from './define-resource.js';

/** Declared resources name their tables at run time; Kysely's static table types cannot follow. */
export type AnyDb = Kysely<any>;
export const anyDb = (db: Db) => db as unknown as AnyDb;

export type Row = Record<string, unknown> & { id: number; version: number };

/** The rows of a resource an operator may see, with the list filters applied. Column names come
 * only from the definition. */
export function filtered(db: Db, def: ResourceDef, scope: number | null, filter: Record<string, unknown>) {
  let q = anyDb(db).selectFrom(`${def.name} as t`);
  if (def.scope === 'branch' && scope !== null) q = q.where(`t.${branchColumnOf(def)}`, '=', scope);
  const id = filter.id as number | number[] | undefined;
  if (id !== undefined) q = q.where('t.id', 'in', Array.isArray(id) ? (id.length ? id : [0]) : [id]);
  if (typeof filter.q === 'string' && filter.q) {
    const pattern = likePattern(filter.q);
    const text = def.fields.filter(
      (f) => f.type === 'text' || f.type === 'enum' || (f.type === 'reference' && f.referenceColumn),
    );
    q = q.where((eb) => eb.or(text.map((f) => eb(`t.${f.name}`, 'ilike', pattern))));
  }
  for (const f of def.fields) {
    if (!f.filter) continue;
    if (f.filter === 'range') {
      const gte = filter[`${f.name}_gte`];
      const lte = filter[`${f.name}_lte`];
      if (gte !== undefined) q = q.where(`t.${f.name}`, '>=', gte);
      if (lte !== undefined) q = q.where(`t.${f.name}`, '<=', lte);
      continue;
    }
    const v = filter[f.name];
    if (v === undefined || v === '') continue;
    if (f.filter === 'like') q = q.where(`t.${f.name}`, 'ilike', likePattern(String(v)));
    else if (Array.isArray(v)) q = q.where(`t.${f.name}`, 'in', v.length ? v : [null]);
    else q = q.where(`t.${f.name}`, '=', v);
  }
  return q;
}

export async function listRows(
  db: Db,
  def: ResourceDef,
  scope: number | null,
  list: ListQuery<Record<string, unknown>>,
) {
  const base = filtered(db, def, scope, list.filter);
  const total = await countUpTo(db, base);
  const rows = (await base
    .selectAll('t')
    .orderBy(sql.ref(`t.${list.sort.field}`), list.sort.order)
    .orderBy('t.id', list.sort.order)
    .offset(list.offset)
    .limit(list.limit)
    .execute()) as Row[];
  return { total, rows };
}

export async function findRow(db: Db, def: ResourceDef, scope: number | null, id: number): Promise<Row | undefined> {
  return (await filtered(db, def, scope, { id }).selectAll('t').executeTakeFirst()) as Row | undefined;
}

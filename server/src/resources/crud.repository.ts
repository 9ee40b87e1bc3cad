import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/connect.js';
import { likePattern, type ListQuery } from '../http/list-query.js';
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
    const text = def.fields.filter((f) => f.type === 'text' || f.type === 'enum' || (f.type === 'reference' && f.referenceColumn));
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

export async function listRows(db: Db, def: ResourceDef, scope: number | null, list: ListQuery<Record<string, unknown>>) {
  const base = filtered(db, def, scope, list.filter);
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = (await base
    .selectAll('t')
    .orderBy(sql.ref(`t.${list.sort.field}`), list.sort.order)
    .orderBy('t.id', list.sort.order)
    .offset(list.offset)
    .limit(list.limit)
    .execute()) as Row[];
  return { total: Number(n), rows };
}

export async function findRow(db: Db, def: ResourceDef, scope: number | null, id: number): Promise<Row | undefined> {
  return (await filtered(db, def, scope, { id }).selectAll('t').executeTakeFirst()) as Row | undefined;
}

/** Rows in key order, `batch` at a time, for exports that must not hold everything in memory.
 * Keyset paging by id works the same on PGlite (no cursors) and PostgreSQL. */
export async function* streamRows(db: Db, def: ResourceDef, scope: number | null, filter: Record<string, unknown>, sort: { field: string; order: 'asc' | 'desc' }, batch = 5000) {
  if (sort.field === 'id') {
    let last: number | null = null;
    for (;;) {
      let q = filtered(db, def, scope, filter).selectAll('t');
      if (last !== null) q = q.where('t.id', sort.order === 'asc' ? '>' : '<', last);
      const rows = (await q.orderBy('t.id', sort.order).limit(batch).execute()) as Row[];
      if (!rows.length) return;
      yield rows;
      last = rows[rows.length - 1]!.id;
      if (rows.length < batch) return;
    }
  }
  // any other sort: page by offset (parameter tables are small enough for that to be fine)
  for (let offset = 0; ; offset += batch) {
    const rows = (await filtered(db, def, scope, filter)
      .selectAll('t')
      .orderBy(sql.ref(`t.${sort.field}`), sort.order)
      .orderBy('t.id', sort.order)
      .offset(offset)
      .limit(batch)
      .execute()) as Row[];
    if (!rows.length) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

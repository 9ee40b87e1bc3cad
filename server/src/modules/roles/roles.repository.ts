import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ListQuery } from '../../http/list-query.js';
import { likePattern } from '../../http/list-query.js';
import type { Action } from './permission-catalog.js';

export interface RoleFilter {
  id?: number | number[];
  q?: string;
  branch_id?: number;
  built_in?: boolean;
}

/** Roles an operator can see: company-wide ones and, unless head office, their own branch's (the list and its export, roles.export.ts). */
export function rolesQuery(db: Db, scope: number | null, f: RoleFilter) {
  let q = db.selectFrom('roles as r');
  if (scope !== null) q = q.where((eb) => eb.or([eb('r.branch_id', 'is', null), eb('r.branch_id', '=', scope)]));
  if (f.id !== undefined) q = q.where('r.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.q)
    q = q.where((eb) => eb.or([eb('r.code', 'ilike', likePattern(f.q!)), eb('r.name', 'ilike', likePattern(f.q!))]));
  if (f.branch_id !== undefined) q = q.where('r.branch_id', '=', f.branch_id);
  if (f.built_in !== undefined) q = q.where('r.built_in', '=', f.built_in);
  return q;
}

async function withPermissions<T extends { id: number }>(db: Db, rows: T[]) {
  if (!rows.length) return [] as (T & { permissions: string[] })[];
  const perms = await db
    .selectFrom('role_permissions')
    .select(['role_id', 'resource', 'action'])
    .where(
      'role_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    ...r,
    permissions: perms
      .filter((p) => p.role_id === r.id)
      .map((p) => `${p.resource}.${p.action}`)
      .sort(),
  }));
}

export async function listRoles(db: Db, scope: number | null, list: ListQuery<RoleFilter>) {
  const base = rolesQuery(db, scope, list.filter);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('r')
    .orderBy(sql.ref(`r.${list.sort.field}`), list.sort.order)
    .orderBy('r.id', list.sort.order)
    .offset(list.offset)
    .limit(list.limit)
    .execute();
  return { total: Number(n), rows: await withPermissions(db, rows) };
}

export async function findRole(db: Db, scope: number | null, id: number) {
  const row = await rolesQuery(db, scope, { id }).selectAll('r').executeTakeFirst();
  return row ? (await withPermissions(db, [row]))[0] : undefined;
}

export async function setPermissions(db: Db, roleId: number, permissions: readonly string[]) {
  await db.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
  const rows = [...new Set(permissions)].map((p) => {
    // callers pass permissions checked against the catalog (isKnownPermission)
    const [resource, action] = p.split('.') as [string, Action];
    return { role_id: roleId, resource, action };
  });
  if (rows.length) await db.insertInto('role_permissions').values(rows).execute();
}

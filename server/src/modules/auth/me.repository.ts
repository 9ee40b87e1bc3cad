import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/connect.js';
import type { Me } from '../../http/context.js';

/**
 * The operator with branch, roles, the union of their permissions and the business date, as one
 * statement: the session middleware adds its session join to it and runs it on every request.
 */
export function selectMe(db: Db) {
  return db
    .selectFrom('operators as o')
    .innerJoin('branches as b', 'b.id', 'o.branch_id')
    .select((eb) => [
      'o.id',
      'o.username',
      'o.name',
      'o.status',
      'o.must_change_password',
      'b.id as branch_id',
      'b.code as branch_code',
      'b.name as branch_name',
      'b.is_head_office',
      jsonArrayFrom(
        eb
          .selectFrom('operator_roles as orl')
          .innerJoin('roles as r', 'r.id', 'orl.role_id')
          .select(['r.id', 'r.code', 'r.name', 'r.all_branches'])
          .whereRef('orl.operator_id', '=', 'o.id')
          .orderBy('r.id'),
      ).as('roles'),
      jsonArrayFrom(
        eb
          .selectFrom('operator_roles as orp')
          .innerJoin('role_permissions as rp', 'rp.role_id', 'orp.role_id')
          .select(['rp.resource', 'rp.action'])
          .whereRef('orp.operator_id', '=', 'o.id'),
      ).as('permissions'),
      eb.selectFrom('system_params').select('value').where('key', '=', 'business_date').as('business_date'),
    ]);
}

type MeRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectMe>['executeTakeFirst']>>>;

/** `me` from a `selectMe` row, or null unless the operator is active (a disabled one is refused). */
export function toMe(row: MeRow | undefined, session: Me['session']): Me | null {
  if (row?.status !== 'active') return null;
  return {
    id: row.id,
    business_date: row.business_date ?? null,
    username: row.username,
    name: row.name,
    branch: { id: row.branch_id, code: row.branch_code, name: row.branch_name, is_head_office: row.is_head_office },
    roles: row.roles.map(({ id, code, name }) => ({ id, code, name })),
    // a Set: two roles may grant the same permission
    permissions: new Set(row.permissions.map((p) => `${p.resource}.${p.action}`)),
    all_branches: row.roles.some((r) => r.all_branches),
    must_change_password: row.must_change_password,
    session,
  };
}

/** Loads the operator with branch, roles and the union of their permissions. */
export async function loadMe(db: Db, operatorId: number, session: Me['session']): Promise<Me | null> {
  return toMe(await selectMe(db).where('o.id', '=', operatorId).executeTakeFirst(), session);
}

/** The /api/auth/me body. */
export function meBody(me: Me) {
  return {
    id: me.id,
    username: me.username,
    name: me.name,
    branch: me.branch,
    roles: me.roles,
    permissions: [...me.permissions].sort(),
    all_branches: me.all_branches,
    must_change_password: me.must_change_password,
    csrf_token: me.session.csrf_token,
    business_date: me.business_date,
  };
}

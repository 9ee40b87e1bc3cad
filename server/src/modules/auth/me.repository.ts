import type { Db } from '../../db/connect.js';
import type { Me } from '../../http/context.js';

/** Loads the operator with branch, roles and the union of their permissions. */
export async function loadMe(db: Db, operatorId: number, session: Me['session']): Promise<Me | null> {
  const op = await db
    .selectFrom('operators as o')
    .innerJoin('branches as b', 'b.id', 'o.branch_id')
    .select([
      'o.id',
      'o.username',
      'o.name',
      'o.status',
      'o.must_change_password',
      'b.id as branch_id',
      'b.code as branch_code',
      'b.name as branch_name',
      'b.is_head_office',
    ])
    .where('o.id', '=', operatorId)
    .executeTakeFirst();
  if (op?.status !== 'active') return null;
  const roles = await db
    .selectFrom('operator_roles as orl')
    .innerJoin('roles as r', 'r.id', 'orl.role_id')
    .select(['r.id', 'r.code', 'r.name', 'r.all_branches'])
    .where('orl.operator_id', '=', operatorId)
    .orderBy('r.id')
    .execute();
  const perms = roles.length
    ? await db
        .selectFrom('role_permissions')
        .select(['resource', 'action'])
        .where(
          'role_id',
          'in',
          roles.map((r) => r.id),
        )
        .execute()
    : [];
  const date = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'business_date')
    .executeTakeFirst();
  return {
    id: op.id,
    business_date: date?.value ?? null,
    username: op.username,
    name: op.name,
    branch: { id: op.branch_id, code: op.branch_code, name: op.branch_name, is_head_office: op.is_head_office },
    roles: roles.map(({ id, code, name }) => ({ id, code, name })),
    permissions: new Set(perms.map((p) => `${p.resource}.${p.action}`)),
    all_branches: roles.some((r) => r.all_branches),
    must_change_password: op.must_change_password,
    session,
  };
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

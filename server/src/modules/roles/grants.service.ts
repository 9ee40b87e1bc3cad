import type { Db } from '../../db/connect.js';
import { fieldError, notFound } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { submitApproval, type Applier } from '../approvals/approvals.service.js';
import { dutyConflict } from './separation.calc.js';
import { setPermissions } from './roles.repository.js';
import { rightsChange, type RightsChange } from './rights-change.calc.js';

/**
 * Rights reach an operator only through a second pair of eyes (复核, DOMAIN.md §8): giving an
 * operator roles and changing what a role grants are both submitted as approvals on the `roles`
 * resource and applied when another operator with `roles.approve` approves them.
 */

/** Checks a set of roles for an operator of `branchId`: each exists and is visible to that
 * branch, and together they respect separation of duties. */
export async function checkRoles(db: Db, branchId: number, roleIds: number[]) {
  if (!roleIds.length) throw fieldError('role_ids', 'no_roles');
  const roles = await db.selectFrom('roles').select(['id', 'name', 'branch_id']).where('id', 'in', roleIds).execute();
  if (roles.length !== new Set(roleIds).size || roles.some((r) => r.branch_id !== null && r.branch_id !== branchId)) {
    throw fieldError('role_ids', 'unknown_reference');
  }
  const perms = await db
    .selectFrom('role_permissions')
    .select(['role_id', 'resource', 'action'])
    .where('role_id', 'in', roleIds)
    .execute();
  const permsOf = (id: number) => perms.filter((p) => p.role_id === id).map((p) => `${p.resource}.${p.action}`);
  if (!dutyConflict(perms.map((p) => `${p.resource}.${p.action}`))) return;
  // name the pair that clashes, so the admin knows which role to drop
  for (const a of roles)
    for (const b of roles) {
      if (a.id < b.id && dutyConflict([...permsOf(a.id), ...permsOf(b.id)]))
        throw fieldError('role_ids', 'sod_operator', { a: a.name, b: b.name });
    }
  throw fieldError('role_ids', 'sod_operator', { a: roles[0]!.name, b: roles[0]!.name });
}

/** Would giving `role` the rights `permissions` put any of its holders into a conflict with their other roles? */
export async function checkHolders(db: Db, roleId: number, roleName: string, permissions: string[]) {
  const rows = await db
    .selectFrom('operator_roles as holder')
    .innerJoin('operators as o', 'o.id', 'holder.operator_id')
    .innerJoin('operator_roles as other', 'other.operator_id', 'holder.operator_id')
    .leftJoin('role_permissions as p', 'p.role_id', 'other.role_id')
    .select(['o.username', 'other.role_id', 'p.resource', 'p.action'])
    .where('holder.role_id', '=', roleId)
    .where('other.role_id', '!=', roleId)
    .execute();
  const holders = new Map<string, string[]>();
  for (const r of await db
    .selectFrom('operator_roles as h')
    .innerJoin('operators as o', 'o.id', 'h.operator_id')
    .select('o.username')
    .where('h.role_id', '=', roleId)
    .execute())
    holders.set(r.username, [...permissions]);
  for (const r of rows) if (r.resource) holders.get(r.username)?.push(`${r.resource}.${r.action}`);
  for (const [username, perms] of holders)
    if (dutyConflict(perms)) throw fieldError('permissions', 'sod_operator', { a: roleName, b: username });
}

export async function roleIdsOf(db: Db, operatorId: number): Promise<number[]> {
  return (
    await db
      .selectFrom('operator_roles')
      .select('role_id')
      .where('operator_id', '=', operatorId)
      .orderBy('role_id')
      .execute()
  ).map((r) => r.role_id);
}

async function setRoles(db: Db, operatorId: number, roleIds: number[]) {
  await db.deleteFrom('operator_roles').where('operator_id', '=', operatorId).execute();
  if (roleIds.length)
    await db
      .insertInto('operator_roles')
      .values([...new Set(roleIds)].map((role_id) => ({ operator_id: operatorId, role_id })))
      .execute();
}

/** Submits "give operator X these roles" for approval; returns the approval id. */
export async function submitGrant(
  db: Db,
  maker: Actor,
  operator: { id: number; username: string; branch_id: number },
  roleIds: number[],
) {
  await checkRoles(db, operator.branch_id, roleIds);
  const before = await roleIdsOf(db, operator.id);
  const names = (await db.selectFrom('roles').select('name').where('id', 'in', roleIds).execute())
    .map((r) => r.name)
    .join('、');
  const approval = await submitApproval(db, maker, {
    resource: 'roles',
    operation: 'grant',
    record_id: `operator:${operator.id}`,
    payload: { operator_id: operator.id, role_ids: [...new Set(roleIds)].sort((a, b) => a - b) },
    before: { operator_id: operator.id, role_ids: before },
    summary: `${operator.username} ← ${names}`,
  });
  return approval.id;
}

/** Submits a change of what a role grants (its permissions, its all-branch reach) for approval. */
export async function submitRoleRights(
  db: Db,
  maker: Actor,
  role: { id: number; name: string; permissions: string[]; all_branches: boolean },
  next: { permissions: string[]; all_branches: boolean },
) {
  await checkHolders(db, role.id, role.name, next.permissions);
  const approval = await submitApproval(db, maker, {
    resource: 'roles',
    operation: 'update',
    record_id: `role:${role.id}`,
    payload: { role_id: role.id, permissions: [...new Set(next.permissions)].sort(), all_branches: next.all_branches },
    before: { role_id: role.id, permissions: role.permissions, all_branches: role.all_branches },
    summary: role.name,
  });
  return approval.id;
}

/** A role's rights change waiting for 复核, as the role's page shows it. */
export interface PendingRights extends RightsChange {
  approval_id: number;
  maker: string;
  submitted_at: Date;
}

/** The change of what `role` grants that waits for approval, against the rights it has now; null if none. */
export async function pendingRights(
  db: Db,
  role: { id: number; permissions: string[]; all_branches: boolean },
): Promise<PendingRights | null> {
  const a = await db
    .selectFrom('approvals as a')
    .leftJoin('operators as o', 'o.id', 'a.maker_id')
    .select(['a.id', 'a.payload', 'a.created_at', 'o.name', 'o.username'])
    .where('a.resource', '=', 'roles')
    .where('a.record_id', '=', `role:${role.id}`)
    .where('a.status', '=', 'pending')
    .orderBy('a.id', 'desc')
    .executeTakeFirst();
  if (!a) return null;
  const next = a.payload as { permissions?: string[]; all_branches?: boolean };
  return {
    approval_id: a.id,
    maker: a.name ? `${a.name}（${a.username}）` : '',
    submitted_at: a.created_at as Date,
    ...rightsChange(role, {
      permissions: next.permissions ?? role.permissions,
      all_branches: next.all_branches ?? role.all_branches,
    }),
  };
}

/** Applied by the checker, after the same checks again: roles may have changed meanwhile.
 * Registered in approvals/appliers.ts. */
export const rolesApplier: Applier = async (db, checker, a) => {
  if (a.operation === 'grant') {
    const op = await db
      .selectFrom('operators')
      .select(['id', 'branch_id'])
      .where('id', '=', Number(a.payload.operator_id))
      .executeTakeFirst();
    if (!op) throw notFound();
    const roleIds: number[] = a.payload.role_ids;
    await checkRoles(db, op.branch_id, roleIds);
    const before = await roleIdsOf(db, op.id);
    await setRoles(db, op.id, roleIds);
    await audit(db, checker, {
      action: 'grant',
      resource: 'operators',
      record_id: op.id,
      before: { role_ids: before },
      after: { role_ids: roleIds },
      detail: `approval #${a.id}`,
    });
    return String(op.id);
  }
  const roleId = Number(a.payload.role_id);
  const role = await db
    .selectFrom('roles')
    .select(['id', 'name', 'all_branches'])
    .where('id', '=', roleId)
    .executeTakeFirst();
  if (!role) throw notFound();
  await checkHolders(db, roleId, role.name, a.payload.permissions);
  const before = (
    await db.selectFrom('role_permissions').select(['resource', 'action']).where('role_id', '=', roleId).execute()
  )
    .map((p) => `${p.resource}.${p.action}`)
    .sort();
  await setPermissions(db, roleId, a.payload.permissions);
  await db
    .updateTable('roles')
    .set((eb) => ({ all_branches: a.payload.all_branches, version: eb('version', '+', 1), updated_at: checker.at }))
    .where('id', '=', roleId)
    .execute();
  await audit(db, checker, {
    action: 'update',
    resource: 'roles',
    record_id: roleId,
    before: { permissions: before, all_branches: role.all_branches },
    after: { permissions: a.payload.permissions, all_branches: a.payload.all_branches },
    detail: `approval #${a.id}`,
  });
  return String(roleId);
};

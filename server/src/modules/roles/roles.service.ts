import type { Db } from '../../db/connect.js';
import { badRequest, fieldError, isUniqueViolation, notFound, stale } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { isKnownPermission } from './permission-catalog.js';
import { dutyConflict } from './separation.calc.js';
import { findRole, setPermissions } from './roles.repository.js';
import { checkHolders, submitRoleRights } from './grants.service.js';
import { inTransaction } from '../../db/transaction.js';

export interface RoleInput {
  name: string;
  description: string;
  all_branches: boolean;
  permissions: string[];
}

/** A role's own rights must be known and must not mix IT-admin and money rights (DOMAIN.md §8). */
function checkPermissions(permissions: string[]) {
  const unknown = permissions.find((p) => !isKnownPermission(p));
  if (unknown !== undefined)
    throw fieldError('permissions', 'unknown_permission', { permission: unknown.slice(0, 60) });
  const conflict = dutyConflict(permissions);
  if (conflict)
    throw fieldError('permissions', 'sod_role', {
      admin: conflict.admin.slice(0, 3).join(', '),
      money: conflict.money.slice(0, 3).join(', '),
    });
}

export async function createRole(db: Db, actor: Actor, scope: number | null, input: RoleInput & { code: string }) {
  checkPermissions(input.permissions);
  if (input.all_branches && scope !== null) throw fieldError('all_branches', 'all_branches_needs_scope');
  const taken = await db.selectFrom('roles').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw fieldError('code', 'duplicate', { value: input.code });
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('roles')
      .values({
        code: input.code,
        name: input.name,
        description: input.description,
        all_branches: input.all_branches,
        branch_id: scope,
        created_at: actor.at,
        updated_at: actor.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setPermissions(trx, id, input.permissions);
    const after = await findRole(trx, null, id);
    await audit(trx, actor, { action: 'create', resource: 'roles', record_id: id, after });
    return after!;
  }).catch((err: unknown) => {
    // a concurrent create took the code after the check above
    if (isUniqueViolation(err, 'roles_code_key')) throw fieldError('code', 'duplicate', { value: input.code });
    throw err;
  });
}

/** A role may be changed by an operator of its branch (or head office), never when built in. */
async function changeableRole(db: Db, scope: number | null, id: number) {
  const before = await findRole(db, scope, id);
  if (!before) throw notFound();
  if (before.built_in || (scope !== null && before.branch_id !== scope))
    throw badRequest({ id: { key: 'built_in_role' } }, 'built_in_role');
  return before;
}

/**
 * Name and description change at once; what the role grants (permissions, all-branch reach)
 * changes only when a second operator approves it (复核), since it changes its holders' rights.
 */
export async function updateRole(
  db: Db,
  actor: Actor,
  scope: number | null,
  id: number,
  input: RoleInput & { version: number },
) {
  const before = await changeableRole(db, scope, id);
  checkPermissions(input.permissions);
  if (input.all_branches && scope !== null) throw fieldError('all_branches', 'all_branches_needs_scope');
  const rightsChange =
    [...new Set(input.permissions)].sort().join() !== before.permissions.join() ||
    input.all_branches !== before.all_branches;
  if (rightsChange) await checkHolders(db, id, input.name, input.permissions);
  return inTransaction(db, async (trx) => {
    const r = await trx
      .updateTable('roles')
      .set((eb) => ({
        name: input.name,
        description: input.description,
        version: eb('version', '+', 1),
        updated_at: actor.at,
      }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw stale();
    const after = await findRole(trx, null, id);
    await audit(trx, actor, { action: 'update', resource: 'roles', record_id: id, before, after });
    if (!rightsChange) return after!;
    const pending_approval_id = await submitRoleRights(
      trx,
      actor,
      { ...before, name: input.name },
      { permissions: input.permissions, all_branches: input.all_branches },
    );
    return { ...after!, pending_approval_id };
  });
}

export async function deleteRole(db: Db, actor: Actor, scope: number | null, id: number) {
  const before = await changeableRole(db, scope, id);
  const { n } = await db
    .selectFrom('operator_roles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role_id', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(n) > 0) throw fieldError('id', 'role_in_use', { count: Number(n) });
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom('roles').where('id', '=', id).execute();
    await audit(trx, actor, { action: 'delete', resource: 'roles', record_id: id, before });
    return before;
  });
}

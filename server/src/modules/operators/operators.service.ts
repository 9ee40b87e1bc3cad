import type { Db } from '../../db/connect.js';
import { badRequest, fieldError, isUniqueViolation, notFound, stale } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { endOperatorSessions } from '../auth/session.repository.js';
import { securityPolicy } from '../system_params/system-params.service.js';
import { checkRoles, roleIdsOf, submitGrant } from '../roles/grants.service.js';
import { findOperator } from './operators.repository.js';
import { inTransaction } from '../../db/transaction.js';

export interface OperatorInput {
  name: string;
  branch_id: number;
  phone: string;
  role_ids: number[];
}

async function checkBranch(db: Db, scope: number | null, branchId: number) {
  if (scope !== null && branchId !== scope) throw fieldError('branch_id', 'branch_out_of_scope');
  const b = await db.selectFrom('branches').select('id').where('id', '=', branchId).executeTakeFirst();
  if (!b) throw fieldError('branch_id', 'unknown_reference');
}

export async function createOperator(
  db: Db,
  actor: Actor,
  scope: number | null,
  input: OperatorInput & { username: string; password: string },
) {
  await checkBranch(db, scope, input.branch_id);
  await checkRoles(db, input.branch_id, input.role_ids);
  const policy = await securityPolicy(db);
  const problem = passwordProblem(input.password, policy.passwordMinLength);
  if (problem) throw badRequest({ password: problem });
  const taken = await db.selectFrom('operators').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw fieldError('username', 'duplicate', { value: input.username });
  const password_hash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('operators')
      .values({
        username: input.username,
        name: input.name,
        branch_id: input.branch_id,
        phone: input.phone,
        password_hash,
        must_change_password: true,
        created_at: actor.at,
        updated_at: actor.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await findOperator(trx, null, id);
    await audit(trx, actor, { action: 'create', resource: 'operators', record_id: id, after });
    // the operator exists at once; their roles wait for a second operator's approval
    const pending_approval_id = await submitGrant(
      trx,
      actor,
      { id, username: input.username, branch_id: input.branch_id },
      input.role_ids,
    );
    return { ...after!, pending_approval_id };
  }).catch((err: unknown) => {
    // a concurrent create took the name after the check above
    if (isUniqueViolation(err, 'operators_username_key'))
      throw fieldError('username', 'duplicate', { value: input.username });
    throw err;
  });
}

export async function updateOperator(
  db: Db,
  actor: Actor,
  scope: number | null,
  id: number,
  input: OperatorInput & { version: number },
) {
  const before = await findOperator(db, scope, id);
  if (!before) throw notFound();
  await checkBranch(db, scope, input.branch_id);
  await checkRoles(db, input.branch_id, input.role_ids);
  return inTransaction(db, async (trx) => {
    const r = await trx
      .updateTable('operators')
      .set((eb) => ({
        name: input.name,
        branch_id: input.branch_id,
        phone: input.phone,
        version: eb('version', '+', 1),
        updated_at: actor.at,
      }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw stale();
    const after = await findOperator(trx, null, id);
    await audit(trx, actor, { action: 'update', resource: 'operators', record_id: id, before, after });
    // a change of roles is a grant: it waits for approval (复核); the other fields apply now
    const wanted = [...new Set(input.role_ids)].sort((a, b) => a - b);
    const current = await roleIdsOf(trx, id);
    if (wanted.join() === current.join()) return after!;
    const pending_approval_id = await submitGrant(
      trx,
      actor,
      { id, username: before.username, branch_id: input.branch_id },
      wanted,
    );
    return { ...after!, pending_approval_id };
  });
}

/** Disabling an operator ends all their sessions at once (DOMAIN.md §8). */
export async function setOperatorStatus(
  db: Db,
  actor: Actor,
  scope: number | null,
  id: number,
  status: 'active' | 'disabled',
) {
  const before = await findOperator(db, scope, id);
  if (!before) throw notFound();
  if (status === 'disabled' && id === actor.operator_id) throw fieldError('status', 'self_disable');
  return inTransaction(db, async (trx) => {
    await trx
      .updateTable('operators')
      .set((eb) => ({
        status,
        version: eb('version', '+', 1),
        updated_at: actor.at,
        ...(status === 'active' ? { failed_logins: 0, locked_until: null } : {}),
      }))
      .where('id', '=', id)
      .execute();
    const ended = status === 'disabled' ? await endOperatorSessions(trx, id, actor.at, 'operator_disabled') : 0;
    const after = await findOperator(trx, null, id);
    await audit(trx, actor, {
      action: status === 'active' ? 'enable' : 'disable',
      resource: 'operators',
      record_id: id,
      before,
      after,
      detail: ended ? `ended ${ended} session(s)` : '',
    });
    return after!;
  });
}

/** An admin sets a temporary password; the operator must change it at next sign-in. */
export async function resetPassword(db: Db, actor: Actor, scope: number | null, id: number, password: string) {
  const before = await findOperator(db, scope, id);
  if (!before) throw notFound();
  const policy = await securityPolicy(db);
  const problem = passwordProblem(password, policy.passwordMinLength);
  if (problem) throw badRequest({ password: problem });
  const password_hash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('operators')
      .set((eb) => ({
        password_hash,
        must_change_password: true,
        failed_logins: 0,
        locked_until: null,
        version: eb('version', '+', 1),
        updated_at: actor.at,
      }))
      .where('id', '=', id)
      .execute();
    await endOperatorSessions(trx, id, actor.at, 'password_reset');
    await audit(trx, actor, {
      action: 'reset_password',
      resource: 'operators',
      record_id: id,
      before: { must_change_password: before.must_change_password },
      after: { must_change_password: true },
    });
  });
}

/** Only an operator who has never acted can be deleted; anyone with a history is disabled instead. */
export async function deleteOperator(db: Db, actor: Actor, scope: number | null, id: number) {
  const before = await findOperator(db, scope, id);
  if (!before) throw notFound();
  if (id === actor.operator_id) throw fieldError('id', 'self_disable');
  const acted = await db.selectFrom('audit_log').select('id').where('operator_id', '=', id).limit(1).executeTakeFirst();
  if (acted) throw fieldError('id', 'operator_has_history');
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom('sessions').where('operator_id', '=', id).execute();
    await trx.deleteFrom('operators').where('id', '=', id).execute();
    await audit(trx, actor, { action: 'delete', resource: 'operators', record_id: id, before });
    return before;
  });
}

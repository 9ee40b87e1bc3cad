import type { Db } from '../../db/connect.js';
import { AppError, badRequest } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { securityPolicy } from '../system_params/system-params.service.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { createSession, endOperatorSessions } from './session.repository.js';
import { inTransaction } from '../../db/transaction.js';

/**
 * Signs an operator in. Failures are counted; at the limit (a system parameter, default 5) the
 * operator is locked for a while (default 15 min). Every attempt is audited, success or not.
 * The same message answers a wrong username and a wrong password, so names cannot be probed.
 */
export async function login(db: Db, actor: Actor, username: string, password: string, userAgent: string) {
  const policy = await securityPolicy(db);
  const op = await db.selectFrom('operators').selectAll().where('username', '=', username).executeTakeFirst();
  const now = actor.at;
  const failActor = { ...actor, operator_id: op?.id ?? null, username, branch_id: op?.branch_id ?? null };
  if (!op) {
    await audit(db, failActor, { action: 'login_failed', resource: 'operators', detail: 'unknown username' });
    throw new AppError(401, 'UNAUTHENTICATED', 'bad_credentials');
  }
  if (op.locked_until && new Date(op.locked_until) > now) {
    const minutes = Math.ceil((new Date(op.locked_until).getTime() - now.getTime()) / 60_000);
    await audit(db, failActor, { action: 'login_failed', resource: 'operators', record_id: op.id, detail: 'locked' });
    throw new AppError(423, 'LOCKED', 'locked', { minutes });
  }
  const ok = await verifyPassword(op.password_hash, password);
  if (!ok) {
    const failures = op.failed_logins + 1;
    const lock = failures >= policy.maxFailures;
    await inTransaction(db, async (trx) => {
      await trx
        .updateTable('operators')
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null,
        })
        .where('id', '=', op.id)
        .execute();
      await audit(trx, failActor, {
        action: 'login_failed',
        resource: 'operators',
        record_id: op.id,
        detail: lock ? `wrong password; locked for ${policy.lockMinutes} min` : `wrong password (${failures})`,
      });
    });
    if (lock) throw new AppError(423, 'LOCKED', 'locked', { minutes: policy.lockMinutes });
    throw new AppError(401, 'UNAUTHENTICATED', 'bad_credentials');
  }
  if (op.status !== 'active') {
    await audit(db, failActor, { action: 'login_failed', resource: 'operators', record_id: op.id, detail: 'disabled' });
    throw new AppError(401, 'UNAUTHENTICATED', 'disabled');
  }
  return inTransaction(db, async (trx) => {
    await trx
      .updateTable('operators')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now })
      .where('id', '=', op.id)
      .execute();
    const session = await createSession(trx, op.id, now, actor.ip, userAgent);
    await audit(trx, failActor, { action: 'login', resource: 'operators', record_id: op.id });
    return { operatorId: op.id, ...session };
  });
}

/** 柜员更密: an operator changes their own password, knowing the current one. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor & { operator_id: number },
  current: string,
  next: string,
  keepSessionHash: string,
) {
  const policy = await securityPolicy(db);
  const op = await db
    .selectFrom('operators')
    .select(['id', 'password_hash'])
    .where('id', '=', actor.operator_id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(op.password_hash, current)))
    throw badRequest({ current_password: { key: 'wrong_current_password' } });
  const problem = passwordProblem(next, policy.passwordMinLength);
  if (problem) throw badRequest({ new_password: problem });
  if (current === next) throw badRequest({ new_password: { key: 'password_same' } });
  const hash = await hashPassword(next);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('operators')
      .set({ password_hash: hash, must_change_password: false, password_changed_at: actor.at })
      .where('id', '=', op.id)
      .execute();
    // other sessions of this operator end: whoever else knew the old password is out
    await trx
      .updateTable('sessions')
      .set({ ended_at: actor.at, end_reason: 'password_changed' })
      .where('operator_id', '=', op.id)
      .where('ended_at', 'is', null)
      .where('token_hash', '!=', keepSessionHash)
      .execute();
    await audit(trx, actor, { action: 'change_password', resource: 'operators', record_id: op.id });
  });
}

export { endOperatorSessions };

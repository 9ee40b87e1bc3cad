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
 *
 * Parallel attempts: the count and the lock are read and written under a row lock
 * (`SELECT … FOR UPDATE` on the operator, in the transaction that records the outcome), so
 * N wrong attempts lock the operator however many run at once, and once the Nth failure is
 * recorded no sign-in commits until the lock expires. The password is verified *before* that
 * transaction, without the lock: argon2 takes tens of milliseconds and 64 MiB, and holding the
 * row across it would queue every attempt (and, on PGlite's single connection, every request of
 * the whole server) behind it. That is safe because the outcome is decided only inside the
 * locked transaction, on the row as it is then: an attempt whose hash check finished after the
 * lock was set finds `locked_until` and is refused, whatever its password.
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
  const lockedFor = (lockedUntil: Date | string | null) =>
    lockedUntil && new Date(lockedUntil) > now
      ? Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 60_000)
      : 0;
  const refuseLocked = async (trx: Db, minutes: number) => {
    await audit(trx, failActor, { action: 'login_failed', resource: 'operators', record_id: op.id, detail: 'locked' });
    return new AppError(423, 'LOCKED', 'locked', { minutes });
  };
  // fast path, no hash: already locked when we looked
  const lockedNow = lockedFor(op.locked_until);
  if (lockedNow) throw await refuseLocked(db, lockedNow);

  const ok = await verifyPassword(op.password_hash, password);

  // Decide under the row lock, on the row as it is now (other attempts may have moved it).
  const outcome = await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('operators')
      .select(['failed_logins', 'locked_until', 'status', 'password_hash'])
      .where('id', '=', op.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const minutes = lockedFor(row.locked_until);
    if (minutes) return { error: await refuseLocked(trx, minutes) };
    // the password changed while we were hashing: the one checked is no longer the operator's
    if (!ok || row.password_hash !== op.password_hash) {
      const failures = row.failed_logins + 1;
      const lock = failures >= policy.maxFailures;
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
      return {
        error: lock
          ? new AppError(423, 'LOCKED', 'locked', { minutes: policy.lockMinutes })
          : new AppError(401, 'UNAUTHENTICATED', 'bad_credentials'),
      };
    }
    if (row.status !== 'active') {
      await audit(trx, failActor, {
        action: 'login_failed',
        resource: 'operators',
        record_id: op.id,
        detail: 'disabled',
      });
      return { error: new AppError(401, 'UNAUTHENTICATED', 'disabled') };
    }
    await trx
      .updateTable('operators')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now })
      .where('id', '=', op.id)
      .execute();
    const session = await createSession(trx, op.id, now, actor.ip, userAgent);
    await audit(trx, failActor, { action: 'login', resource: 'operators', record_id: op.id });
    return { session: { operatorId: op.id, ...session } };
  });
  // refusals are returned, not thrown, so their audit rows and the counter commit
  if (outcome.error) throw outcome.error;
  return outcome.session!;
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

import { createHash, randomBytes } from 'node:crypto';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/connect.js';
import { selectMe } from './me.repository.js';
import { POLICY_KEYS } from '../system_params/system-params.service.js';

export const SESSION_COOKIE = 'sid';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session: the random token goes to the cookie, only its hash is stored. */
export async function createSession(db: Db, operatorId: number, at: Date, ip: string, userAgent: string) {
  const token = randomBytes(32).toString('base64url');
  const csrf_token = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      operator_id: operatorId,
      csrf_token,
      ip,
      user_agent: userAgent.slice(0, 300),
      created_at: at,
      last_seen_at: at,
      ended_at: null,
      end_reason: null,
    })
    .execute();
  return { token, csrf_token };
}

/**
 * The open session with everything the session middleware needs, in ONE statement since it runs
 * on every request: the session, its operator as `selectMe` loads them (status included, so a
 * disabled operator is refused on the very next request) and the security policy's rows. Read
 * fresh each time, never cached: another process may have disabled the operator or changed the policy.
 */
export function findLiveSession(db: Db, hash: string) {
  return selectMe(db)
    .innerJoin('sessions as s', 's.operator_id', 'o.id')
    .select((eb) => [
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      jsonArrayFrom(
        eb.selectFrom('system_params as p').select(['p.key', 'p.value']).where('p.key', 'in', POLICY_KEYS),
      ).as('policy'),
    ])
    .where('s.token_hash', '=', hash)
    .where('s.ended_at', 'is', null)
    .executeTakeFirst();
}

export async function endSession(db: Db, hash: string, at: Date, reason: string) {
  await db
    .updateTable('sessions')
    .set({ ended_at: at, end_reason: reason })
    .where('token_hash', '=', hash)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of an operator (disable, password reset). Returns how many. */
export async function endOperatorSessions(db: Db, operatorId: number, at: Date, reason: string): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ ended_at: at, end_reason: reason })
    .where('operator_id', '=', operatorId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function touchSession(db: Db, hash: string, at: Date) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', hash).execute();
}

import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.js';

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

export function findLiveSession(db: Db, hash: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('ended_at', 'is', null)
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

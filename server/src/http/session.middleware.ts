import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './context.js';
import { AppError } from './errors.js';
import {
  SESSION_COOKIE,
  endSession,
  findLiveSession,
  tokenHash,
  touchSession,
} from '../modules/auth/session.repository.js';
import { toMe } from '../modules/auth/me.repository.js';
import { policyFrom } from '../modules/system_params/system-params.service.js';
import { trustProxy } from '../config.js';

/**
 * The scheme the browser used: the request URL's, or, only with TRUST_PROXY=1 (config.ts), the
 * one our TLS-terminating proxy reports in `X-Forwarded-Proto` (its first value, if it lists several).
 */
export function requestProtocol(c: Context): 'http' | 'https' {
  const own = new URL(c.req.url).protocol === 'https:' ? 'https' : 'http';
  if (own === 'https' || !trustProxy()) return own;
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' ? 'https' : own;
}

/** The origin the browser sees (scheme from `requestProtocol`, host from the Host header the proxy passes on). */
export function requestOrigin(c: Context): string {
  const url = new URL(c.req.url);
  return `${requestProtocol(c)}://${url.host}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writing `last_seen_at` on every request is wasteful; a minute's precision is plenty for a 30-minute idle timeout. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the session cookie to `me` (or null), ending sessions past their idle timeout or
 * absolute lifetime, and refuses cross-site writes: a state-changing request must come from
 * our own origin and, once signed in, carry the session's CSRF token in `X-CSRF-Token`.
 */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock } = c.get('deps');
  c.set('me', null);
  const unsafe = !SAFE_METHODS.has(c.req.method);
  if (unsafe) {
    const origin = c.req.header('origin');
    if (origin && origin !== requestOrigin(c)) throw new AppError(403, 'CSRF', 'csrf');
    if (c.req.header('sec-fetch-site') === 'cross-site') throw new AppError(403, 'CSRF', 'csrf');
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const hash = tokenHash(token);
    // one query per request: the session, its operator (me) and the policy together
    const session = await findLiveSession(db, hash);
    if (session) {
      const now = clock.now();
      const policy = policyFrom(session.policy);
      const idleMs = now.getTime() - new Date(session.last_seen_at).getTime();
      const ageMs = now.getTime() - new Date(session.created_at).getTime();
      if (idleMs > policy.idleMinutes * 60_000 || ageMs > policy.maxHours * 3_600_000) {
        await endSession(db, hash, now, idleMs > policy.idleMinutes * 60_000 ? 'idle' : 'lifetime');
        c.set('sessionExpired', true);
      } else {
        const me = toMe(session, { token_hash: hash, csrf_token: session.csrf_token });
        if (me) {
          if (unsafe && c.req.header('x-csrf-token') !== session.csrf_token) throw new AppError(403, 'CSRF', 'csrf');
          if (idleMs > TOUCH_EVERY_MS) await touchSession(db, hash, now);
          c.set('me', me);
        } else {
          await endSession(db, hash, now, 'operator_disabled');
        }
      }
    }
  }
  await next();
};

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { AppError, forbidden, unauthenticated } from './errors.js';
import { actorOf, audit } from '../modules/audit/audit.service.js';

/**
 * What a route needs: `public` (anyone), `signed_in` (any operator, even one who must change
 * their password first), `self` (any operator with a usable session) or a "resource.action"
 * permission from the catalog.
 */
export type Permission = 'public' | 'signed_in' | 'self' | `${string}.${string}`;

/** Enforces a route's permission on the server; the admin UI's canAccess only hides. A refusal
 * is itself audited. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (permission === 'public') return next();
    const me = c.get('me');
    if (!me) throw unauthenticated(c.get('sessionExpired') ? 'session_expired' : 'unauthenticated');
    if (permission === 'signed_in') return next();
    if (me.must_change_password) throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'password_change_required');
    if (permission === 'self' || me.permissions.has(permission)) return next();
    const [resource] = permission.split('.');
    await audit(c.get('deps').db, actorOf(c), {
      action: 'forbidden',
      resource,
      record_id: c.req.param('id') ?? null,
      detail: `${c.req.method} ${new URL(c.req.url).pathname} needs ${permission}`,
    });
    throw forbidden();
  };
}

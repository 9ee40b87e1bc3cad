import { deleteCookie, setCookie } from 'hono/cookie';
import { route, router, jsonBody, z } from '../../http/route.js';
import { actorOf } from '../audit/audit.service.js';
import { audit } from '../audit/audit.service.js';
import { changeOwnPassword, login } from './auth.service.js';
import { loadMe, meBody } from './me.repository.js';
import { SESSION_COOKIE, endSession, tokenHash } from './session.repository.js';
import { securityPolicy } from '../system_params/system-params.service.js';
import { inTransaction } from '../../db/transaction.js';
import { requestProtocol } from '../../http/session.middleware.js';
import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';

/** The session cookie's attributes, the same on sign-in and on the clearing one at sign-out
 * (a browser only replaces a cookie set with the same name, path and domain; `Secure` must match
 * too for a `Secure` cookie to be overwritten). `Secure` whenever the browser came over https. */
const sessionCookie = (c: Context): CookieOptions => ({
  httpOnly: true,
  sameSite: 'Strict',
  path: '/',
  secure: requestProtocol(c) === 'https',
});

const tags = ['auth'];
const loginBody = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const passwordBody = z.strictObject({
  current_password: z.string().min(1).max(200),
  new_password: z.string().min(1).max(200),
});

export const authRoutes = router()
  .openapi(
    route('public', {
      method: 'post',
      path: '/auth/login',
      tags,
      summary: '登录 Sign in (sets the session cookie)',
      request: jsonBody(loginBody),
    }),
    async (c) => {
      const { db } = c.get('deps');
      const { username, password } = c.req.valid('json');
      const result = await login(db, actorOf(c), username, password, c.req.header('user-agent') ?? '');
      const policy = await securityPolicy(db);
      setCookie(c, SESSION_COOKIE, result.token, { ...sessionCookie(c), maxAge: policy.maxHours * 3600 });
      const me = await loadMe(db, result.operatorId, {
        token_hash: tokenHash(result.token),
        csrf_token: result.csrf_token,
      });
      return c.json(meBody(me!), 200);
    },
  )
  .openapi(
    route('signed_in', {
      method: 'post',
      path: '/auth/logout',
      tags,
      summary: '退出 Sign out',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const me = c.get('me')!;
      const { db, clock } = c.get('deps');
      await inTransaction(db, async (trx) => {
        await endSession(trx, me.session.token_hash, clock.now(), 'logout');
        await audit(trx, actorOf(c), { action: 'logout', resource: 'operators', record_id: me.id });
      });
      deleteCookie(c, SESSION_COOKIE, sessionCookie(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    route('signed_in', {
      method: 'get',
      path: '/auth/me',
      tags,
      summary: '当前柜员 The signed-in operator, roles and permissions',
    }),
    (c) => c.json(meBody(c.get('me')!), 200),
  )
  .openapi(
    route('signed_in', {
      method: 'post',
      path: '/auth/password',
      tags,
      summary: '柜员更密 Change own password',
      request: jsonBody(passwordBody),
      responses: { 204: { description: 'Changed' } },
    }),
    async (c) => {
      const me = c.get('me')!;
      const { current_password, new_password } = c.req.valid('json');
      await changeOwnPassword(
        c.get('deps').db,
        { ...actorOf(c), operator_id: me.id },
        current_password,
        new_password,
        me.session.token_hash,
      );
      return c.body(null, 204);
    },
  );

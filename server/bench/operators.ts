import type autocannon from 'autocannon';
import type { Db } from '../src/db/connect.js';
import { hashPassword } from '../src/modules/auth/password.js';

/** One call an operator makes: the class it counts under, and what follows its answer. */
export interface Call {
  cls: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** on a 2xx (a load's local book of cash and shares follows the server's) */
  ok?: () => void;
  /** on anything else (what was reserved locally is given back) */
  failed?: () => void;
}

/** Per call class: every answer's time, the answers that were not 2xx (with the first one), the calls never answered. */
export interface ClassStats {
  ms: number[];
  non2xx: number;
  errors: number;
  sample?: string;
}

/** an operator's connection: who it is, what it has still to do, the request in flight */
interface Operator {
  op: number;
  queue: Call[];
  call?: Call;
}
/** the context of one request (autocannon gives each request a fresh one) */
interface Ctx {
  me?: Operator;
  call?: Call;
  t0?: number;
}

/**
 * autocannon's `requests` for signed-in operators: each connection claims an operator in turn,
 * takes its calls from `plan(op)` one after another, signs each with that operator's session (and
 * its CSRF token and our Origin on a POST) and times it into its class; a call that had not
 * answered when the connection sent its next one counts as an error of its class.
 */
export function operatorRequests(opts: {
  base: string;
  sessions: { cookie: string; csrf: string }[];
  plan: (op: number) => Call[];
}) {
  const stats = new Map<string, ClassStats>();
  const stat = (cls: string) => {
    const s = stats.get(cls) ?? { ms: [], non2xx: 0, errors: 0 };
    stats.set(cls, s);
    return s;
  };
  let claimed = 0;
  const request = {
    // autocannon deep-copies its options for each connection, so each gets an `operator` of its own
    operator: { op: -1, queue: [] } as Operator,
    setupRequest: (req: autocannon.Request, raw: Record<string, unknown>) => {
      const me = (req as unknown as { operator: Operator }).operator;
      if (me.op < 0) me.op = claimed++ % opts.sessions.length;
      // a request that never answered (timeout, reset) before this one: an error of its class
      if (me.call) {
        stat(me.call.cls).errors++;
        me.call.failed?.();
      }
      if (!me.queue.length) me.queue = opts.plan(me.op);
      const call = me.queue.shift()!;
      me.call = call;
      const ctx = raw as Ctx;
      ctx.me = me;
      ctx.call = call;
      ctx.t0 = performance.now();
      const s = opts.sessions[me.op]!;
      const headers: Record<string, string> = { cookie: s.cookie, 'accept-language': 'zh' };
      if (call.method === 'POST') {
        headers['content-type'] = 'application/json';
        headers['x-csrf-token'] = s.csrf;
        headers.origin = opts.base;
      }
      return {
        ...req,
        method: call.method,
        path: call.path,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      } as autocannon.Request;
    },
    onResponse: (status: number, body: string, raw: Record<string, unknown>) => {
      const ctx = raw as Ctx;
      const call = ctx.call!;
      ctx.me!.call = undefined;
      const s = stat(call.cls);
      s.ms.push(performance.now() - ctx.t0!);
      if (status >= 200 && status < 300) call.ok?.();
      else {
        s.non2xx++;
        s.sample ??= `${status} ${call.method} ${call.path} ${JSON.stringify(call.body ?? '')} → ${String(body).slice(0, 300)}`;
        call.failed?.();
      }
    },
  };
  return {
    // autocannon's typings do not know its per-connection request state (`operator` above)
    requests: [request] as unknown as autocannon.Request[],
    stats,
    /** how many connections have claimed an operator so far */
    claimed: () => claimed,
  };
}

/** The p-quantile of sorted times (nearest rank). */
export const percentile = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]! : 0;

/**
 * The bench's operators of a branch, each with a password hashed as the app does (argon2id) and
 * the role `roleOf(i)` names; made once (a kept database already has them).
 */
export async function benchOperators(
  db: Db,
  opts: {
    count: number;
    username: (i: number) => string;
    name: (i: number) => string;
    branchId: number;
    password: string;
    roleOf: (i: number) => string;
  },
) {
  const roles = new Map((await db.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  for (let i = 0; i < opts.count; i++) {
    const username = opts.username(i);
    if (await db.selectFrom('operators').select('id').where('username', '=', username).executeTakeFirst()) continue;
    const now = new Date();
    const op = await db
      .insertInto('operators')
      .values({
        username,
        name: opts.name(i),
        branch_id: opts.branchId,
        password_hash: await hashPassword(opts.password),
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('operator_roles')
      .values({ operator_id: op.id, role_id: roles.get(opts.roleOf(i))! })
      .execute();
  }
}

import type { Context } from 'hono';
import type { Db } from '../../db/connect.js';
import type { AppEnv } from '../../http/context.js';

/** Who did it, from where: taken once from the request, passed to services. */
export interface Actor {
  operator_id: number | null;
  username: string;
  branch_id: number | null;
  ip: string;
  request_id: string;
  at: Date;
}

export function actorOf(c: Context<AppEnv>): Actor {
  const me = c.get('me');
  return {
    operator_id: me?.id ?? null,
    username: me?.username ?? '',
    branch_id: me?.branch.id ?? null,
    ip: c.get('ip'),
    request_id: c.get('requestId') ?? '',
    at: c.get('deps').clock.now(),
  };
}

export interface AuditEntry {
  action: string;
  resource?: string;
  record_id?: string | number | null;
  before?: unknown;
  after?: unknown;
  detail?: string;
}

/** The audit row for an entry, as inserted (bulk writers insert many at once). */
export function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    at: actor.at,
    operator_id: actor.operator_id,
    username: actor.username,
    branch_id: actor.branch_id,
    ip: actor.ip,
    request_id: actor.request_id,
    action: entry.action,
    resource: entry.resource ?? '',
    record_id: entry.record_id == null ? null : String(entry.record_id),
    before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    detail: entry.detail ?? '',
  };
}

/** Appends one row to the audit trail. Called inside the mutation's own transaction, so a
 * change without its audit row cannot commit (fail-closed). */
export async function audit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(actor, entry)).execute();
}

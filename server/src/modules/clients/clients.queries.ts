import type { Db } from '../../db/connect.js';
import { likePattern } from '../../http/list-query.js';

/** The clients list's query with its filters: one owner, shared by the list and its export (clients.export.ts). */
export function clients(db: Db, scope: number | null, f: Record<string, unknown>) {
  let q = db.selectFrom('clients as c');
  if (scope !== null) q = q.where('c.branch_id', '=', scope);
  if (f.id !== undefined)
    q = q.where('c.id', 'in', Array.isArray(f.id) ? (f.id.length ? (f.id as number[]) : [0]) : [f.id as number]);
  // find a client by account number, ID number or name (柜台查找)
  if (f.q)
    q = q.where((eb) =>
      eb.or([
        eb('c.client_no', 'like', `${String(f.q).replace(/[\\%_]/g, (m) => `\\${m}`)}%`),
        eb('c.id_number', '=', String(f.q).toUpperCase()),
        eb('c.name', 'like', likePattern(String(f.q))),
      ]),
    );
  // the filter's value was validated against the column's schema by parseListQuery; Kysely cannot see that
  for (const k of ['client_no', 'id_number', 'status', 'client_class', 'client_manager_id', 'branch_id'] as const)
    if (f[k] !== undefined) q = q.where(`c.${k}`, '=', f[k] as never);
  if (f.opened_on_gte) q = q.where('c.opened_on', '>=', String(f.opened_on_gte));
  if (f.opened_on_lte) q = q.where('c.opened_on', '<=', String(f.opened_on_lte));
  return q;
}

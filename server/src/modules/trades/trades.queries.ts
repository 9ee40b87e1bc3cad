import type { Db } from '../../db/connect.js';

/** The trades list's query with its filters: one owner, shared by the list and its export (trades.export.ts). */
export function trades(db: Db, scope: number | null, f: Record<string, unknown>) {
  // untyped until the lists share one typed listPage() (issue 13): filters are added by column name
  let q = db.selectFrom('trades as t') as any;
  if (scope !== null) q = q.where('t.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('t.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  for (const k of ['client_id', 'order_id', 'code', 'side', 'branch_id'])
    if (f[k] !== undefined) q = q.where(`t.${k}`, '=', f[k]);
  if (f.business_date_gte) q = q.where('t.business_date', '>=', f.business_date_gte);
  if (f.business_date_lte) q = q.where('t.business_date', '<=', f.business_date_lte);
  return q;
}

import type { Db } from '../../db/connect.js';

/**
 * The orders list's query with its filters: one owner, shared by the list routes and their export
 * (orders.export.ts), so the export selects exactly the rows the list shows. The holdings' and
 * shareholder accounts' lists have theirs in their own modules (positions.queries.ts,
 * shareholder-accounts.queries.ts).
 */
const inList = (v: unknown) => (Array.isArray(v) ? (v.length ? (v as number[]) : [0]) : [v as number]);

export function orders(db: Db, scope: number | null, f: Record<string, unknown>) {
  // untyped until the lists share one typed listPage() (issue 13): filters are added by column name
  let q = db.selectFrom('orders as o') as any;
  if (scope !== null) q = q.where('o.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('o.id', 'in', inList(f.id));
  for (const k of ['client_id', 'status', 'side', 'code', 'branch_id'])
    if (f[k] !== undefined) q = q.where(`o.${k}`, '=', f[k]);
  if (f.business_date_gte) q = q.where('o.business_date', '>=', f.business_date_gte);
  if (f.business_date_lte) q = q.where('o.business_date', '<=', f.business_date_lte);
  return q;
}

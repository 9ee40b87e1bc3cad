import type { Db } from '../../db/connect.js';

/**
 * The list queries of orders, holdings and shareholder accounts, with the lists' filters: one owner
 * for each, shared by the list routes and their exports (orders.export.ts, positions.export.ts,
 * shareholder-accounts.export.ts), so an export selects exactly the rows its list shows.
 */
const inList = (v: unknown) => (Array.isArray(v) ? (v.length ? (v as number[]) : [0]) : [v as number]);

export function orders(db: Db, scope: number | null, f: Record<string, unknown>) {
  let q = db.selectFrom('orders as o') as any;
  if (scope !== null) q = q.where('o.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('o.id', 'in', inList(f.id));
  for (const k of ['client_id', 'status', 'side', 'code']) if (f[k] !== undefined) q = q.where(`o.${k}`, '=', f[k]);
  if (f.business_date_gte) q = q.where('o.business_date', '>=', f.business_date_gte);
  if (f.business_date_lte) q = q.where('o.business_date', '<=', f.business_date_lte);
  return q;
}
export function positions(db: Db, scope: number | null, f: Record<string, unknown>) {
  let q = (db.selectFrom('positions as p') as any)
    .innerJoin('securities as s', 's.id', 'p.security_id')
    .innerJoin('shareholder_accounts as h', 'h.id', 'p.shareholder_account_id');
  if (scope !== null) q = q.where('p.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('p.id', 'in', inList(f.id));
  if (f.client_id !== undefined) q = q.where('p.client_id', '=', f.client_id);
  if (f.shareholder_account_id !== undefined) q = q.where('p.shareholder_account_id', '=', f.shareholder_account_id);
  return q;
}
export const POSITION_COLUMNS = [
  'p.id',
  'p.client_id',
  'p.shareholder_account_id',
  'h.code as shareholder_code',
  'p.security_id',
  's.market',
  's.code',
  's.name',
  'p.quantity',
  'p.frozen',
  'p.today_bought',
  'p.cost',
  's.prev_close',
];
export function holders(db: Db, scope: number | null, f: Record<string, unknown>) {
  let q = db.selectFrom('shareholder_accounts as h');
  if (scope !== null) q = q.where('h.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('h.id', 'in', inList(f.id));
  if (f.client_id !== undefined) q = q.where('h.client_id', '=', f.client_id as number);
  if (f.market) q = q.where('h.market', '=', String(f.market));
  if (f.code) q = q.where('h.code', '=', String(f.code));
  return q;
}

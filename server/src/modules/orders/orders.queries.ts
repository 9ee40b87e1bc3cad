import { sql } from 'kysely';
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
  for (const k of ['client_id', 'status', 'side', 'code', 'branch_id'])
    if (f[k] !== undefined) q = q.where(`o.${k}`, '=', f[k]);
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
  if (f.branch_id !== undefined) q = q.where('p.branch_id', '=', f.branch_id);
  // held: what the client holds now (a holding sold to nothing stays as a row of zeros)
  if (f.held === true) q = q.where((eb: any) => eb.or([eb('p.quantity', '<>', 0), eb('p.frozen', '<>', 0)]));
  return q;
}
export const POSITION_COLUMNS = [
  'p.id',
  'p.client_id',
  'p.branch_id',
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
/**
 * What a holding is worth, in SQL (numeric, never a float), for the 证券余额 list, the client
 * page's holdings and the list's export alike: sellable shares (T+1: not today's buys, not the
 * frozen), cost price, market value at the previous close (the last close once day-end has
 * rolled it), floating profit or loss = market value − cost (cost includes the buying fees).
 */
export const positionValues = () => [
  sql<number>`p.quantity - p.today_bought - p.frozen`.as('sellable'),
  sql<string | null>`CASE WHEN p.quantity > 0 THEN round(p.cost / p.quantity, 3) END`.as('cost_price'),
  sql<string>`round(p.quantity * s.prev_close, 2)`.as('market_value'),
  sql<string>`round(p.quantity * s.prev_close, 2) - p.cost`.as('profit'),
];
export function holders(db: Db, scope: number | null, f: Record<string, unknown>) {
  let q = db.selectFrom('shareholder_accounts as h');
  if (scope !== null) q = q.where('h.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('h.id', 'in', inList(f.id));
  if (f.client_id !== undefined) q = q.where('h.client_id', '=', f.client_id as number);
  if (f.market) q = q.where('h.market', '=', String(f.market));
  if (f.code) q = q.where('h.code', '=', String(f.code));
  if (f.branch_id !== undefined) q = q.where('h.branch_id', '=', f.branch_id as number);
  return q;
}

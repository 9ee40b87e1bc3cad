import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/**
 * The holdings list's query with its filters: one owner, shared by the list routes and their
 * export (positions.export.ts), so the export selects exactly the rows the list shows.
 */
const inList = (v: unknown) => (Array.isArray(v) ? (v.length ? (v as number[]) : [0]) : [v as number]);

export function positions(db: Db, scope: number | null, f: Record<string, unknown>) {
  // untyped until the lists share one typed listPage() (issue 13): filters are added by column name
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

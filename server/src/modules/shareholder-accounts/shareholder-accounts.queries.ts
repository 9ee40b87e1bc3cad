import type { Db } from '../../db/connect.js';
import { SHAREHOLDER_MARKETS } from '../orders/shareholder-code.calc.js';

/**
 * The shareholder accounts list's query with its filters: one owner, shared by the list routes and
 * their export (shareholder-accounts.export.ts), so the export selects exactly the rows the list shows.
 */
const inList = (v: unknown) => (Array.isArray(v) ? (v.length ? (v as number[]) : [0]) : [v as number]);

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

/** The active markets a shareholder account can be opened on (those with a code format), in the markets' order. */
export function shareholderMarkets(db: Db) {
  return db
    .selectFrom('markets')
    .select(['code', 'name_zh', 'name_en'])
    .where('status', '=', 'active')
    .where('code', 'in', SHAREHOLDER_MARKETS)
    .orderBy('id')
    .execute();
}

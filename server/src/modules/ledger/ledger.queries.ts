import { apiDate } from '../../http/dates.js';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { idFilter, type ListFilter } from '../../http/list-query.js';
import { JOURNAL_TYPES } from './ledger.calc.js';

/**
 * The lists of fund accounts, the fund journal and bank transfers: their specs (sort and filter
 * allow-lists) and queries, one owner each, shared by the list routes and their exports
 * (ledger.export.ts), so an export selects exactly the rows its list shows. `branch_id` is head
 * office's branch filter; for a branch operator it narrows their own branch's rows like any other
 * filter, so another branch gives an empty list (nothing is said about that branch's rows).
 */
export const accountSpec = {
  sortable: ['id', 'account_no', 'balance', 'frozen', 'opened_on'],
  defaultSort: ['account_no', 'ASC'],
  filters: {
    id: idFilter,
    client_id: z.number().int().positive().optional(),
    account_no: z.string().max(20).optional(),
    status: z.enum(['active', 'closed']).optional(),
    branch_id: z.number().int().positive().optional(),
  },
} as const;
export const journalSpec = {
  sortable: ['id', 'business_date', 'amount', 'type'],
  defaultSort: ['id', 'DESC'],
  filters: {
    id: idFilter,
    account_id: z.number().int().positive().optional(),
    client_id: z.number().int().positive().optional(),
    type: z.enum(JOURNAL_TYPES).optional(),
    business_date_gte: apiDate.optional(),
    business_date_lte: apiDate.optional(),
    branch_id: z.number().int().positive().optional(),
  },
} as const;

export function accounts(db: Db, scope: number | null, f: ListFilter<typeof accountSpec>) {
  let q = db.selectFrom('fund_accounts as a').innerJoin('clients as c', 'c.id', 'a.client_id');
  if (scope !== null) q = q.where('a.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('a.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.client_id !== undefined) q = q.where('a.client_id', '=', f.client_id);
  if (f.account_no) q = q.where('a.account_no', '=', f.account_no);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.branch_id !== undefined) q = q.where('a.branch_id', '=', f.branch_id);
  return q;
}
export const ACCOUNT_COLUMNS = [
  'a.id',
  'a.account_no',
  'a.client_id',
  'c.client_no',
  'c.name as client_name',
  'a.currency',
  'a.balance',
  'a.frozen',
  'a.unwithdrawable',
  'a.credit_line',
  'a.status',
  'a.branch_id',
  'a.opened_on',
  'a.version',
] as const;

export function journal(db: Db, scope: number | null, f: ListFilter<typeof journalSpec>) {
  let q = db
    .selectFrom('fund_journal_all as j')
    .innerJoin('fund_accounts as a', 'a.id', 'j.account_id')
    .leftJoin('operators as op', 'op.id', 'j.operator_id');
  if (scope !== null) q = q.where('j.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('j.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.account_id !== undefined) q = q.where('j.account_id', '=', f.account_id);
  if (f.client_id !== undefined) q = q.where('a.client_id', '=', f.client_id);
  if (f.type) q = q.where('j.type', '=', f.type);
  if (f.business_date_gte) q = q.where('j.business_date', '>=', f.business_date_gte);
  if (f.business_date_lte) q = q.where('j.business_date', '<=', f.business_date_lte);
  if (f.branch_id !== undefined) q = q.where('j.branch_id', '=', f.branch_id);
  return q;
}

export const transferSpec = {
  sortable: ['id', 'business_date', 'amount'],
  defaultSort: ['id', 'DESC'],
  filters: {
    id: idFilter,
    client_id: z.number().int().positive().optional(),
    bank_code: z.string().max(10).optional(),
    type: z.enum(['bank_in', 'bank_out']).optional(),
    business_date_gte: apiDate.optional(),
    business_date_lte: apiDate.optional(),
    branch_id: z.number().int().positive().optional(),
  },
} as const;

/** The journal's bank-securities transfers (银证转入/转出), per bank and client; the bank's name comes with the row. */
export function bankTransfers(db: Db, scope: number | null, f: ListFilter<typeof transferSpec>) {
  const { type, bank_code, ...rest } = f;
  let q = journal(db, scope, rest)
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .leftJoin('banks as bk', 'bk.code', 'j.bank_code')
    .where('j.type', 'in', type ? [type] : ['bank_in', 'bank_out']);
  if (bank_code) q = q.where('j.bank_code', '=', bank_code);
  return q;
}

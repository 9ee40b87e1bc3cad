import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { dateFilter, idFilter, type ListFilter, textFilter } from '../../http/list-query.js';

/** The branch works on Beijing time: a date filter means that calendar day there. */
const BRANCH_TZ_OFFSET = '+08:00';

export const listSpec = {
  sortable: ['id', 'at', 'username', 'action', 'resource'],
  defaultSort: ['at', 'DESC'],
  filters: {
    id: idFilter,
    operator_id: z.number().int().positive().optional(),
    action: z.string().max(40).optional(),
    resource: z.string().max(40).optional(),
    record_id: z.string().max(40).optional(),
    q: textFilter,
    at_gte: dateFilter,
    at_lte: dateFilter,
  },
} as const;
type Filter = ListFilter<typeof listSpec>;

/** The audit trail an operator may see, with the list's filters (the list and its export, audit.export.ts). */
export function auditQuery(db: Db, scope: number | null, f: Filter) {
  let q = db.selectFrom('audit_log as a');
  if (scope !== null) q = q.where('a.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('a.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.operator_id !== undefined) q = q.where('a.operator_id', '=', f.operator_id);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.resource) q = q.where('a.resource', '=', f.resource);
  if (f.record_id) q = q.where('a.record_id', '=', f.record_id);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('a.username', '=', f.q!), eb('a.detail', 'ilike', `%${f.q!.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)]),
    );
  if (f.at_gte) q = q.where('a.at', '>=', sql<Date>`${`${f.at_gte}T00:00:00${BRANCH_TZ_OFFSET}`}::timestamptz`);
  if (f.at_lte)
    q = q.where('a.at', '<', sql<Date>`${`${f.at_lte}T00:00:00${BRANCH_TZ_OFFSET}`}::timestamptz + interval '1 day'`);
  return q;
}

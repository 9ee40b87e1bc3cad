import type { Db } from '../../db/connect.js';

export interface PackageFilter {
  id?: number | number[];
  business_date?: string;
  branch_id?: number;
  /** the operator's scope: null = every branch */
  scope: number | null;
}

/** The archive's packages in the operator's scope, with the branch's and the generator's names. */
export function packagesQuery(db: Db, f: PackageFilter) {
  let q = db
    .selectFrom('report_packages as p')
    .innerJoin('branches as b', 'b.id', 'p.branch_id')
    .leftJoin('operators as o', 'o.id', 'p.created_by');
  if (f.scope !== null) q = q.where('p.branch_id', '=', f.scope);
  if (f.id !== undefined) q = q.where('p.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.business_date) q = q.where('p.business_date', '=', f.business_date);
  if (f.branch_id !== undefined) q = q.where('p.branch_id', '=', f.branch_id);
  return q.select([
    'p.id',
    'p.branch_id',
    'b.name as branch_name',
    'p.business_date',
    'p.version',
    'p.file',
    'p.bytes',
    'p.sha256',
    'p.prev_sha256',
    'p.manifest',
    'p.source',
    'p.created_by',
    'o.name as created_by_name',
    'p.created_at',
  ]);
}

import { sql } from 'kysely';
import type { Db } from '../../server/src/db/connect.js';
import { buildPackage } from '../../server/src/modules/report-packages/report-packages.service.js';

/**
 * The demo's 报表归档 holds the package its last closed day's day-end would have made: the seed
 * closes its history before the archive directory is known (a package per seeded day would add
 * minutes), so the package of the last day is built once the archive is set, as the clerk who
 * ran that day-end. Earlier days: 报表归档 → 生成.
 */
export async function archiveLastDemoDay(db: Db) {
  const { rows } = await sql<{ date: string | null; branch_id: number | null; clerk: number | null }>`
    SELECT (SELECT max(business_date)::text FROM day_end_runs WHERE status = 'completed') AS date,
      (SELECT id FROM branches WHERE NOT is_head_office ORDER BY id LIMIT 1) AS branch_id,
      (SELECT id FROM operators WHERE username = 'clerk') AS clerk`.execute(db);
  const r = rows[0]!;
  if (!r.date || !r.branch_id || !r.clerk) return;
  const actor = {
    operator_id: r.clerk,
    username: 'clerk',
    branch_id: r.branch_id,
    ip: '',
    request_id: 'demo-archive',
    at: new Date(),
  };
  await db
    .transaction()
    .execute((trx) => buildPackage(trx, actor, { branchId: r.branch_id!, date: r.date!, source: 'day_end' }));
}

import type { Db } from '../../db/connect.js';

/** The parameters of export jobs, in one read: the row threshold, how many at once, days kept. */
export async function jobParams(db: Db): Promise<{ threshold: number; maxRunning: number; retentionDays: number }> {
  const rows = await db
    .selectFrom('system_params')
    .select(['key', 'value'])
    .where('key', 'in', ['export_job_threshold_rows', 'export_job_max_running', 'export_job_retention_days'])
    .execute();
  const v = Object.fromEntries(rows.map((r) => [r.key, Number(r.value)]));
  return {
    threshold: v.export_job_threshold_rows ?? 100_000,
    maxRunning: Math.max(1, v.export_job_max_running ?? 2),
    retentionDays: v.export_job_retention_days ?? 7,
  };
}

/** One operator's jobs (every list and read of 我的导出 is the owner's own: a job is its requester's file). */
export function ownJobs(db: Db, operatorId: number) {
  return db.selectFrom('export_jobs as j').selectAll('j').where('j.operator_id', '=', operatorId);
}

export type JobRow = NonNullable<Awaited<ReturnType<ReturnType<typeof ownJobs>['executeTakeFirst']>>>;

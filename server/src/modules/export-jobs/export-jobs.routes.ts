import { createReadStream, existsSync } from 'node:fs';
import type { Context } from 'hono';
import { sql } from 'kysely';
import { type AppEnv, readDb } from '../../http/context.js';
import { attachment } from '../../http/attachment.js';
import { AppError, notFound } from '../../http/errors.js';
import { contentRange, idFilter, parseListQuery } from '../../http/list-query.js';
import { idParams, jsonBody, listParams, route, router, z } from '../../http/route.js';
import { webStream } from '../../http/stream.js';
import { actorOf, audit } from '../audit/audit.service.js';
import { ownJobs } from './export-jobs.repository.js';
import type { ExportJobs } from './export-jobs.service.js';
import { jobBody } from './export-jobs.words.js';
import { statementsJob } from './statements.job.js';

const tags = ['export_jobs'];
const STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'expired'] as const;
const spec = {
  sortable: ['id', 'created_at', 'status'],
  defaultSort: ['id', 'DESC'],
  filters: { id: idFilter, status: z.enum(STATUSES).optional() },
} as const;

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
} as const;

function jobsOf(c: Context<AppEnv>): ExportJobs {
  const jobs = c.get('deps').jobs;
  if (!jobs) throw new AppError(409, 'EXPORT_JOBS_OFF', 'export_jobs_not_configured');
  return jobs;
}

/** The operator's own job, or 404: another operator's export is not theirs to see (same for head office). */
async function ownJob(c: Context<AppEnv>, id: string) {
  const row = await ownJobs(c.get('deps').db, c.get('me')!.id).where('j.id', '=', Number(id)).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * 我的导出: the signed-in operator's background exports — the list with progress, one job, cancel,
 * the finished file's download (audited as the report's or list's download), and the month's
 * 对账单 of every client as one zip. A job was started under the right of what it exports.
 */
export const exportJobRoutes = router()
  .openapi(
    route('signed_in', {
      method: 'get',
      path: '/export_jobs',
      tags,
      summary: '我的导出 My background exports, newest first, with rows done of rows expected',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), spec);
      const db = c.get('deps').db;
      let q = ownJobs(db, c.get('me')!.id);
      if (list.filter.id !== undefined)
        q = q.where('j.id', 'in', Array.isArray(list.filter.id) ? [0, ...list.filter.id] : [list.filter.id]);
      if (list.filter.status) q = q.where('j.status', '=', list.filter.status);
      const { n } = await db
        .selectFrom(q.as('x'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await q
        .orderBy(sql.ref(`j.${list.sort.field}`), list.sort.order)
        .orderBy('j.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      const lang = c.get('lang');
      return c.json(
        rows.map((r) => jobBody(r, lang)),
        200,
        contentRange('export_jobs', list.offset, rows.length, Number(n)),
      );
    },
  )
  .openapi(
    route('client_statement.export', {
      method: 'post',
      path: '/export_jobs/statements',
      tags,
      summary: "对账单 The month's statement of every client in scope, one PDF each, in one zip (a background job)",
      request: {
        ...jsonBody(
          z.strictObject({
            month: z
              .string()
              .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
              .openapi({ example: '2026-11' }),
          }),
        ),
      },
    }),
    async (c) => {
      const jobs = jobsOf(c);
      const me = c.get('me')!;
      const deps = c.get('deps');
      const spec = await statementsJob({
        ...readDb(deps),
        runner: { id: me.id, name: me.name, branch: me.branch, all_branches: me.all_branches },
        lang: c.get('lang'),
        at: deps.clock.now(),
        month: c.req.valid('json').month,
      });
      const job = await jobs.submit({ operator_id: me.id, branch_id: me.branch.id }, spec);
      return c.json(jobBody(job, c.get('lang')), 202);
    },
  )
  .openapi(
    route('signed_in', {
      method: 'get',
      path: '/export_jobs/{id}',
      tags,
      summary: '导出任务 One of my exports',
      request: { params: idParams },
    }),
    async (c) => c.json(jobBody(await ownJob(c, c.req.valid('param').id), c.get('lang')), 200),
  )
  .openapi(
    route('signed_in', {
      method: 'post',
      path: '/export_jobs/{id}/cancel',
      tags,
      summary: '取消导出 Cancel one of my exports while it waits or runs',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await ownJob(c, c.req.valid('param').id);
      const cancelled = (row.status === 'queued' || row.status === 'running') && (await jobsOf(c).cancel(row.id));
      if (!cancelled) throw new AppError(409, 'EXPORT_JOB_ENDED', 'export_job_not_cancellable');
      await jobsOf(c).settled(row.id);
      return c.json(jobBody(await ownJob(c, String(row.id)), c.get('lang')), 200);
    },
  )
  .openapi(
    route('signed_in', {
      method: 'get',
      path: '/export_jobs/{id}/download',
      tags,
      summary: '下载导出文件 The finished file of one of my exports',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await ownJob(c, c.req.valid('param').id);
      if (row.status === 'expired') throw new AppError(404, 'EXPORT_JOB_EXPIRED', 'export_job_gone');
      if (row.status !== 'completed' || !row.file)
        throw new AppError(409, 'EXPORT_JOB_NOT_READY', 'export_job_not_ready');
      const where = jobsOf(c).filePath(row.file);
      if (!existsSync(where)) throw new AppError(404, 'EXPORT_JOB_EXPIRED', 'export_job_gone');
      // one audit row each time, naming the job and what it holds (the report or list, format, parameters)
      await audit(c.get('deps').db, actorOf(c), {
        action: 'download',
        resource: 'export_jobs',
        record_id: row.id,
        detail: JSON.stringify({ source: row.source, ...(JSON.parse(row.detail) as object) }),
      });
      return c.body(webStream(createReadStream(where)), 200, {
        'Content-Type': TYPES[row.format],
        'Content-Disposition': attachment(row.name),
        'Content-Length': String(row.bytes),
        'Cache-Control': 'no-store',
      });
    },
  );

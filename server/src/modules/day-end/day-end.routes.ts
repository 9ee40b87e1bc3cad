import { apiDate } from '../../http/dates.js';
import { sql } from 'kysely';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { notFound } from '../../http/errors.js';
import { contentRange, idFilter, parseListQuery } from '../../http/list-query.js';
import { actorOf } from '../audit/audit.service.js';
import { progressStream } from '../../http/progress-stream.js';
import { dayEndProgressKey, findRun, precheck, runDayEnd } from './day-end.service.js';

const tags = ['day_end_runs'];
const spec = {
  sortable: ['id', 'business_date', 'started_at'],
  defaultSort: ['id', 'DESC'],
  filters: { id: idFilter, status: z.enum(['completed', 'failed']).optional(), business_date: apiDate.optional() },
} as const;

/** Day-end is company-wide (one business date), so its runs are not branch-scoped. */
export const dayEndRoutes = router()
  .openapi(
    route('day_end_runs.list', {
      method: 'get',
      path: '/day_end_runs',
      tags,
      summary: '日终记录 Day-end runs',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), spec);
      let q = c.get('deps').db.selectFrom('day_end_runs as r') as any;
      if (list.filter.id !== undefined)
        q = q.where(
          'r.id',
          'in',
          Array.isArray(list.filter.id) ? (list.filter.id.length ? list.filter.id : [0]) : [list.filter.id],
        );
      if (list.filter.status) q = q.where('r.status', '=', list.filter.status);
      if (list.filter.business_date) q = q.where('r.business_date', '=', list.filter.business_date);
      const { n } = await q.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await q
        .selectAll('r')
        .orderBy(sql.ref(`r.${list.sort.field}`), list.sort.order)
        .orderBy('r.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('day_end_runs', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('day_end_runs.list', {
      method: 'get',
      path: '/day_end_runs/precheck',
      tags,
      summary: "日终预检 Open orders, today's trades, invariants now, and the warnings a run must acknowledge",
    }),
    async (c) => c.json(await precheck(c.get('deps').db), 200),
  )
  .openapi(
    route('day_end_runs.list', {
      method: 'get',
      path: '/day_end_runs/progress',
      tags,
      summary:
        "日终进度 A run's progress as Server-Sent Events (`event: progress`, JSON: state, step {code, index, count}, done, expected, error, elapsed_ms), ending after its final state. `business_date` defaults to the date running, else the open date; `wait=true` waits for the next run (the screen opens it before starting one), else nothing known ends the stream at once",
      request: {
        query: z.object({
          business_date: apiDate.optional(),
          wait: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: { 200: { description: 'text/event-stream' } },
    }),
    async (c) => {
      const { business_date, wait } = c.req.valid('query');
      const hub = c.get('deps').progress!;
      // memory first: while a run holds the embedded engine's one connection, no query is answered
      const running = hub.running(dayEndProgressKey(''))[0];
      const key = business_date
        ? dayEndProgressKey(business_date)
        : (running ??
          dayEndProgressKey(
            (
              await c
                .get('deps')
                .db.selectFrom('system_params')
                .select('value')
                .where('key', '=', 'business_date')
                .executeTakeFirstOrThrow()
            ).value,
          ));
      return progressStream(c, hub, key, { wait: wait === 'true' });
    },
  )
  .openapi(
    route('day_end_runs.show', {
      method: 'get',
      path: '/day_end_runs/{id}',
      tags,
      summary: '日终详情 One run with its steps',
      request: { params: idParams },
    }),
    async (c) => {
      const run = await findRun(c.get('deps').db, Number(c.req.valid('param').id));
      if (!run) throw notFound();
      return c.json(run, 200);
    },
  )
  .openapi(
    route('day_end_runs.run', {
      method: 'post',
      path: '/day_end_runs',
      tags,
      summary:
        "执行日终 Run day-end for the open business date (all steps or nothing); `acknowledged` lists the pre-check's warning codes the operator accepts — a warning left out is a 400 naming it",
      request: jsonBody(
        z.strictObject({
          business_date: apiDate,
          acknowledged: z.array(z.string().max(60)).max(100).default([]),
        }),
      ),
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(
        await runDayEnd(c.get('deps').db, actorOf(c), body.business_date, {
          backups: c.get('deps').backups,
          acknowledged: body.acknowledged,
          progress: c.get('deps').progress,
          afterStep: c.get('deps').faults?.afterDayEndStep,
        }),
        201,
      );
    },
  );

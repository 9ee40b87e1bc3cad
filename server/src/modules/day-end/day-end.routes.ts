import { apiDate } from '../../http/dates.js';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { notFound } from '../../http/errors.js';
import { contentRange, parseListQuery } from '../../http/list-query.js';
import { actorOf } from '../audit/audit.service.js';
import { progressStream } from '../../http/progress-stream.js';
import { dayEndProgressKey, precheck, runDayEnd } from './day-end.service.js';
import { findRun, listRuns, runListSpec } from './day-end-runs.repository.js';
import { wordRun, wordRunWithSteps } from './day-end.words.js';

const tags = ['day_end_runs'];

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
      const list = parseListQuery(c.req.valid('query'), runListSpec);
      const { total, rows } = await listRuns(c.get('deps').db, list);
      const lang = c.get('lang');
      return c.json(
        rows.map((r) => wordRun(r, lang)),
        200,
        contentRange('day_end_runs', list.offset, rows.length, total),
      );
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
      return c.json(wordRunWithSteps(run, c.get('lang')), 200);
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
      const run = await runDayEnd(c.get('deps').db, actorOf(c), body.business_date, {
        backups: c.get('deps').backups,
        acknowledged: body.acknowledged,
        progress: c.get('deps').progress,
        afterStep: c.get('deps').faults?.afterDayEndStep,
      });
      return c.json(run && wordRunWithSteps(run, c.get('lang')), 201);
    },
  );

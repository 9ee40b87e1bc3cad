import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { DayEndRunsTable, DayEndStepsTable } from '../../db/schema.js';
import { apiDate } from '../../http/dates.js';
import { idFilter, type ListFilter, type ListQuery } from '../../http/list-query.js';
import { z } from 'zod';
import { paramsJson, type Worded } from './day-end.words.js';

export type DayEndRun = Selectable<DayEndRunsTable>;
export type DayEndStep = Selectable<DayEndStepsTable>;
export type DayEndRunWithSteps = DayEndRun & { steps: DayEndStep[] };

/** The runs list: what a client may sort and filter by. */
export const runListSpec = {
  sortable: ['id', 'business_date', 'started_at'],
  defaultSort: ['id', 'DESC'],
  filters: { id: idFilter, status: z.enum(['completed', 'failed']).optional(), business_date: apiDate.optional() },
} as const;
export type RunFilter = ListFilter<typeof runListSpec>;

/** A run as day-end records it: completed (with tomorrow's date) or failed (at a step, with why). */
export type NewRun = {
  business_date: string;
  operator_id: number | null;
  started_at: Date;
  finished_at: Date;
} & ({ status: 'completed'; next_date: string } | { status: 'failed'; failed_step: string; error: Worded });

/** A step as the run records it: what it reported, or why it failed. */
export interface NewStep {
  seq: number;
  name: string;
  status: 'completed' | 'failed';
  started_at: Date;
  finished_at: Date;
  rows: number;
  detail: Worded;
}

/** The completed run of `date`, if any (a date completes once). */
export function completedRunOf(db: Db, date: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('day_end_runs')
    .select('id')
    .where('business_date', '=', date)
    .where('status', '=', 'completed')
    .executeTakeFirst();
}

/** Records a run; its id. */
export async function insertRun(db: Db, run: NewRun): Promise<number> {
  const { business_date, operator_id, started_at, finished_at } = run;
  const row = await db
    .insertInto('day_end_runs')
    .values(
      run.status === 'completed'
        ? { business_date, operator_id, started_at, finished_at, status: 'completed', next_date: run.next_date }
        : {
            business_date,
            operator_id,
            started_at,
            finished_at,
            status: 'failed',
            failed_step: run.failed_step,
            error_key: run.error.key,
            error_params: paramsJson(run.error),
          },
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records a step of run `runId`. */
export async function insertStep(db: Db, runId: number, step: NewStep): Promise<void> {
  await db
    .insertInto('day_end_steps')
    .values({
      run_id: runId,
      seq: step.seq,
      name: step.name,
      status: step.status,
      started_at: step.started_at,
      finished_at: step.finished_at,
      rows: step.rows,
      detail_key: step.detail.key,
      detail_params: paramsJson(step.detail),
    })
    .execute();
}

/** Day-end is company-wide (one business date), so its runs are not branch-scoped. */
function runsQuery(db: Db, f: RunFilter) {
  let q = db.selectFrom('day_end_runs as r');
  if (f.id !== undefined) q = q.where('r.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.business_date) q = q.where('r.business_date', '=', f.business_date);
  return q;
}

/** A page of runs (without their steps) and how many there are in all. */
export async function listRuns(db: Db, list: ListQuery<RunFilter>): Promise<{ total: number; rows: DayEndRun[] }> {
  const base = runsQuery(db, list.filter);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('r')
    // the field is one of runListSpec.sortable (parseListQuery checked it), never the request's text
    .orderBy(sql.ref(`r.${list.sort.field}`), list.sort.order)
    .orderBy('r.id', list.sort.order)
    .offset(list.offset)
    .limit(list.limit)
    .execute();
  return { total: Number(n), rows };
}

/** One run with its steps in order, or undefined. */
export async function findRun(db: Db, id: number): Promise<DayEndRunWithSteps | undefined> {
  const run = await db.selectFrom('day_end_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!run) return undefined;
  const steps = await db.selectFrom('day_end_steps').selectAll().where('run_id', '=', id).orderBy('seq').execute();
  return { ...run, steps };
}

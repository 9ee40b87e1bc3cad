import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { AppError } from '../../http/errors.js';
import { t } from '../../http/messages.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { STEPS } from './day-end.steps.js';
import { invariantViolations } from './invariants.queries.js';
import { takeSnapshot, type BackupContext } from '../backups/backups.service.js';

const DAY_END_LOCK = 4_242_001;

type StepRecord = {
  seq: number;
  name: string;
  status: string;
  started_at: Date;
  finished_at: Date;
  rows: number;
  detail: string;
};

/**
 * Runs day-end for the open business date D (DOMAIN.md §3.5): every step in one transaction, so a
 * failure — or a crash — leaves the data as it was and the run can simply be started again.
 * Serialized (one run at a time, under an advisory lock; postings wait on the business date);
 * D must be the open date (so D−1 is done); a completed date is never run again.
 * With `backups`, the books are snapshotted just before the run's transaction (清算前备份: a dump
 * sees only committed data, so this is the day as it stood) and just after it commits (清算后备份).
 */
export async function runDayEnd(db: Db, actor: Actor, date: string, opts: { backups?: BackupContext } = {}) {
  const started = actor.at;
  // times on the actor's clock (the app's clock, or a seeded day's), advancing at the real pace
  const t0 = Date.now();
  const now = () => new Date(started.getTime() + (Date.now() - t0));
  const steps: StepRecord[] = [];
  const snapshot = async (kind: 'before_clearing' | 'after_clearing', runId: number | null): Promise<StepRecord> => {
    const s0 = now();
    const b = await takeSnapshot(opts.backups!, actor, { kind, business_date: date, run_id: runId });
    return {
      seq: 0,
      name: kind === 'before_clearing' ? 'snapshot_before' : 'snapshot_after',
      status: 'completed',
      started_at: s0,
      finished_at: now(),
      rows: 1,
      detail: `${b.file}（${Math.round(Number(b.bytes) / 104_857.6) / 10} MB）`,
    };
  };
  // a date already done or not open is refused before a snapshot is spent on it
  const open = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'business_date')
    .executeTakeFirstOrThrow();
  const done = await db
    .selectFrom('day_end_runs')
    .select('id')
    .where('business_date', '=', date)
    .where('status', '=', 'completed')
    .executeTakeFirst();
  const before = opts.backups && open.value === date && !done ? await snapshot('before_clearing', null) : undefined;
  let result: Awaited<ReturnType<typeof findRun>>;
  try {
    result = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${DAY_END_LOCK})`.execute(trx);
      // the set-based steps sort and hash a day's rows at once: let them do it in memory
      await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
      const done = await trx
        .selectFrom('day_end_runs')
        .select('id')
        .where('business_date', '=', date)
        .where('status', '=', 'completed')
        .executeTakeFirst();
      if (done) throw new AppError(409, 'DAY_END_DONE', 'day_end_done', { date });
      // lock the business date: postings and orders wait here, then find tomorrow's date
      const { rows } = await sql<{
        value: string;
      }>`SELECT value FROM system_params WHERE key = 'business_date' FOR UPDATE`.execute(trx);
      if (rows[0]!.value !== date)
        throw new AppError(409, 'DAY_END_NOT_OPEN', 'day_end_not_open', { date, open: rows[0]!.value });
      let seq = 0;
      if (before) steps.push({ ...before, seq: ++seq });
      for (const step of STEPS) {
        const s0 = now();
        const r = await step.run({ trx, actor, date });
        // fault injection for the crash test: die in the middle of the run, transaction open
        if (process.env.DAY_END_CRASH_AT === step.name) process.kill(process.pid, 'SIGKILL');
        steps.push({
          seq: ++seq,
          name: step.name,
          status: 'completed',
          started_at: s0,
          finished_at: now(),
          rows: r.rows,
          detail: r.detail,
        });
      }
      const next = (
        await trx
          .selectFrom('system_params')
          .select('value')
          .where('key', '=', 'business_date')
          .executeTakeFirstOrThrow()
      ).value;
      const { rows: run } = await sql<{
        id: number;
      }>`INSERT INTO day_end_runs (business_date, status, operator_id, started_at, finished_at, next_date) VALUES (${date}, 'completed', ${actor.operator_id}, ${started}, ${now()}, ${next}) RETURNING id`.execute(
        trx,
      );
      for (const s of steps)
        await sql`INSERT INTO day_end_steps (run_id, seq, name, status, started_at, finished_at, rows, detail) VALUES (${run[0]!.id}, ${s.seq}, ${s.name}, ${s.status}, ${s.started_at}, ${s.finished_at}, ${s.rows}, ${s.detail})`.execute(
          trx,
        );
      await audit(trx, actor, {
        action: 'run',
        resource: 'day_end_runs',
        record_id: run[0]!.id,
        detail: `${date} → ${next}`,
      });
      return findRun(trx, run[0]!.id);
    });
  } catch (e) {
    // nothing of the run committed; record that it failed, at which step and why
    if (e instanceof AppError && (e.code === 'DAY_END_DONE' || e.code === 'DAY_END_NOT_OPEN')) throw e;
    const failedAt = STEPS[steps.length - (before ? 1 : 0)]?.name ?? '';
    const reason = e instanceof AppError ? t('zh', e.key, e.params) : String((e as Error).message ?? e);
    const { rows: run } = await sql<{
      id: number;
    }>`INSERT INTO day_end_runs (business_date, status, operator_id, started_at, finished_at, error) VALUES (${date}, 'failed', ${actor.operator_id}, ${started}, ${now()}, ${`${failedAt}: ${reason}`.slice(0, 1000)}) RETURNING id`.execute(
      db,
    );
    await sql`INSERT INTO day_end_steps (run_id, seq, name, status, started_at, finished_at, detail) VALUES (${run[0]!.id}, ${steps.length + 1}, ${failedAt}, 'failed', ${now()}, ${now()}, ${reason.slice(0, 500)})`.execute(
      db,
    );
    await audit(db, actor, {
      action: 'run_failed',
      resource: 'day_end_runs',
      record_id: run[0]!.id,
      detail: `${date} ${failedAt}: ${reason}`.slice(0, 500),
    });
    throw e;
  }
  if (!opts.backups) return result;
  // the run has committed: a failed snapshot after it is recorded on the run, the books stay as they are
  const runId = (result as unknown as { id: number }).id;
  const after = await snapshot('after_clearing', runId).catch((e: unknown) => ({
    seq: 0,
    name: 'snapshot_after',
    status: 'failed',
    started_at: now(),
    finished_at: now(),
    rows: 0,
    detail: (e instanceof AppError ? t('zh', e.key, e.params) : String((e as Error).message ?? e)).slice(0, 500),
  }));
  await sql`INSERT INTO day_end_steps (run_id, seq, name, status, started_at, finished_at, rows, detail) VALUES (${runId}, ${steps.length + 1}, ${after.name}, ${after.status}, ${after.started_at}, ${after.finished_at}, ${after.rows}, ${after.detail})`.execute(
    db,
  );
  return findRun(db, runId);
}

export async function findRun(db: Db, id: number) {
  const run = await db.selectFrom('day_end_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!run) return undefined;
  const steps = await db.selectFrom('day_end_steps').selectAll().where('run_id', '=', id).orderBy('seq').execute();
  return { ...run, steps };
}

/** What the screen shows before a run: open orders, today's trades, and whether the invariants hold now. */
export async function precheck(db: Db) {
  const date = (
    await db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
  ).value;
  const { rows } = await sql<{ open_orders: number; trades: number }>`
    SELECT (SELECT count(*)::int FROM orders WHERE business_date = ${date} AND status IN ('open', 'partially_filled')) AS open_orders,
           (SELECT count(*)::int FROM trades WHERE business_date = ${date}) AS trades`.execute(db);
  const broken = await invariantViolations(db);
  return {
    business_date: date,
    open_orders: rows[0]!.open_orders,
    trades: rows[0]!.trades,
    invariants_hold: broken.length === 0,
    violations: broken,
  };
}

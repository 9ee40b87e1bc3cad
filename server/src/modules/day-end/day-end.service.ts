import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connect.js';
import { AppError } from '../../http/errors.js';
import { t } from '../../http/messages.js';
import { requestLang } from '../../http/lang.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { STEPS } from './day-end.steps.js';
import { invariantViolations } from './invariants.queries.js';
import { takeSnapshot, type BackupContext } from '../backups/backups.service.js';
import { progressReporter, type ProgressHub } from '../../progress/progress.js';
import {
  completedRunOf,
  type DayEndRunWithSteps,
  findRun,
  insertRun,
  insertStep,
  type NewStep,
} from './day-end-runs.repository.js';
import { reasonOf, word } from './day-end.words.js';

const DAY_END_LOCK = 4_242_001;

/**
 * Runs day-end for the open business date D (DOMAIN.md §3.5): every step in one transaction, so a
 * failure — or a crash — leaves the data as it was and the run can simply be started again.
 * Serialized (one run at a time, under an advisory lock; postings wait on the business date);
 * D must be the open date (so D−1 is done); a completed date is never run again.
 * With `backups`, the books are snapshotted just before the run's transaction (清算前备份: a dump
 * sees only committed data, so this is the day as it stood) and just after it commits (清算后备份).
 */
export interface DayEndOptions {
  backups?: BackupContext;
  /**
   * The pre-check's warnings (dayEndWarnings) the operator has read and accepts, by code; the run
   * is refused while one the day has is missing. 'all' accepts whatever the day has: for callers
   * with no one to read them (the seed's history, benchmarks), which say so by passing it.
   */
  acknowledged?: readonly string[] | 'all';
  /**
   * Where the run tells how far it is, under `day_end:<date>` (dayEndProgressKey): before each
   * step its code and place, then the step's rows done of expected as it reports them, and at the
   * end 'completed' or 'failed' with the error's code. The run is one transaction, so this channel
   * (memory, not the database) is the only way its progress can be seen while it runs.
   */
  progress?: ProgressHub;
  /**
   * A fault point for the crash suites, called after each step inside the run's transaction (they
   * kill the process there: crashAfter). Set only where a test composes the process (the CLI and
   * the fault suite's server read their environment for it); the product never sets it.
   */
  afterStep?: (step: string) => void;
}

/** The afterStep that kills the process right after `step` (the transaction still open), or none. */
export function crashAfter(step: string | undefined): DayEndOptions['afterStep'] {
  if (!step) return undefined;
  return (name) => {
    if (name === step) process.kill(process.pid, 'SIGKILL');
  };
}

/** The progress channel's key of the day-end run of `date`. */
export const dayEndProgressKey = (date: string) => `day_end:${date}`;

export async function runDayEnd(db: Db, actor: Actor, date: string, opts: DayEndOptions = {}) {
  const started = actor.at;
  // times on the actor's clock (the app's clock, or a seeded day's), advancing at the real pace
  const t0 = Date.now();
  const now = () => new Date(started.getTime() + (Date.now() - t0));
  const steps: NewStep[] = [];
  // one publisher per date: a second request for a date already running waits on the lock (and is
  // then refused) without mixing its words into the running one's
  const key = dayEndProgressKey(date);
  const reporter = progressReporter(opts.progress?.get(key)?.state === 'running' ? undefined : opts.progress, key);
  const stepCount = STEPS.length + (opts.backups ? 2 : 0);
  let stepIndex = 0;
  let reported = false;
  let counted = false;
  /** a step begins: published at once, whatever the throttle */
  const begin = (code: string) => {
    reported = true;
    counted = false;
    reporter.update({ step: { code, index: ++stepIndex, count: stepCount }, done: 0, expected: null }, true);
  };
  const progress = (done: number, expected: number | null) => {
    counted = true;
    reporter.update({ done, expected });
  };
  /** a step that counted its rows ends: its last count is published, whatever the throttle */
  const end = () => counted && reporter.update({}, true);
  const snapshot = async (kind: 'before_clearing' | 'after_clearing', runId: number | null): Promise<NewStep> => {
    begin(kind === 'before_clearing' ? 'snapshot_before' : 'snapshot_after');
    const s0 = now();
    const b = await takeSnapshot(opts.backups!, actor, { kind, business_date: date, run_id: runId });
    return {
      seq: 0,
      name: kind === 'before_clearing' ? 'snapshot_before' : 'snapshot_after',
      status: 'completed',
      started_at: s0,
      finished_at: now(),
      rows: 1,
      detail: {
        key: 'day_end_step_snapshot',
        params: { file: b.file, mb: Math.round(Number(b.bytes) / 104_857.6) / 10 },
      },
    };
  };
  // a date already done or not open is refused before a snapshot is spent on it
  const open = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'business_date')
    .executeTakeFirstOrThrow();
  const done = await completedRunOf(db, date);
  // warnings not acknowledged are refused before a snapshot is spent on the run, and again under the lock below
  if (open.value === date && !done) requireAcknowledged(await dayEndWarnings(db, date), opts.acknowledged);
  const before =
    opts.backups && open.value === date && !done
      ? await snapshot('before_clearing', null).catch((e: unknown) => {
          reporter.finish('failed', e instanceof AppError ? e.code : 'INTERNAL');
          throw e;
        })
      : undefined;
  let acknowledged: DayEndWarning[] = [];
  let result: DayEndRunWithSteps | undefined;
  try {
    result = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${DAY_END_LOCK})`.execute(trx);
      // the set-based steps sort and hash a day's rows at once: let them do it in memory
      await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
      if (await completedRunOf(trx, date)) throw new AppError(409, 'DAY_END_DONE', 'day_end_done', { date });
      // lock the business date: postings and orders wait here, then find tomorrow's date
      const { rows } = await sql<{
        value: string;
      }>`SELECT value FROM system_params WHERE key = 'business_date' FOR UPDATE`.execute(trx);
      if (rows[0]!.value !== date)
        throw new AppError(409, 'DAY_END_NOT_OPEN', 'day_end_not_open', { date, open: rows[0]!.value });
      // the day may have changed since the pre-check: the warnings as the run finds them
      acknowledged = await dayEndWarnings(trx, date);
      requireAcknowledged(acknowledged, opts.acknowledged);
      let seq = 0;
      if (before) steps.push({ ...before, seq: ++seq });
      for (const step of STEPS) {
        begin(step.name);
        const s0 = now();
        const r = await step.run({ trx, actor, date, progress });
        end();
        opts.afterStep?.(step.name);
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
      const runId = await insertRun(trx, {
        business_date: date,
        status: 'completed',
        operator_id: actor.operator_id,
        started_at: started,
        finished_at: now(),
        next_date: next,
      });
      for (const s of steps) await insertStep(trx, runId, s);
      await audit(trx, actor, {
        action: 'run',
        resource: 'day_end_runs',
        record_id: runId,
        // which pre-check warnings the operator accepted, on record with the run
        after: acknowledged.length ? { acknowledged: acknowledged.map((w) => w.code) } : undefined,
        detail: `${date} → ${next}`,
      });
      return findRun(trx, runId);
    });
  } catch (e) {
    // the screen and the CLI word the code; a run refused before its first step said nothing, and says nothing now
    const failed = () => reported && reporter.finish('failed', e instanceof AppError ? e.code : 'INTERNAL');
    // nothing of the run committed; record that it failed, at which step and why
    if (
      e instanceof AppError &&
      (e.code === 'DAY_END_DONE' || e.code === 'DAY_END_NOT_OPEN' || e.code === 'DAY_END_UNACKNOWLEDGED')
    ) {
      failed();
      throw e;
    }
    const failedAt = STEPS[steps.length - (before ? 1 : 0)]?.name ?? '';
    // the reason as data (its message key and parameters), worded by whoever reads the run
    const reason = reasonOf(e);
    try {
      const runId = await insertRun(db, {
        business_date: date,
        status: 'failed',
        operator_id: actor.operator_id,
        started_at: started,
        finished_at: now(),
        failed_step: failedAt,
        error: reason,
      });
      const at = now();
      await insertStep(db, runId, {
        seq: steps.length + 1,
        name: failedAt,
        status: 'failed',
        started_at: at,
        finished_at: at,
        rows: 0,
        detail: reason,
      });
      // the audit trail's detail is text, in the console's language
      await audit(db, actor, {
        action: 'run_failed',
        resource: 'day_end_runs',
        record_id: runId,
        detail: `${date} ${failedAt}: ${word('zh', reason)}`.slice(0, 500),
      });
    } finally {
      // after the failed run is on record, so a screen that reloads on this word finds it
      failed();
    }
    throw e;
  }
  if (!opts.backups) {
    reporter.finish('completed');
    return result;
  }
  // the run has committed: a failed snapshot after it is recorded on the run, the books stay as they are
  try {
    // the transaction returned the run it recorded
    const runId = result!.id;
    const after = await snapshot('after_clearing', runId).catch(
      (e: unknown): NewStep => ({
        seq: 0,
        name: 'snapshot_after',
        status: 'failed',
        started_at: now(),
        finished_at: now(),
        rows: 0,
        detail: reasonOf(e),
      }),
    );
    await insertStep(db, runId, { ...after, seq: steps.length + 1 });
    return await findRun(db, runId);
  } finally {
    // committed, whatever befell the snapshot after it
    reporter.finish('completed');
  }
}

/**
 * What the pre-check warns about, for the open date D. The clerk must acknowledge each one before
 * day-end runs (runDayEnd's `acknowledged`), since the run closes D for good:
 *
 * - `no_trade_report`: a branch placed orders on D and no trade-report file was imported for it
 *   (成交数据转换: trade_report_imports, its own import or head office's) — fills the exchange
 *   reported would never be delivered; the run would expire the orders instead. A day without
 *   orders needs no report.
 * - `bank_unreconciled:<bank code>`: a bank with bank-securities transfers on D (reversed ones left
 *   out, as the detail file leaves them out) whose statement has not been reconciled cleanly for
 *   every branch concerned: the latest reconciliation of D with that bank (the branch's own or head
 *   office's) is missing (`none`), found differences or unreadable lines (`differences`), or no
 *   longer covers the detail — transfers posted or reversed since (`changed`).
 */
export type DayEndWarning =
  | { code: 'no_trade_report'; kind: 'no_trade_report'; params: { orders: number; branches: string } }
  | {
      code: string;
      kind: 'bank_unreconciled';
      params: {
        bank_code: string;
        bank_name_zh: string;
        bank_name_en: string;
        transfers: number;
        net: string;
        state: 'none' | 'differences' | 'changed';
      };
    };

export async function dayEndWarnings(db: Db, date: string): Promise<DayEndWarning[]> {
  const warnings: DayEndWarning[] = [];
  const { rows: unreported } = await sql<{ name: string; orders: number }>`
    SELECT b.name, count(*)::int AS orders FROM orders o JOIN branches b ON b.id = o.branch_id
    WHERE o.business_date = ${date}
      AND NOT EXISTS (SELECT 1 FROM trade_report_imports i WHERE i.business_date = ${date} AND (i.branch_id IS NULL OR i.branch_id = o.branch_id))
    GROUP BY b.id, b.name ORDER BY b.id`.execute(db);
  if (unreported.length)
    warnings.push({
      code: 'no_trade_report',
      kind: 'no_trade_report',
      params: {
        orders: unreported.reduce((n, r) => n + r.orders, 0),
        branches: unreported.map((r) => r.name).join('、'),
      },
    });
  const { rows: banks } = await sql<{
    bank_code: string;
    bank_name_zh: string | null;
    bank_name_en: string | null;
    n: number;
    net: string;
    state: 'ok' | 'none' | 'differences' | 'changed';
  }>`
    WITH t AS (
      SELECT j.branch_id, j.bank_code, count(*)::int AS n, sum(j.amount) AS net
      FROM fund_journal_all j
      WHERE j.business_date = ${date} AND j.type IN ('bank_in', 'bank_out') AND j.bank_code IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM fund_journal_all r WHERE r.reverses_id = j.id)
      GROUP BY j.branch_id, j.bank_code
    ),
    whole AS (SELECT bank_code, sum(n)::int AS n, sum(net) AS net FROM t GROUP BY bank_code),
    latest AS (
      SELECT DISTINCT ON (bank_code, coalesce(branch_id, 0)) bank_code, branch_id, ours, net_ours, differences
      FROM bank_reconciliations WHERE business_date = ${date}
      ORDER BY bank_code, coalesce(branch_id, 0), id DESC
    )
    SELECT t.bank_code, b.name_zh AS bank_name_zh, b.name_en AS bank_name_en, t.n, t.net,
      CASE
        WHEN EXISTS (SELECT 1 FROM latest r WHERE r.bank_code = t.bank_code AND r.branch_id = t.branch_id
                       AND r.differences = 0 AND r.ours = t.n AND r.net_ours = t.net)
          OR EXISTS (SELECT 1 FROM latest r JOIN whole w ON w.bank_code = r.bank_code WHERE r.bank_code = t.bank_code
                       AND r.branch_id IS NULL AND r.differences = 0 AND r.ours = w.n AND r.net_ours = w.net) THEN 'ok'
        WHEN NOT EXISTS (SELECT 1 FROM latest r WHERE r.bank_code = t.bank_code AND (r.branch_id IS NULL OR r.branch_id = t.branch_id)) THEN 'none'
        WHEN EXISTS (SELECT 1 FROM latest r WHERE r.bank_code = t.bank_code AND (r.branch_id IS NULL OR r.branch_id = t.branch_id) AND r.differences > 0) THEN 'differences'
        ELSE 'changed'
      END AS state
    FROM t LEFT JOIN banks b ON b.code = t.bank_code
    ORDER BY t.bank_code, t.branch_id`.execute(db);
  const rank = { ok: 0, changed: 1, differences: 2, none: 3 } as const;
  const byBank = new Map<string, Extract<DayEndWarning, { kind: 'bank_unreconciled' }>>();
  for (const r of banks) {
    if (r.state === 'ok') continue;
    const w = byBank.get(r.bank_code);
    if (!w) {
      byBank.set(r.bank_code, {
        code: `bank_unreconciled:${r.bank_code}`,
        kind: 'bank_unreconciled',
        params: {
          bank_code: r.bank_code,
          bank_name_zh: r.bank_name_zh ?? r.bank_code,
          bank_name_en: r.bank_name_en ?? r.bank_name_zh ?? r.bank_code,
          transfers: r.n,
          net: r.net,
          state: r.state,
        },
      });
      continue;
    }
    w.params.transfers += r.n;
    w.params.net = new Decimal(w.params.net).plus(r.net).toFixed(2);
    if (rank[r.state] > rank[w.params.state]) w.params.state = r.state;
  }
  for (const w of byBank.values()) w.params.net = new Decimal(w.params.net).toFixed(2);
  return [...warnings, ...byBank.values()];
}

/** A warning in words, in the request's language (the CLI's: Chinese). */
export function warningText(w: DayEndWarning, lang = requestLang.getStore() ?? 'zh'): string {
  if (w.kind === 'no_trade_report') return t(lang, 'day_end_warning_no_trade_report', w.params);
  return t(lang, `day_end_warning_bank_${w.params.state}`, {
    bank: lang === 'en' ? w.params.bank_name_en : w.params.bank_name_zh,
    transfers: w.params.transfers,
  });
}

/** Refuses (400, naming them) the warnings of the day the operator has not acknowledged. */
export function requireAcknowledged(warnings: DayEndWarning[], acknowledged: readonly string[] | 'all' = []) {
  if (acknowledged === 'all') return;
  const missing = warnings.filter((w) => !acknowledged.includes(w.code));
  if (!missing.length) return;
  const lang = requestLang.getStore() ?? 'zh';
  const what = missing.map((w) => warningText(w, lang)).join(lang === 'en' ? '; ' : '；');
  throw new AppError(
    400,
    'DAY_END_UNACKNOWLEDGED',
    'day_end_unacknowledged',
    { what, codes: missing.map((w) => w.code).join(',') },
    { acknowledged: t(lang, 'day_end_unacknowledged', { what }) },
  );
}

/** What the screen shows before a run: open orders, today's trades, whether the invariants hold
 * now, and the warnings to acknowledge. */
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
    warnings: await dayEndWarnings(db, date),
  };
}

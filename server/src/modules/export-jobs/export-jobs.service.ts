import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Db } from '../../db/connect.js';
import type { Clock } from '../../clock.js';
import { type ProgressHub, progressReporter } from '../../progress/progress.js';
import { jobParams, type JobRow } from './export-jobs.repository.js';

/** What a job writes: the file's kind and name, its audit detail, and the writer itself. */
export interface JobSpec {
  kind: 'report' | 'list' | 'statements';
  /** the report id or list resource (the audit row's resource at download) */
  source: string;
  format: 'xlsx' | 'pdf' | 'csv' | 'zip';
  /** the file name the browser saves, without its extension */
  name: string;
  /** the download's audit detail (format, parameters, rows) */
  detail: string;
  rowsExpected: number;
  /**
   * Writes the whole file to `out`, calling `onRows` as rows (or statements) go out; resolves
   * with how many went out. It must stop (reject) once `out` is destroyed: that is cancel.
   */
  write(out: Writable, onRows: (n: number) => void): Promise<number>;
}

/** How often a running job writes its rows done to its row (the hub hears it more often). */
const PERSIST_EVERY_MS = 1000;

/**
 * 我的导出: the background worker of long exports, in the server's process. A job is a row
 * (queued → running → completed | failed | cancelled, then expired when its file is removed)
 * and a file in `dir`, written as `<file>.part` and renamed when whole, so nothing half-written
 * is ever offered. At most `export_job_max_running` run at once; the rest wait in order. Progress
 * goes to the hub under `export_job:<id>` and, every second, to the row.
 */
export class ExportJobs {
  private readonly queue: { id: number; spec: JobSpec }[] = [];
  private readonly running = new Map<number, Writable>();
  private readonly waiting = new Set<() => void>();
  /** running jobs being cancelled: their writer's failure is the cancel, not an error */
  private readonly cancelling = new Set<number>();
  /** each running job's whole run, for `settled` */
  private readonly runs = new Map<number, Promise<void>>();

  constructor(private readonly opts: { db: Db; dir: string; clock: Clock; progress?: ProgressHub }) {
    mkdirSync(opts.dir, { recursive: true });
  }

  get dir(): string {
    return this.opts.dir;
  }

  filePath(file: string): string {
    return path.join(this.opts.dir, path.basename(file));
  }

  /** Records a job as queued and starts it when a slot is free. */
  async submit(owner: { operator_id: number; branch_id: number }, spec: JobSpec): Promise<JobRow> {
    const row = await this.opts.db
      .insertInto('export_jobs')
      .values({
        operator_id: owner.operator_id,
        branch_id: owner.branch_id,
        kind: spec.kind,
        source: spec.source,
        format: spec.format,
        name: spec.name.slice(0, 200),
        detail: spec.detail,
        status: 'queued',
        rows_expected: spec.rowsExpected,
        created_at: this.opts.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.queue.push({ id: row.id, spec });
    this.opts.progress?.publish(`export_job:${row.id}`, {
      state: 'running',
      done: 0,
      expected: spec.rowsExpected,
      elapsed_ms: 0,
    });
    void this.kick();
    return row;
  }

  /** Starts queued jobs while fewer than the parameter's number run. */
  private async kick(): Promise<void> {
    const { maxRunning } = await jobParams(this.opts.db);
    while (this.running.size < maxRunning && this.queue.length) {
      const next = this.queue.shift()!;
      const run = this.run(next.id, next.spec).finally(() => this.runs.delete(next.id));
      this.runs.set(next.id, run);
    }
  }

  private async run(id: number, spec: JobSpec): Promise<void> {
    const { db, clock } = this.opts;
    const file = `${id}-${randomBytes(6).toString('hex')}.${spec.format}`;
    const part = this.filePath(`${file}.part`);
    const out = createWriteStream(part);
    // A file error (the directory gone, the disk full) fails this job: the writer's next write and
    // `finished` see it. Without a listener, an 'error' event would end the whole server process.
    out.on('error', (e) => console.error(`export job ${id}: ${e.message}`));
    this.running.set(id, out);
    const report = progressReporter(this.opts.progress, `export_job:${id}`);
    let done = 0;
    let persisted = Date.now();
    let persisting: Promise<unknown> = Promise.resolve();
    report.update({ done: 0, expected: spec.rowsExpected }, true);
    try {
      await db
        .updateTable('export_jobs')
        .set({ status: 'running', started_at: clock.now() })
        .where('id', '=', id)
        .execute();
      const rows = await spec.write(out, (n) => {
        // the first rows are told at once (the bar moves off zero), the rest at the reporter's pace
        report.update({ done: done + n }, done === 0);
        done += n;
        if (Date.now() - persisted >= PERSIST_EVERY_MS) {
          persisted = Date.now();
          // a progress write that fails is logged, not fatal: the row gets its figures at the end
          persisting = db
            .updateTable('export_jobs')
            .set({ rows_done: done })
            .where('id', '=', id)
            .execute()
            .catch((e) => console.error(`export job ${id}: progress not saved`, e));
        }
      });
      if (!out.writableFinished) await finished(out);
      await persisting;
      const bytes = (await stat(part)).size;
      const sha256 = await fileHash(part);
      await rename(part, this.filePath(file));
      const { retentionDays } = await jobParams(db);
      const at = clock.now();
      await db
        .updateTable('export_jobs')
        .set({
          status: 'completed',
          rows_done: rows,
          file,
          bytes,
          sha256,
          finished_at: at,
          expires_at: new Date(at.getTime() + retentionDays * 86_400_000),
        })
        .where('id', '=', id)
        .execute();
      report.update({ done: rows }, true);
      report.finish('completed');
    } catch (e) {
      const cancelled = this.cancelling.has(id);
      out.destroy();
      rmSync(part, { force: true });
      await persisting.catch(() => undefined);
      if (!cancelled) console.error(`export job ${id} (${spec.source}.${spec.format}) failed`, e);
      await db
        .updateTable('export_jobs')
        .set({
          status: cancelled ? 'cancelled' : 'failed',
          rows_done: done,
          error: cancelled ? null : 'EXPORT_FAILED',
          finished_at: clock.now(),
        })
        .where('id', '=', id)
        .execute();
      report.finish(cancelled ? 'cancelled' : 'failed', cancelled ? undefined : 'EXPORT_FAILED');
    } finally {
      this.running.delete(id);
      this.cancelling.delete(id);
      if (!this.running.size && !this.queue.length) for (const w of this.waiting) w();
      void this.kick();
    }
  }

  /**
   * Cancels a queued or running job of this process: a queued one never starts, a running one's
   * file is destroyed (its writer stops at the next batch) and removed. False when there was
   * nothing to cancel (finished already, or not this process's).
   */
  async cancel(id: number): Promise<boolean> {
    const queued = this.queue.findIndex((q) => q.id === id);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      await this.opts.db
        .updateTable('export_jobs')
        .set({ status: 'cancelled', finished_at: this.opts.clock.now() })
        .where('id', '=', id)
        .execute();
      this.opts.progress?.publish(`export_job:${id}`, { state: 'cancelled', done: 0, expected: null, elapsed_ms: 0 });
      return true;
    }
    const out = this.running.get(id);
    if (!out) return false;
    this.cancelling.add(id);
    out.destroy();
    return true;
  }

  /** Resolves once the job has stopped running here (at once when it does not run). */
  async settled(id: number): Promise<void> {
    await this.runs.get(id);
  }

  /**
   * At start: a job left queued or running by the last process can never finish (its writer died
   * with it): it is marked failed with the reason, and its partial file removed.
   */
  async recover(): Promise<number> {
    const r = await this.opts.db
      .updateTable('export_jobs')
      .set({ status: 'failed', error: 'SERVER_RESTARTED', finished_at: this.opts.clock.now() })
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    for (const f of readdirSync(this.opts.dir)) if (f.endsWith('.part')) rmSync(this.filePath(f), { force: true });
    return Number(r.numUpdatedRows);
  }

  /** Removes the files of completed jobs past their expiry (the row stays, as expired). */
  async sweep(): Promise<number> {
    const gone = await this.opts.db
      .updateTable('export_jobs')
      .set({ status: 'expired' })
      .where('status', '=', 'completed')
      .where('expires_at', '<=', this.opts.clock.now())
      .returning('file')
      .execute();
    for (const g of gone) if (g.file) rmSync(this.filePath(g.file), { force: true });
    return gone.length;
  }

  /**
   * What the server does once at start: fail what the last process left unfinished, remove
   * expired files, and look for expired ones every hour after.
   */
  async start(): Promise<{ interrupted: number; expired: number }> {
    const interrupted = await this.recover();
    const expired = await this.sweep();
    setInterval(() => void this.sweep().catch((e) => console.error('export job sweep failed', e)), 3_600_000).unref();
    return { interrupted, expired };
  }

  /** Resolves once no job runs or waits (tests, and a graceful stop). */
  idle(): Promise<void> {
    if (!this.running.size && !this.queue.length) return Promise.resolve();
    return new Promise((resolve) => {
      const w = () => {
        this.waiting.delete(w);
        resolve();
      };
      this.waiting.add(w);
    });
  }
}

async function fileHash(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

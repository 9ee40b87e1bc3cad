import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download } from '../../../../reports/test/files.js';
import { reportWorld, type World } from '../../../../reports/test/world.js';
import type { Progress } from '../../progress/progress.js';
import { ExportJobs, type JobSpec } from './export-jobs.service.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(async () => {
  await w?.t.close();
});

const setParam = (key: string, value: string) =>
  w.t.db.updateTable('system_params').set({ value }).where('key', '=', key).execute();
const job = async (id: number, as = w.s.manager) => (await w.t.call('GET', `/api/export_jobs/${id}`, { as })).json;
const audits = async (resource: string) =>
  Number(
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'download' AND resource = ${resource}`.execute(w.t.db)
    ).rows[0]!.n,
  );

/** A writer the test drives: it writes a line each time the test lets it, and stops once its file is destroyed. */
function gated(rows: number) {
  const gates: (() => void)[] = [];
  let started!: () => void;
  let exited = false;
  const running = new Promise<void>((r) => {
    started = r;
  });
  const spec: JobSpec = {
    kind: 'list',
    source: 'fund_journal',
    format: 'csv',
    name: 'test.csv',
    detail: '{}',
    rowsExpected: rows,
    async write(out: Writable, onRows) {
      started();
      try {
        for (let i = 0; i < rows; i++) {
          // the next step, or the file destroyed under it (cancel), as a renderer's drain waits
          await new Promise<void>((r) => {
            gates.push(r);
            out.once('close', r);
          });
          if (out.destroyed) throw new Error('the export was closed');
          out.write(`${i}\n`);
          onRows(1);
        }
        out.end();
        return rows;
      } finally {
        exited = true;
      }
    },
  };
  const tick = () => new Promise((r) => setTimeout(r, 2));
  return {
    spec,
    running,
    /** lets the writer take its next step (waits until it asks for it) */
    async step() {
      while (!gates.length && !exited) await tick();
      gates.shift()?.();
    },
    /** lets the writer run until it has stopped (finished, or found its file destroyed) */
    async release() {
      while (!exited) {
        gates.shift()?.();
        await tick();
      }
    },
  };
}

/** Polls (bounded) until `ok()` holds: for what happens on the worker's own schedule, never a timing assertion. */
async function until(ok: () => boolean) {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  return ok();
}

describe('long exports become background jobs (我的导出)', () => {
  it('past the row threshold a report is a job: 202, progress to the end, the same file as a direct download, one audit row per download', async () => {
    const q = `date_from=${w.closed[0]}&date_to=${w.last}`;
    const direct = await download(w.t, w.s.manager, `/api/reports/trade_details/csv?${q}`);
    expect(direct.status).toBe(200);
    const rows = direct.bytes.toString('utf8').trim().split('\n').length;
    expect(rows).toBeGreaterThan(12);
    await setParam('export_job_threshold_rows', '5');
    try {
      const events: Progress[] = [];
      const started = await w.t.call('GET', `/api/reports/trade_details/csv?${q}`, { as: w.s.manager });
      expect(started.status).toBe(202);
      const id = started.json.job.id as number;
      expect(started.json.job).toMatchObject({ status: 'queued', format: 'csv', rows_done: 0 });
      const expected = started.json.job.rows_expected as number;
      expect(expected).toBeGreaterThan(5);
      w.t.progress.subscribe(`export_job:${id}`, (p) => events.push(p));
      await w.t.jobs.idle();
      const done = await job(id);
      expect(done).toMatchObject({
        status: 'completed',
        rows_done: expected,
        rows_expected: expected,
        error_text: null,
      });
      expect(done.name).toMatch(/^成交明细.*\.csv$/);
      expect(done.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(done).not.toHaveProperty('file');
      // the channel's last word is the end, every row counted, never going backwards
      expect(events.at(-1)).toMatchObject({ state: 'completed', done: expected, expected });
      for (let i = 1; i < events.length; i++) expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
      // the job's file is byte for byte the file the download would have streamed; its download is audited
      const before = await audits('export_jobs');
      const file = await download(w.t, w.s.manager, `/api/export_jobs/${id}/download`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain('filename*=');
      expect(file.bytes.equals(direct.bytes)).toBe(true);
      expect(await audits('export_jobs')).toBe(before + 1);
      const row = await w.t.db
        .selectFrom('audit_log')
        .select(['record_id', 'detail'])
        .where('resource', '=', 'export_jobs')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(String(row.record_id)).toBe(String(id));
      expect(JSON.parse(row.detail)).toMatchObject({ source: 'trade_details', format: 'csv', rows: expected });
      const listed = (await w.t.call('GET', '/api/export_jobs', { as: w.s.manager })).json as { id: number }[];
      expect(listed.map((j) => j.id)).toContain(id);
    } finally {
      await setParam('export_job_threshold_rows', '100000');
    }
  });

  it("a job is its owner's: another operator gets 404 for it, and it is not in their list; no session is 401", async () => {
    const g = gated(1);
    const row = await w.t.jobs.submit({ operator_id: w.s.manager.me.id, branch_id: w.s.manager.me.branch.id }, g.spec);
    await g.step();
    await w.t.jobs.idle();
    for (const path of [`/api/export_jobs/${row.id}`, `/api/export_jobs/${row.id}/download`])
      expect((await w.t.call('GET', path, { as: w.s.hq })).status).toBe(404);
    expect((await w.t.call('POST', `/api/export_jobs/${row.id}/cancel`, { as: w.s.clerk })).status).toBe(404);
    const theirs = (await w.t.call('GET', '/api/export_jobs', { as: w.s.hq })).json as { id: number }[];
    expect(theirs.map((j) => j.id)).not.toContain(row.id);
    expect((await w.t.call('GET', `/api/export_jobs/${row.id}`)).status).toBe(401);
    expect((await w.t.call('GET', `/api/export_jobs/${row.id}/download`, { as: w.s.manager })).status).toBe(200);
  });

  it('at most export_job_max_running run at once; the others wait in order', async () => {
    await setParam('export_job_max_running', '1');
    try {
      const owner = { operator_id: w.s.manager.me.id, branch_id: w.s.manager.me.branch.id };
      const [a, b, c] = [gated(1), gated(1), gated(1)];
      const ja = await w.t.jobs.submit(owner, a.spec);
      const jb = await w.t.jobs.submit(owner, b.spec);
      const jc = await w.t.jobs.submit(owner, c.spec);
      await a.running;
      expect([(await job(ja.id)).status, (await job(jb.id)).status, (await job(jc.id)).status]).toEqual([
        'running',
        'queued',
        'queued',
      ]);
      await a.step();
      await b.running;
      expect([(await job(ja.id)).status, (await job(jb.id)).status, (await job(jc.id)).status]).toEqual([
        'completed',
        'running',
        'queued',
      ]);
      await b.step();
      await c.running;
      await c.step();
      await w.t.jobs.idle();
      expect((await job(jc.id)).status).toBe('completed');
    } finally {
      await setParam('export_job_max_running', '2');
    }
  });

  it('cancel stops a running job and leaves no file; a queued one never starts; an ended one is 409', async () => {
    const owner = { operator_id: w.s.manager.me.id, branch_id: w.s.manager.me.branch.id };
    const g = gated(5);
    const row = await w.t.jobs.submit(owner, g.spec);
    await g.running;
    await g.step();
    const cancelling = w.t.call('POST', `/api/export_jobs/${row.id}/cancel`, { as: w.s.manager });
    // the writer waits for its next step; the cancel destroys its file under it, which wakes it
    const res = await cancelling;
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'cancelled', error_text: null });
    expect(readdirSync(w.t.jobs.dir).filter((f) => f.startsWith(`${row.id}-`))).toEqual([]);
    expect((await w.t.call('GET', `/api/export_jobs/${row.id}/download`, { as: w.s.manager })).status).toBe(409);
    expect((await w.t.call('POST', `/api/export_jobs/${row.id}/cancel`, { as: w.s.manager })).status).toBe(409);
    await w.t.jobs.idle();
  });

  it('a restart marks what was running failed with the reason, removes its partial file, and offers nothing', async () => {
    const owner = { operator_id: w.s.manager.me.id, branch_id: w.s.manager.me.branch.id };
    const g = gated(3);
    const row = await w.t.jobs.submit(owner, g.spec);
    await g.running;
    await g.step();
    expect(
      await until(() => readdirSync(w.t.jobs.dir).some((f) => f.startsWith(`${row.id}-`) && f.endsWith('.part'))),
    ).toBe(true);
    // the process "dies": a new worker over the same database and directory starts
    const next = new ExportJobs({ db: w.t.db, dir: w.t.jobs.dir, clock: w.t.clock });
    expect(await next.recover()).toBe(1);
    expect(readdirSync(w.t.jobs.dir).some((f) => f.endsWith('.part'))).toBe(false);
    const failed = await job(row.id);
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'SERVER_RESTARTED',
      error_text: '服务重启，导出中断，请重新导出',
    });
    expect((await w.t.call('GET', `/api/export_jobs/${row.id}/download`, { as: w.s.manager })).status).toBe(409);
    // (the old worker's writer is still waiting: let it go, so the file's database closes cleanly)
    await w.t.jobs.cancel(row.id);
    await g.release();
    await w.t.jobs.idle();
    expect((await job(row.id)).status).toBe('cancelled');
  });

  it('a file error (its directory removed under the worker) fails the job, not the server process', async () => {
    const owner = { operator_id: w.s.manager.me.id, branch_id: w.s.manager.me.branch.id };
    const dir = mkdtempSync(path.join(tmpdir(), 'jobs-gone-'));
    const worker = new ExportJobs({ db: w.t.db, dir, clock: w.t.clock });
    rmSync(dir, { recursive: true });
    const g = gated(2);
    const row = await worker.submit(owner, g.spec);
    await g.release();
    await worker.idle();
    expect(await job(row.id)).toMatchObject({ status: 'failed', error: 'EXPORT_FAILED' });
    expect(existsSync(dir)).toBe(false);
  });

  it('a finished file is removed after export_job_retention_days: the job stays listed as expired', async () => {
    const owner = { operator_id: w.s.manager.me.id, branch_id: w.s.manager.me.branch.id };
    const g = gated(1);
    const row = await w.t.jobs.submit(owner, g.spec);
    await g.step();
    await w.t.jobs.idle();
    const done = await w.t.db.selectFrom('export_jobs').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(existsSync(w.t.jobs.filePath(done.file!))).toBe(true);
    expect(await w.t.jobs.sweep()).toBe(0);
    expect(done.expires_at!.getTime() - done.finished_at!.getTime()).toBe(7 * 86_400_000);
    // a week on (moved on the row, not the clock: the sessions of the other tests live on the clock)
    await w.t.db
      .updateTable('export_jobs')
      .set({ expires_at: new Date(w.t.clock.now().getTime() - 1) })
      .where('id', '=', row.id)
      .execute();
    expect(await w.t.jobs.sweep()).toBeGreaterThanOrEqual(1);
    expect(existsSync(w.t.jobs.filePath(done.file!))).toBe(false);
    expect((await job(row.id)).status).toBe('expired');
    const gone = await w.t.call('GET', `/api/export_jobs/${row.id}/download`, { as: w.s.manager });
    expect(gone.status).toBe(404);
    expect(gone.json.error.message).toContain('保留期');
  });

  it("the month's 对账单 of every client: one PDF per client open in the month, in one zip, as a job", async () => {
    const month = w.last.slice(0, 7);
    expect((await w.t.call('POST', '/api/export_jobs/statements', { as: w.s.admin, body: { month } })).status).toBe(
      403,
    );
    expect(
      (await w.t.call('POST', '/api/export_jobs/statements', { as: w.s.clerk, body: { month: '2026-13' } })).status,
    ).toBe(400);
    const res = await w.t.call('POST', '/api/export_jobs/statements', { as: w.s.clerk, body: { month } });
    expect(res.status).toBe(202);
    await w.t.jobs.idle();
    const done = await job(res.json.id, w.s.clerk);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM clients WHERE branch_id = ${w.s.clerk.me.branch.id}
        AND opened_on <= ${w.last} AND (closed_on IS NULL OR closed_on >= ${`${month}-01`})`.execute(w.t.db);
    expect(done).toMatchObject({
      status: 'completed',
      format: 'zip',
      rows_expected: rows[0]!.n,
      rows_done: rows[0]!.n,
    });
    const file = await download(w.t, w.s.clerk, `/api/export_jobs/${res.json.id}/download`);
    const zip = await JSZip.loadAsync(file.bytes);
    const names = Object.keys(zip.files);
    expect(names.length).toBe(rows[0]!.n);
    const first = await zip.file(names[0]!)!.async('nodebuffer');
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(names[0]).toMatch(/^\d+-\p{Script=Han}+\.pdf$/u);
  }, 120_000);
});

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows, xlsxSheets } from '../../../../reports/test/files.js';
import { reportWorld, type World } from '../../../../reports/test/world.js';
import type { Session } from '../../../test/harness.js';
import { runDayEnd } from '../day-end/day-end.service.js';
import { parseReportSet } from './report-packages.calc.js';
import { type Manifest, PACKAGEABLE, setReportArchive, verifyChain } from './report-packages.service.js';

let w: World;
let dir: string;
beforeAll(async () => {
  w = await reportWorld();
  dir = mkdtempSync(path.join(tmpdir(), 'bc-report-archive-'));
  setReportArchive(dir);
});
afterAll(async () => {
  // the archive directory is module state: later test files run without one
  setReportArchive(undefined);
  rmSync(dir, { recursive: true, force: true });
  await w.t.close();
});

const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
interface Row {
  id: number;
  business_date: string;
  version: number;
  file: string;
  sha256: string;
  prev_sha256: string | null;
  source: string;
  reports: { zh: string; en: string }[];
  files: { name: string; format: string; rows: number }[];
}
const list = async (as: Session = w.s.clerk) => (await w.t.call('GET', '/api/report_packages', { as })).json as Row[];
const generate = (date: string, as: Session = w.s.clerk, body: Record<string, unknown> = {}) =>
  w.t.call('POST', '/api/report_packages', { as, body: { business_date: date, ...body } });
const verify = async (as: Session = w.s.clerk) =>
  (await w.t.call('POST', '/api/report_packages/verify', { as, body: {} })).json;
async function download(id: number, as: Session = w.s.clerk) {
  const res = await w.t.app.request(`/api/report_packages/${id}/download`, { headers: { cookie: as.cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
/** A package's files by name, and its manifest. */
async function open(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
  const files = new Map<string, Buffer>();
  for (const f of manifest.files) files.set(f.name, await zip.file(f.name)!.async('nodebuffer'));
  return { zip, manifest, files };
}
/**
 * The numbers of an .xlsx (every numeric cell, row by row) and its text below the header block,
 * without the lines that name when and by whom it was made: what a regeneration must repeat.
 */
async function figures(bytes: Buffer) {
  const sheets = await xlsxSheets(bytes);
  return sheets.map((s) =>
    s.rows
      .filter((r) => !r.some((c) => typeof c === 'string' && /制表时间|制表人/.test(c)))
      .map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c))),
  );
}

describe('报表归档 (daily report packages)', () => {
  let day: string;
  let first: Row;

  it('the parameter names reports and formats; only reports run by date and branch alone qualify', () => {
    const ids = new Set(PACKAGEABLE.map((r) => r.id));
    expect(ids.has('daily_fund_statement') && ids.has('trade_details')).toBe(true);
    expect(ids.has('cash_voucher') || ids.has('client_delivery')).toBe(false);
    expect(parseReportSet('daily_fund_statement:xlsx,pdf;fund_balances:csv', ids)).toEqual([
      { report: 'daily_fund_statement', formats: ['xlsx', 'pdf'] },
      { report: 'fund_balances', formats: ['csv'] },
    ]);
    for (const bad of [
      '',
      'fund_balances',
      'fund_balances:docx',
      'fund_balances:xlsx,xlsx',
      'cash_voucher:pdf',
      'a:xlsx;a:xlsx',
    ])
      expect(parseReportSet(bad, ids), bad).toBeNull();
  });

  it("day-end builds the day's package in its transaction; its manifest hashes match its files", async () => {
    day = w.open;
    const clerk = w.s.clerk.me;
    const run = await runDayEnd(
      w.t.db,
      {
        operator_id: clerk.id,
        username: clerk.username,
        branch_id: clerk.branch.id,
        ip: '127.0.0.1',
        request_id: 'test',
        at: new Date(),
      },
      day,
      { acknowledged: 'all' },
    );
    expect(run?.status).toBe('completed');
    const step = run!.steps.find((s: { name: string }) => s.name === 'report_package')!;
    expect(step).toMatchObject({
      detail_key: 'day_end_step_report_package',
      detail_params: { packages: expect.any(Number), files: expect.any(Number) },
    });
    const rows = await list();
    expect(rows).toHaveLength(1);
    first = rows[0]!;
    expect(first).toMatchObject({ business_date: day, version: 1, source: 'day_end', prev_sha256: null });
    expect(first.reports.map((r) => r.zh)).toEqual(
      ['资金日计表', '资金余额表', '成交明细', '一级清算', '资金业务汇总'].map((x) =>
        expect.stringContaining(x.slice(0, 2)),
      ),
    );
    expect(first.files.map((f) => f.format)).toEqual(['xlsx', 'pdf', 'xlsx', 'xlsx', 'xlsx', 'pdf', 'xlsx']);

    const got = await download(first.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/zip');
    expect(sha(got.bytes)).toBe(first.sha256);
    const { zip, manifest, files } = await open(got.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['manifest.json', ...manifest.files.map((f) => f.name)].sort());
    for (const f of manifest.files) {
      expect(sha(files.get(f.name)!), f.name).toBe(f.sha256);
      expect(files.get(f.name)!.length).toBe(f.bytes);
    }
    expect(manifest).toMatchObject({ business_date: day, version: 1, prev_sha256: null, source: 'day_end' });
    expect(manifest.generated_by.username).toBe('clerk');
    // the row count is the report's: 成交明细 of the day lists every trade of the branch that day
    const trades = await w.t.db
      .selectFrom('trades')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('business_date', '=', day)
      .where('branch_id', '=', clerk.branch.id)
      .executeTakeFirstOrThrow();
    expect(manifest.files.find((f) => f.report === 'trade_details')!.rows).toBe(Number(trades.n));
    expect(manifest.files.find((f) => f.report === 'trade_details')!.params).toMatchObject({
      date_from: day,
      date_to: day,
    });
    // the header says the day is closed (已日终), though the run had not yet recorded it
    const dfs = await xlsxSheets(files.get(manifest.files[0]!.name)!);
    expect(JSON.stringify(dfs[0]!.rows.slice(0, 5))).toContain('已日终');

    const trail = await w.t.db
      .selectFrom('audit_log')
      .select(['action', 'username', 'record_id'])
      .where('resource', '=', 'report_packages')
      .orderBy('id')
      .execute();
    expect(trail).toEqual([
      { action: 'generate', username: 'clerk', record_id: String(first.id) },
      { action: 'download', username: 'clerk', record_id: String(first.id) },
    ]);
  });

  it('regenerating a past date makes version 2 beside version 1, with the same numbers', async () => {
    const r = await generate(day, w.s.manager);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ business_date: day, version: 2, source: 'manual', prev_sha256: first.sha256 });
    const rows = await list();
    expect(rows.map((x) => [x.business_date, x.version])).toEqual([
      [day, 2],
      [day, 1],
    ]);
    const a = await open((await download(first.id)).bytes);
    const b = await open((await download(r.json.id)).bytes);
    expect(b.manifest.files.map((f) => [f.name, f.rows])).toEqual(a.manifest.files.map((f) => [f.name, f.rows]));
    expect(b.manifest.generated_by.username).toBe('manager');
    const withFigures: string[] = [];
    for (const f of a.manifest.files.filter((x) => x.format === 'xlsx')) {
      const before = await figures(a.files.get(f.name)!);
      const after = await figures(b.files.get(f.name)!);
      expect(after, f.name).toEqual(before);
      if (before.flat(2).some((c) => typeof c === 'number' && c !== 0)) withFigures.push(f.report);
    }
    // not a comparison of empty tables: the day's statement and balances carry amounts
    expect(withFigures).toEqual(expect.arrayContaining(['daily_fund_statement', 'fund_balances']));
    // a CSV in the set: the same text below its header line
    await w.t.db
      .updateTable('system_params')
      .set({ value: 'fund_balances:csv' })
      .where('key', '=', 'report_package_set')
      .execute();
    const c1 = await generate(w.closed[0]!);
    const c2 = await generate(w.closed[0]!);
    expect([c1.status, c2.status]).toEqual([201, 201]);
    const [x, y] = [await open((await download(c1.json.id)).bytes), await open((await download(c2.json.id)).bytes)];
    const text = (z: Awaited<ReturnType<typeof open>>) => csvRows(z.files.values().next().value!.toString('utf8'));
    expect(text(y)).toEqual(text(x));
    expect(text(x).length).toBeGreaterThan(2);
  });

  it('the chain verifies; a byte changed in an archived zip, or in a file inside it, is found and named', async () => {
    const ok = await verify();
    expect(ok).toMatchObject({ ok: true, checked: 4, broken: null });
    expect(ok.message).toContain('校验通过');

    const rows = (await list()).reverse(); // oldest first
    const second = rows[1]!;
    const where = path.join(dir, second.file);
    const original = readFileSync(where);
    const changed = Buffer.from(original);
    changed[Math.floor(changed.length / 2)]! ^= 0x01;
    writeFileSync(where, changed);
    const bad = await verify();
    expect(bad).toMatchObject({ ok: false, checked: 1, broken: { id: second.id, version: 2, problem: 'zip_hash' } });
    expect(bad.message).toContain(`#${second.id}`);

    // a forger who rewrites a file inside and the zip's hash in the row is caught by the manifest…
    const { zip, manifest } = await open(original);
    const target = manifest.files.find((f) => f.format === 'xlsx')!;
    const inner = await zip.file(target.name)!.async('nodebuffer');
    inner[inner.length - 10]! ^= 0x01;
    zip.file(target.name, inner);
    const forged = await zip.generateAsync({ type: 'nodebuffer' });
    writeFileSync(where, forged);
    await w.t.db
      .updateTable('report_packages')
      .set({ sha256: sha(forged) })
      .where('id', '=', second.id)
      .execute();
    const inside = await verify();
    expect(inside).toMatchObject({ broken: { id: second.id, problem: 'file_hash', file: target.name } });
    expect(inside.message).toContain(target.name);
    // …and one who also fixes the manifest breaks the link to the next package
    const m2 = {
      ...manifest,
      files: manifest.files.map((f) => (f.name === target.name ? { ...f, sha256: sha(inner) } : f)),
    };
    zip.file('manifest.json', JSON.stringify(m2));
    const forged2 = await zip.generateAsync({ type: 'nodebuffer' });
    writeFileSync(where, forged2);
    await w.t.db
      .updateTable('report_packages')
      .set({ sha256: sha(forged2), manifest: JSON.stringify(m2) })
      .where('id', '=', second.id)
      .execute();
    const link = await verifyChain(w.t.db, dir, w.s.clerk.me.branch.id);
    expect(link).toMatchObject({ ok: false, checked: 2, broken: { id: rows[2]!.id, problem: 'prev_hash' } });

    // put it back: the chain is whole again
    writeFileSync(where, original);
    await w.t.db
      .updateTable('report_packages')
      .set({ sha256: second.sha256, manifest: JSON.stringify(manifest) })
      .where('id', '=', second.id)
      .execute();
    expect(await verify()).toMatchObject({ ok: true, checked: 4 });
  });

  it('only closed days; 403 without the right; 404 for another branch', async () => {
    const now = await w.t.db
      .selectFrom('system_params')
      .select('value')
      .where('key', '=', 'business_date')
      .executeTakeFirstOrThrow();
    expect(now.value > day).toBe(true);
    const open = await generate(now.value);
    expect(open.status).toBe(409);
    expect(open.json.error.code).toBe('REPORT_PACKAGE_NOT_CLOSED');
    expect((await generate(day, w.s.teller)).status).toBe(403);
    expect((await w.t.call('GET', '/api/report_packages', { as: w.s.teller })).status).toBe(403);
    expect((await download(first.id, w.s.teller)).status).toBe(403);
    expect((await w.t.call('POST', '/api/report_packages/verify', { as: w.s.admin, body: {} })).status).toBe(403);

    const other = await w.t.db
      .insertInto('branches')
      .values({ code: '0996', name: '测试归档营业部' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // a branch operator cannot build another branch's package; head office can
    expect((await generate(day, w.s.clerk, { branch_id: Number(other.id) })).status).toBe(403);
    const theirs = await generate(day, w.s.hq, { branch_id: Number(other.id) });
    expect(theirs.status, JSON.stringify(theirs.json)).toBe(201);
    expect(theirs.json).toMatchObject({ version: 1, prev_sha256: null, branch_name: '测试归档营业部' });
    expect((await w.t.call('GET', `/api/report_packages/${theirs.json.id}`, { as: w.s.clerk })).status).toBe(404);
    expect((await download(theirs.json.id, w.s.clerk)).status).toBe(404);
    expect((await list(w.s.clerk)).some((r) => r.id === theirs.json.id)).toBe(false);
    expect((await list(w.s.hq)).some((r) => r.id === theirs.json.id)).toBe(true);
    // head office verifies every branch's chain
    expect(await verify(w.s.hq)).toMatchObject({ ok: true, checked: 5 });
  });
});

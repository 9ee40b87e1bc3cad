import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import JSZip from 'jszip';
import { sql } from 'kysely';
import type { ReportDef } from '../../../../reports/src/define-report.js';
import { w } from '../../../../reports/src/messages.js';
import { REPORTS, reportById } from '../../../../reports/src/registry.js';
import { renderCsv } from '../../../../reports/src/render/csv.js';
import { renderPdf } from '../../../../reports/src/render/pdf.js';
import { renderXlsx } from '../../../../reports/src/render/xlsx.js';
import { countRows, localTime, prepare } from '../../../../reports/src/run.js';
import type { Db } from '../../db/connect.js';
import { AppError } from '../../http/errors.js';
import type { MsgKey } from '../../http/messages.js';
import { type Actor, audit } from '../audit/audit.service.js';
import type { Step } from '../day-end/day-end.step.js';
import { canonicalJson, type PackageFormat, parseReportSet, type SetEntry } from './report-packages.calc.js';

/**
 * The report archive directory (REPORTS_ARCHIVE_DIR, default `<DATA_DIR>-reports`), set once at
 * start-up. Unset (tests that do not ask for it, the demo's history seeding) the day-end step
 * builds no package and the routes answer 409, as backups do without their directory.
 */
let archiveDir: string | undefined;
export function setReportArchive(dir: string | undefined) {
  if (dir) mkdirSync(dir, { recursive: true });
  archiveDir = dir;
}
export const reportArchiveDir = () => archiveDir;
export function requireArchive(): string {
  if (!archiveDir) throw new AppError(409, 'REPORT_ARCHIVE_NOT_CONFIGURED', 'report_archive_not_configured');
  return archiveDir;
}

/** Names are generated here from a date, a branch id, a version and random hex, never from input. */
const FILE_NAME = /^\d{8}-b\d{1,12}-v\d{1,6}-[0-9a-f]{8}\.zip$/;
export function packagePath(dir: string, file: string): string {
  if (!FILE_NAME.test(file)) throw new Error(`not a report package file name: ${JSON.stringify(file.slice(0, 80))}`);
  return path.join(dir, file);
}

/** The reports a package can hold: those run by a date and the branch alone (no client, no voucher). */
export const PACKAGEABLE: readonly ReportDef[] = REPORTS.filter(
  (r) =>
    !r.subject &&
    r.dateParam !== '' &&
    r.params.every((p) => !p.required || p.default !== undefined || p.kind.startsWith('date') || p.kind === 'branch'),
);
const PACKAGEABLE_IDS: ReadonlySet<string> = new Set(PACKAGEABLE.map((r) => r.id));

/** The parameter report_package_set checked (the system parameter editor calls this). */
export function reportSetProblem(value: string) {
  return parseReportSet(value, PACKAGEABLE_IDS)
    ? null
    : { key: 'param_report_set' as const, params: { choices: [...PACKAGEABLE_IDS].join(', ') } };
}

async function reportSet(db: Db): Promise<SetEntry[]> {
  const row = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'report_package_set')
    .executeTakeFirst();
  const set = parseReportSet(row?.value ?? '', PACKAGEABLE_IDS);
  if (!set) throw new Error(`system parameter report_package_set is not a report set: ${row?.value ?? '(missing)'}`);
  return set;
}

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A rendered file in memory: the renderers stream, a package needs the bytes to hash and zip. */
async function toBuffer(render: (out: Writable) => Promise<number>): Promise<{ bytes: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = once(out, 'end');
  const rows = await render(out);
  if (!out.writableEnded) out.end();
  await ended;
  return { bytes: Buffer.concat(chunks), rows };
}

const RENDER: Record<PackageFormat, (p: Awaited<ReturnType<typeof prepare>>, out: Writable) => Promise<number>> = {
  xlsx: (p, out) => renderXlsx(p, out),
  pdf: (p, out) => renderPdf(p, out),
  csv: (p, out) => renderCsv(p, out, 'utf8'),
};

export interface ManifestFile {
  name: string;
  report: string;
  title: { zh: string; en: string };
  format: PackageFormat;
  /** the parameters as the report read them */
  params: Record<string, unknown>;
  rows: number;
  bytes: number;
  sha256: string;
}
export interface Manifest {
  package: 'report_package';
  branch: { id: number; code: string; name: string };
  business_date: string;
  version: number;
  prev_sha256: string | null;
  source: 'day_end' | 'manual';
  generated_by: { id: number | null; username: string; name: string };
  /** local time (Beijing), as the reports' 制表时间 */
  generated_at: string;
  files: ManifestFile[];
  /** a PDF past report_pdf_max_rows is left out, as the download refuses it: take the .xlsx */
  omitted: { report: string; format: PackageFormat; rows: number; reason: 'too_many_rows_for_pdf' }[];
}

/** Whether the day has been closed (a completed day-end run). */
export async function isClosed(db: Db, date: string): Promise<boolean> {
  const r = await db
    .selectFrom('day_end_runs')
    .select('id')
    .where('business_date', '=', date)
    .where('status', '=', 'completed')
    .executeTakeFirst();
  return !!r;
}

/** The advisory lock key of the archive (with the branch id): one package of a branch at a time. */
const ARCHIVE_LOCK = 15_015;

/**
 * Builds a branch's report package of a closed day (or of the day being closed, from the day-end
 * step) inside `trx`: the set of report_package_set rendered through the same renderers as the
 * downloads, zipped with its manifest, written to the archive and recorded as the next version
 * with the previous package's hash. Never replaces an earlier package. The file is written before
 * the row: if the transaction then rolls back (a day-end failing later), an orphan file no row
 * names is left behind — harmless, since verify follows the rows only.
 */
export async function buildPackage(
  trx: Db,
  actor: Actor,
  opts: { branchId: number; date: string; source: 'day_end' | 'manual' },
) {
  const dir = requireArchive();
  const { branchId, date } = opts;
  await sql`SELECT pg_advisory_xact_lock(${ARCHIVE_LOCK}, ${branchId}::int)`.execute(trx);
  const branch = await trx
    .selectFrom('branches')
    .select(['id', 'code', 'name'])
    .where('id', '=', branchId)
    .executeTakeFirstOrThrow();
  const prev = await trx
    .selectFrom('report_packages')
    .select('sha256')
    .where('branch_id', '=', branchId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const last = await trx
    .selectFrom('report_packages')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('branch_id', '=', branchId)
    .where('business_date', '=', date)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const who = actor.operator_id
    ? await trx.selectFrom('operators').select('name').where('id', '=', actor.operator_id).executeTakeFirst()
    : undefined;
  const runner = {
    id: actor.operator_id ?? 0,
    name: who?.name ?? actor.username,
    branch: { id: branch.id, name: branch.name },
    all_branches: false,
  };
  const cap = Number(
    (await trx.selectFrom('system_params').select('value').where('key', '=', 'report_pdf_max_rows').executeTakeFirst())
      ?.value ?? 10_000,
  );
  const zip = new JSZip();
  const files: ManifestFile[] = [];
  const omitted: Manifest['omitted'] = [];
  for (const entry of await reportSet(trx)) {
    const def = reportById(entry.report)!;
    const raw: Record<string, string> = {};
    for (const p of def.params)
      if (p.kind === 'date' || p.kind === 'date_from' || p.kind === 'date_to') raw[p.name] = date;
    // keyset pages, not a cursor: the package is rendered inside the caller's transaction
    const p = await prepare(def, raw, { db: trx, cursor: false, runner, lang: 'zh', at: actor.at });
    // the package is the day's close: inside the day-end run the day is closing, not yet recorded
    p.header.closed = true;
    p.header.status = w('zh', 'closed');
    for (const format of entry.formats) {
      if (format === 'pdf') {
        const rows = await countRows(p);
        if (rows > cap) {
          omitted.push({ report: def.id, format, rows, reason: 'too_many_rows_for_pdf' });
          continue;
        }
      }
      const { bytes, rows } = await toBuffer((out) => RENDER[format](p, out));
      const name = `${def.title.zh}-${date}.${format}`;
      zip.file(name, bytes, { date: actor.at });
      files.push({
        name,
        report: def.id,
        title: { zh: def.title.zh, en: def.title.en },
        format,
        params: p.params,
        rows,
        bytes: bytes.length,
        sha256: sha256(bytes),
      });
    }
  }
  const manifest: Manifest = {
    package: 'report_package',
    branch: { id: branch.id, code: branch.code, name: branch.name },
    business_date: date,
    version,
    prev_sha256: prev?.sha256 ?? null,
    source: opts.source,
    generated_by: { id: actor.operator_id, username: actor.username, name: runner.name },
    generated_at: localTime(actor.at),
    files,
    omitted,
  };
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date: actor.at });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const file = `${date.replaceAll('-', '')}-b${branch.id}-v${version}-${randomBytes(4).toString('hex')}.zip`;
  const target = packagePath(dir, file);
  await writeFile(`${target}.part`, bytes);
  await rename(`${target}.part`, target);
  const row = await trx
    .insertInto('report_packages')
    .values({
      branch_id: branch.id,
      business_date: date,
      version,
      file,
      bytes: bytes.length,
      sha256: sha256(bytes),
      prev_sha256: manifest.prev_sha256,
      manifest: JSON.stringify(manifest),
      source: opts.source,
      created_by: actor.operator_id,
      created_at: actor.at,
    })
    .returning(['id', 'version', 'sha256'])
    .executeTakeFirstOrThrow();
  await audit(trx, actor, {
    action: 'generate',
    resource: 'report_packages',
    record_id: row.id,
    // the record in the trail's diff table; the detail a sentence for the list
    after: { business_date: date, branch_id: branch.id, version, files: files.length, sha256: row.sha256 },
    detail: `${branch.name} ${date} 第 ${version} 版，${files.length} 个文件`,
  });
  return { id: Number(row.id), version, files: files.length, sha256: row.sha256 };
}

/** A broken link of the chain: which package, and what is wrong with it. */
export interface Broken {
  id: number;
  branch_id: number;
  business_date: string;
  version: number;
  problem:
    | 'zip_missing'
    | 'zip_hash'
    | 'zip_unreadable'
    | 'manifest'
    | 'file_hash'
    | 'file_missing'
    | 'file_extra'
    | 'prev_hash';
  file?: string;
}
export interface VerifyResult {
  ok: boolean;
  /** packages checked before the first break (all of them when ok) */
  checked: number;
  broken: Broken | null;
}

/** The words of a verify result, in the operator's language (the screen and the CLI show them). */
export function verifyMessage(r: VerifyResult): { key: MsgKey; params: Record<string, string | number> } {
  if (!r.broken) return { key: 'package_ok', params: { count: r.checked } };
  const b = r.broken;
  return {
    key: `package_broken_${b.problem}` as MsgKey,
    params: { id: b.id, date: b.business_date, version: b.version, file: b.file ?? '' },
  };
}

/**
 * Walks the archive chain of each branch in scope (null: every branch), package by package in id
 * order: the zip's SHA-256 equals the row's, its manifest equals the row's, every file in it
 * equals its manifest hash (and no file is outside the manifest), and the row and manifest carry
 * the previous package's hash. Stops at the first broken link and names it.
 */
export async function verifyChain(db: Db, dir: string, branchId: number | null): Promise<VerifyResult> {
  let q = db
    .selectFrom('report_packages')
    .select(['id', 'branch_id', 'business_date', 'version', 'file', 'sha256', 'prev_sha256', 'manifest'])
    .orderBy('branch_id')
    .orderBy('id');
  if (branchId !== null) q = q.where('branch_id', '=', branchId);
  const rows = await q.execute();
  let checked = 0;
  let prevBranch: number | null = null;
  let prev: string | null = null;
  for (const r of rows) {
    if (r.branch_id !== prevBranch) {
      prevBranch = r.branch_id;
      prev = null;
    }
    const manifest = (typeof r.manifest === 'string' ? JSON.parse(r.manifest) : r.manifest) as Manifest;
    const at = {
      id: Number(r.id),
      branch_id: Number(r.branch_id),
      business_date: String(r.business_date),
      version: r.version,
    };
    const broken = (problem: Broken['problem'], file?: string): VerifyResult => ({
      ok: false,
      checked,
      broken: { ...at, problem, ...(file ? { file } : {}) },
    });
    if (r.prev_sha256 !== prev || manifest.prev_sha256 !== prev) return broken('prev_hash');
    const where = packagePath(dir, r.file);
    if (!existsSync(where)) return broken('zip_missing');
    const bytes = await readFile(where);
    if (sha256(bytes) !== r.sha256) return broken('zip_hash');
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      return broken('zip_unreadable');
    }
    const inner = zip.file('manifest.json');
    let innerManifest: unknown;
    try {
      innerManifest = inner ? JSON.parse(await inner.async('string')) : undefined;
    } catch {
      innerManifest = undefined;
    }
    if (canonicalJson(innerManifest) !== canonicalJson(manifest)) return broken('manifest');
    for (const f of manifest.files) {
      const entry = zip.file(f.name);
      if (!entry) return broken('file_missing', f.name);
      if (sha256(await entry.async('nodebuffer')) !== f.sha256) return broken('file_hash', f.name);
    }
    const listed = new Set(['manifest.json', ...manifest.files.map((f) => f.name)]);
    const extra = Object.values(zip.files).find((e) => !e.dir && !listed.has(e.name));
    if (extra) return broken('file_extra', extra.name);
    checked++;
    prev = r.sha256;
  }
  return { ok: true, checked, broken: null };
}

/**
 * 报表包 (the day-end step after 日期滚动): each active branch's report package of the day, in the
 * run's transaction, so the reports read the day's data as this transaction leaves it — and, the
 * business date having rolled, read the day as a past, closed date, exactly as a regeneration
 * later will. Without a report archive directory no package is built (the step says so).
 */
export const reportPackageStep: Step = {
  name: 'report_package',
  run: async ({ trx, actor, date }) => {
    if (!reportArchiveDir()) return { rows: 0, detail: { key: 'day_end_step_report_package_off' } };
    const branches = await trx
      .selectFrom('branches')
      .select('id')
      .where('status', '=', 'active')
      .where('is_head_office', '=', false)
      .orderBy('id')
      .execute();
    let files = 0;
    for (const b of branches)
      files += (await buildPackage(trx, actor, { branchId: b.id, date, source: 'day_end' })).files;
    return {
      rows: files,
      detail: { key: 'day_end_step_report_package', params: { packages: branches.length, files } },
    };
  },
};

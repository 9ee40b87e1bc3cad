import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReportArchive } from '../../src/modules/report-packages/report-packages.service.js';
import { PERMISSION_CATALOG } from '../../src/modules/roles/permission-catalog.js';
import { testApp, type Session, type TestApp } from '../harness.js';

/**
 * The exports campaign (Issue 14, "Exports"), generated from /api/openapi.json: formula-like text
 * is planted in every free-text column a person can type (names, addresses, notes, parameter and
 * dictionary words, the company name, audit reasons), then every file route of the API is
 * downloaded in every format it offers, as an operator holding every right of every branch. Each
 * .xlsx is opened with exceljs and each CSV parsed as text: no cell is a formula, no text cell or
 * field starts with = + - @ TAB CR (formula-like text carries a leading apostrophe), a number
 * stays a number (a negative one is not made text), and full-width ＝ passes through unchanged
 * (a spreadsheet does not evaluate it). Every download writes exactly one audit row: who, what,
 * its parameters and format. A file route the campaign cannot classify fails it.
 */

type Format = 'xlsx' | 'csv' | 'pdf' | 'zip';
interface Param {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: { enum?: string[] };
}
interface Operation {
  summary?: string;
  parameters?: Param[];
  'x-permission'?: string;
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** A file route as the campaign walks it. */
interface FileRoute {
  route: string;
  path: string;
  /**
   * report: /reports/<id>/<format>; list: a `format` parameter; template: an import template (no
   * data); record: a stored file of a record, `/<collection>/{id}/download` (a zip of report files)
   */
  kind: 'report' | 'list' | 'template' | 'record';
  formats: Format[];
  gbk: boolean;
  /** what its audit row is about: the resource of its right */
  resource: string;
  query: Record<string, string>;
}

/** Values a spreadsheet would run (or could be led to run), and one it would not (full-width ＝). */
const PLANTED = [
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  "=cmd|' /C calc'!A0",
  '＝1+1',
];
/** The same without control characters, for columns that refuse them. */
const PRINTABLE = PLANTED.filter((v) => !/[\t\r]/.test(v));

/**
 * Free-text columns: what a person types (through the console's forms, its imports, or a reason
 * asked for) and an export shows. Codes, keys and enum codes are left alone: the database or the
 * API holds them to a pattern, and an unknown code shows in words of the dictionary, planted too.
 */
const FREE_TEXT: [table: string, column: string, where?: string][] = [
  ['clients', 'name'],
  ['clients', 'address'],
  ['clients', 'agent_name'],
  ['operators', 'name'],
  ['roles', 'name'],
  ['roles', 'description'],
  ['branches', 'name'],
  ['branches', 'address'],
  ['banks', 'name_zh'],
  ['banks', 'name_en'],
  ['markets', 'name_zh'],
  ['markets', 'name_en'],
  ['seats', 'name'],
  ['securities', 'name'],
  ['securities', 'industry'],
  ['client_managers', 'name'],
  ['fee_schedules', 'note'],
  ['market_totals', 'note'],
  ['trading_calendar', 'note'],
  ['system_params', 'name_zh'],
  ['system_params', 'name_en'],
  ['system_params', 'description'],
  ['system_params', 'value', "key = 'company_name'"],
  ['dictionary', 'label_zh'],
  ['dictionary', 'label_en'],
];

let t: TestApp;
let root: Session;
let doc: OpenApi;
const planted: string[] = [];

const lastClosed = async () =>
  (
    await sql<{
      d: string | null;
    }>`SELECT max(business_date)::text AS d FROM day_end_runs WHERE status = 'completed'`.execute(t.db)
  ).rows[0]!.d!;

/** Plants PLANTED (cycling by row, the row's id after it against unique names) into FREE_TEXT. */
async function plant() {
  for (const [table, column, where] of FREE_TEXT) {
    let done = false;
    for (const values of [PLANTED, PRINTABLE]) {
      const cases = sql.join(
        values.map((v, i) => sql`WHEN ${i} THEN ${v}::text`),
        sql` `,
      );
      const cond = where ? sql.raw(`WHERE ${where}`) : sql``;
      try {
        await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} =
          (CASE (id % ${values.length}) ${cases} END) || ' ' || id::text ${cond}`.execute(t.db);
        done = true;
        break;
      } catch {
        // a column that refuses control characters gets the printable values
      }
    }
    if (done) planted.push(`${table}.${column}`);
  }
  // an audit reason typed at the counter (a rejection, a reset): the trail is append-only, so as new rows
  await t.db
    .insertInto('audit_log')
    .values(
      PLANTED.map((v) => ({
        at: t.clock.now(),
        operator_id: root.me.id,
        username: root.me.username,
        branch_id: root.me.branch.id,
        ip: '127.0.0.1',
        request_id: 'exports-test',
        action: 'reject',
        resource: 'approvals',
        detail: v,
      })),
    )
    .execute();
}

/** The file routes of the API's description; a route that looks like a file and is none of them fails. */
function fileRoutes(values: Record<string, string>): { routes: FileRoute[]; problems: string[] } {
  const routes: FileRoute[] = [];
  const problems: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const route = `${method.toUpperCase()} ${path}`;
      const params = op.parameters ?? [];
      const format = params.find((p) => p.in === 'query' && p.name === 'format');
      const gbk = params.some((p) => p.in === 'query' && p.name === 'encoding' && p.schema?.enum?.includes('gbk'));
      // a signed-in operator's own records (我的导出) are named by their collection
      const permission = op['x-permission'] ?? '';
      const resource = permission === 'signed_in' ? path.split('/')[1]! : permission.split('.')[0]!;
      const query: Record<string, string> = {};
      const fill = () => {
        for (const p of params.filter((x) => x.required && x.in === 'query')) {
          if (values[p.name] === undefined) problems.push(`${route}: no value for its required parameter ${p.name}`);
          else query[p.name] = values[p.name]!;
        }
        return query;
      };
      const report = /^\/reports\/(\w+)\/(xlsx|pdf|csv)$/.exec(path);
      const fileLike =
        /\/(export|xlsx|pdf|csv|download|import_template|template|file)$/.test(path) ||
        !!format ||
        params.some((p) => p.name === 'encoding') ||
        /\.xlsx|\bpdf\b|\bcsv\b|download/i.test(op.summary ?? '');
      if (method !== 'get') {
        // an upload mentions CSV; a POST that answered with a file would need walking here
        if (/\/(export|download|xlsx|pdf|csv)$/.test(path))
          problems.push(`${route}: a file route the campaign cannot walk`);
        continue;
      }
      const record = /^\/(\w+)\/\{id\}\/download$/.exec(path);
      if (record)
        routes.push({
          route,
          path,
          kind: 'record',
          formats: [RECORD_FORMATS[record[1]!] ?? 'zip'],
          gbk: false,
          resource,
          query: fill(),
        });
      else if (report)
        routes.push({ route, path, kind: 'report', formats: [report[2] as Format], gbk, resource, query: fill() });
      else if (path.endsWith('/import_template'))
        routes.push({ route, path, kind: 'template', formats: ['xlsx'], gbk: false, resource, query: fill() });
      else if (format?.schema?.enum?.length && format.schema.enum.every((f) => ['xlsx', 'csv', 'pdf'].includes(f)))
        routes.push({
          route,
          path,
          kind: 'list',
          formats: format.schema.enum as Format[],
          gbk,
          resource,
          query: fill(),
        });
      else if (fileLike && !NOT_FILES.has(route))
        problems.push(`${route}: looks like a file route, cannot classify it`);
    }
  return { routes, problems };
}

/**
 * How a record with a stored file comes to be, for the collections whose files are downloaded by
 * id: a route of that kind without one here cannot be walked, and fails the campaign.
 */
const RECORD_MAKERS: Record<string, (date: string) => Promise<number>> = {
  // 报表归档: a closed day's report package of the branch, built from the planted data
  report_packages: async (date) => {
    const branch = await t.db
      .selectFrom('branches')
      .select('id')
      .where('is_head_office', '=', false)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const r = await t.call('POST', '/api/report_packages', {
      as: root,
      body: { business_date: date, branch_id: Number(branch.id) },
    });
    if (r.status !== 201) throw new Error(`report package: ${r.status} ${JSON.stringify(r.json)}`);
    return Number(r.json.id);
  },
  // 我的导出: a list's export past the row threshold (lowered to 0 for it) made by the background worker
  export_jobs: async () => {
    await t.db
      .updateTable('system_params')
      .set({ value: '0' })
      .where('key', '=', 'export_job_threshold_rows')
      .execute();
    try {
      const r = await t.call('GET', '/api/clients/export?format=xlsx', { as: root });
      if (r.status !== 202) throw new Error(`export job: ${r.status} ${JSON.stringify(r.json)}`);
      await t.jobs.idle();
      return Number(r.json.job.id);
    } finally {
      await t.db
        .updateTable('system_params')
        .set({ value: '100000' })
        .where('key', '=', 'export_job_threshold_rows')
        .execute();
    }
  },
};

/** What a record's download is, where not a zip: 我的导出's job here is a list's .xlsx. */
const RECORD_FORMATS: Record<string, Format> = { export_jobs: 'xlsx' };

/** GET routes the heuristics above take for files that answer JSON (checked below). */
const NOT_FILES = new Set(['GET /bank_transfers/banks']);

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let f = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        f += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          f += '"';
          i++;
        } else break;
      }
    } else {
      const m = /[,\r\n]|$/.exec(text.slice(i))!;
      f = text.slice(i, i + m.index);
      i += m.index;
    }
    row.push(f);
    if (text[i] === ',') i++;
    else {
      if (text.startsWith('\r\n', i)) i += 2;
      else i++;
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** A leading character that makes a spreadsheet read a cell as a formula. */
const FORMULA = /^[=+\-@\t\r]/;
/** A number written as text (CSV) with its sign: a real negative number, not a formula. */
const NUMBER = /^-?\d+(\.\d+)?%?$/;
/** A number that was made text by the apostrophe: a negative amount must stay a number. */
const NUMBER_AS_TEXT = /^'-?\d[\d,]*(\.\d+)?%?$/;

interface Tally {
  /** files opened inside archives */
  files: number;
  cells: number;
  numbers: number;
  negatives: number;
  neutralised: number;
  fullWidth: number;
}
const tally: Tally = { files: 0, cells: 0, numbers: 0, negatives: 0, neutralised: 0, fullWidth: 0 };

function checkText(where: string, s: string, problems: string[]) {
  tally.cells++;
  if (FORMULA.test(s)) problems.push(`${where}: ${JSON.stringify(s.slice(0, 40))} starts like a formula`);
  if (NUMBER_AS_TEXT.test(s)) problems.push(`${where}: ${JSON.stringify(s)} is a number made text`);
  if (s.startsWith("'") && FORMULA.test(s.slice(1))) tally.neutralised++;
  if (s.startsWith('＝')) tally.fullWidth++;
}

async function checkXlsx(where: string, bytes: Buffer, problems: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of wb.worksheets)
    ws.eachRow((row, r) =>
      row.eachCell((cell, col) => {
        const at = `${where} ${ws.name}!R${r}C${col}`;
        switch (cell.type) {
          case ExcelJS.ValueType.Merge:
            return; // the merged range's first cell is checked
          case ExcelJS.ValueType.Formula:
          case ExcelJS.ValueType.SharedString:
          case ExcelJS.ValueType.Hyperlink:
          case ExcelJS.ValueType.Error:
            tally.cells++;
            problems.push(`${at}: a ${ExcelJS.ValueType[cell.type]} cell`);
            return;
          case ExcelJS.ValueType.Number:
            tally.cells++;
            tally.numbers++;
            if ((cell.value as number) < 0) tally.negatives++;
            return;
          case ExcelJS.ValueType.String:
            checkText(at, cell.value as string, problems);
            return;
          case ExcelJS.ValueType.RichText:
            checkText(at, (cell.value as ExcelJS.CellRichTextValue).richText.map((x) => x.text).join(''), problems);
            return;
          default:
            tally.cells++; // dates, booleans
        }
      }),
    );
}

/** A zip of report files: each .xlsx and CSV inside checked as one downloaded alone, each PDF a PDF. */
async function checkZip(where: string, bytes: Buffer, problems: string[]) {
  const zip = await JSZip.loadAsync(bytes);
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const inner = `${where} ${f.name}`;
    const body = await f.async('nodebuffer');
    tally.files++;
    if (f.name.endsWith('.xlsx')) await checkXlsx(inner, body, problems);
    else if (f.name.endsWith('.csv')) checkCsv(inner, body.toString('utf8'), problems);
    else if (f.name.endsWith('.pdf')) {
      if (body.subarray(0, 5).toString('latin1') !== '%PDF-') problems.push(`${inner}: not a PDF`);
    } else if (!f.name.endsWith('.json')) problems.push(`${inner}: a file the campaign cannot check`);
  }
}

function checkCsv(where: string, text: string, problems: string[]) {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  for (const [r, row] of rows.entries())
    for (const [col, f] of row.entries()) {
      if (NUMBER.test(f)) {
        tally.cells++;
        tally.numbers++;
        if (f.startsWith('-')) tally.negatives++;
      } else checkText(`${where} R${r + 1}C${col + 1}`, f, problems);
    }
}

const auditCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let archive: string;
beforeAll(async () => {
  // the report archive is module state (as in report-packages.test.ts): set for this file only
  archive = mkdtempSync(path.join(tmpdir(), 'bc-exports-archive-'));
  setReportArchive(archive);
  t = await testApp({ history: true });
  const everything = PERMISSION_CATALOG.flatMap((e) => e.actions.map((a) => `${e.resource}.${a}`));
  root = await t.headOfficeOperator('exports_root', everything);
  doc = (await t.call('GET', '/api/openapi.json', { as: root })).json as OpenApi;
  await plant();
}, 120_000);
afterAll(async () => {
  setReportArchive(undefined);
  rmSync(archive, { recursive: true, force: true });
  await t?.close();
});

describe('exports (generated from openapi.json)', () => {
  it('plants formula-like text in every free-text column', () => {
    expect(planted).toEqual(FREE_TEXT.map(([table, column]) => `${table}.${column}`));
  });

  it('classifies every file route, and no other GET answers with a file', async () => {
    const { routes, problems } = fileRoutes({ date: '2000-01-01', from: '2000-01-01', to: '2000-01-01', bank: 'X' });
    expect(problems).toEqual([]);
    const walked = new Set(routes.map((r) => r.route));
    // a route without path parameters that sends a file must be one of the classified ones
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get || path.includes('{') || walked.has(`GET ${path}`)) continue;
      const res = await t.app.request(`/api${path}`, { headers: { cookie: root.cookie } });
      await res.arrayBuffer();
      const type = res.headers.get('content-type') ?? '';
      // a progress stream (server-sent events) is no file
      const stream = type.includes('text/event-stream');
      if (res.headers.get('content-disposition') || (res.status === 200 && !type.includes('json') && !stream))
        problems.push(`GET ${path}: answers with a file (${type}) the campaign does not walk`);
    }
    for (const route of NOT_FILES) expect(doc.paths[route.split(' ')[1]!]?.get, route).toBeDefined();
    expect(problems).toEqual([]);
  }, 60_000);

  it('neutralises formula-like text in every .xlsx and CSV, and audits every download', async () => {
    const date = await lastClosed();
    const bank = (await t.db.selectFrom('banks').select('code').orderBy('id').executeTakeFirstOrThrow()).code;
    const from = (
      await sql<{
        d: string;
      }>`SELECT min(business_date)::text AS d FROM day_end_runs WHERE status = 'completed'`.execute(t.db)
    ).rows[0]!.d;
    const { routes, problems } = fileRoutes({ date, from, to: date, bank });
    expect(problems).toEqual([]);
    // reports: the catalogue says which parameters each needs
    const catalogue = (await t.call('GET', '/api/reports', { as: root })).json as {
      reports: { id: string; params: { name: string; kind: string; required: boolean; default?: unknown }[] }[];
    };
    const client = await sql<{
      id: number;
    }>`SELECT client_id AS id FROM trades GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(t.db);
    const entry = await sql<{ id: number }>`SELECT max(id) AS id FROM fund_journal_history`.execute(t.db);
    const byKind: Record<string, string> = { client: String(client.rows[0]!.id) };
    const byName: Record<string, string> = { entry_id: String(entry.rows[0]!.id) };
    for (const r of routes.filter((x) => x.kind === 'report')) {
      const id = /^\/reports\/(\w+)\//.exec(r.path)![1]!;
      const rep = catalogue.reports.find((x) => x.id === id);
      if (!rep) problems.push(`${r.route}: not in the report catalogue`);
      for (const p of rep?.params.filter((x) => x.required && x.default === undefined && !x.kind.startsWith('date')) ??
        []) {
        const v = byName[p.name] ?? byKind[p.kind];
        if (v === undefined) problems.push(`${r.route}: no value for its required parameter ${p.name}`);
        else r.query[p.name] = v;
      }
    }
    const ids = new Map<FileRoute, string>();
    for (const r of routes.filter((x) => x.kind === 'record')) {
      const collection = r.path.split('/')[1]!;
      const make = RECORD_MAKERS[collection];
      if (!make) problems.push(`${r.route}: no way to make a ${collection} record to download`);
      else ids.set(r, String(await make(date)));
    }
    expect(problems).toEqual([]);

    const started = Date.now();
    const slowest: [string, number][] = [];
    let downloads = 0;
    let audited = 0;
    const perKind: Record<string, number> = {};
    for (const r of routes)
      for (const format of r.formats)
        for (const encoding of format === 'csv' && r.gbk ? ['utf8', 'gbk'] : [undefined]) {
          const query = new URLSearchParams({ ...r.query, ...(r.kind === 'list' ? { format } : {}) });
          if (encoding) query.set('encoding', encoding);
          const url = `/api${r.path.replace('{id}', ids.get(r) ?? '')}?${query}`;
          const where = `${r.route} ${format}${encoding ? `/${encoding}` : ''}`;
          const before = await auditCount();
          const t0 = Date.now();
          const res = await t.app.request(url, { headers: { cookie: root.cookie } });
          const bytes = Buffer.from(await res.arrayBuffer());
          if (res.status !== 200) {
            problems.push(`${where}: ${res.status} ${bytes.toString('utf8').slice(0, 200)}`);
            continue;
          }
          downloads++;
          perKind[r.kind] = (perKind[r.kind] ?? 0) + 1;
          if (!/^attachment;/.test(res.headers.get('content-disposition') ?? ''))
            problems.push(`${where}: no Content-Disposition attachment`);
          if (format === 'xlsx') await checkXlsx(where, bytes, problems);
          else if (format === 'csv')
            checkCsv(where, encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8'), problems);
          else if (format === 'zip') await checkZip(where, bytes, problems);
          else if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') problems.push(`${where}: not a PDF`);
          slowest.push([where, Date.now() - t0]);

          // the audit row follows the file's last byte: wait for it, then check there is one only
          if (r.kind === 'template') {
            // a blank form (column titles only) is no data leaving the system: not audited
            if ((await auditCount()) !== before) problems.push(`${where}: a template download wrote audit rows`);
            continue;
          }
          let added = 0;
          for (let i = 0; i < 300 && added === 0; i++) {
            await new Promise((ok) => setTimeout(ok, 10));
            added = (await auditCount()) - before;
          }
          await new Promise((ok) => setTimeout(ok, 10));
          added = (await auditCount()) - before;
          if (added !== 1) {
            problems.push(`${where}: ${added} audit rows`);
            continue;
          }
          const row = await t.db
            .selectFrom('audit_log')
            .selectAll()
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirstOrThrow();
          audited++;
          let detail: { format?: string; params?: Record<string, unknown>; request?: Record<string, unknown> } = {};
          try {
            detail = JSON.parse(row.detail);
          } catch {
            problems.push(`${where}: audit detail is not JSON: ${row.detail.slice(0, 80)}`);
          }
          if (
            row.action !== 'download' ||
            row.operator_id !== root.me.id ||
            row.username !== root.me.username ||
            row.resource !== r.resource ||
            // a record's file is named by the record (its detail says what it holds); a rendered one by format and parameters
            (r.kind === 'record'
              ? row.record_id !== ids.get(r)
              : detail.format !== format || typeof detail.params !== 'object')
          )
            problems.push(`${where}: audit row ${JSON.stringify({ ...row, before: undefined, after: undefined })}`);
          // the parameters the download needed are named, with their values
          const named = { ...detail.params, ...detail.request };
          for (const [k, v] of Object.entries(r.query))
            if (String(named[k]) !== v) problems.push(`${where}: the audit row does not say ${k}=${v}: ${row.detail}`);
        }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `exports: ${routes.length} file routes (${Object.entries(
        routes.reduce<Record<string, number>>((a, r) => ({ ...a, [r.kind]: (a[r.kind] ?? 0) + 1 }), {}),
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}); ${downloads} downloads (${Object.entries(perKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )}) in ${seconds}s, ${tally.files} files inside archives; ${tally.cells.toLocaleString('en-US')} cells checked: ${tally.numbers.toLocaleString(
        'en-US',
      )} numbers (${tally.negatives} negative), ${tally.neutralised.toLocaleString('en-US')} neutralised texts, ${
        tally.fullWidth
      } full-width ＝ unchanged; ${audited} audit rows checked; planted in ${planted.length} columns; ${problems.length} problems`,
    );
    if (process.env.EXPORTS_TIMING)
      console.log(
        slowest
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([w, ms]) => `${ms} ms ${w}`)
          .join('\n'),
      );
    expect(problems.slice(0, 40)).toEqual([]);
    expect(downloads).toBe(
      routes.reduce((n, r) => n + r.formats.length + (r.gbk && r.formats.includes('csv') ? 1 : 0), 0),
    );
    // the plant reached the files: neutralised texts, full-width text as typed, negative numbers as numbers
    expect(tally.neutralised).toBeGreaterThan(1000);
    expect(tally.fullWidth).toBeGreaterThan(10);
    expect(tally.negatives).toBeGreaterThan(0);
  }, 240_000);
});

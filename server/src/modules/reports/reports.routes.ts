import { PassThrough, type Writable } from 'node:stream';
import type { Context } from 'hono';
import type { ReportDef } from '../../../../reports/src/define-report.js';
import { REPORTS } from '../../../../reports/src/registry.js';
import { renderCsv } from '../../../../reports/src/render/csv.js';
import { renderPdf } from '../../../../reports/src/render/pdf.js';
import { renderXlsx } from '../../../../reports/src/render/xlsx.js';
import {
  countRows,
  type ListExport,
  localTime,
  type Prepared,
  prepare,
  prepareExport,
  preview,
} from '../../../../reports/src/run.js';
import { type AppEnv, readDb } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { route, router, z } from '../../http/route.js';
import { attachment } from '../../http/attachment.js';
import { webStream } from '../../http/stream.js';
import { actorOf, audit } from '../audit/audit.service.js';
import { reportCatalogue } from './reports.catalogue.js';
import { jobParams } from '../export-jobs/export-jobs.repository.js';
import { jobBody } from '../export-jobs/export-jobs.words.js';

const REPORT_IDS = Object.fromEntries(REPORTS.map((r) => [r.id, true]));

const FORMATS = {
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: renderXlsx },
  pdf: { type: 'application/pdf', render: renderPdf },
  csv: { type: 'text/csv; charset=utf-8', render: renderCsv },
} as const;
type Format = keyof typeof FORMATS;

/** The documented query of a report: its parameters as text (validated by the report engine). */
function paramsQuery(def: ReportDef, extra: Record<string, z.ZodType> = {}) {
  return z
    .object({
      ...Object.fromEntries(
        def.params.map((p) => [
          p.name,
          z
            .string()
            .max(40)
            .optional()
            .openapi({ description: `${p.label.zh} ${p.label.en}` }),
        ]),
      ),
      ...extra,
    })
    .passthrough();
}

async function prepared(
  c: Context<AppEnv>,
  def: ReportDef,
  raw: Record<string, string | undefined>,
): Promise<Prepared> {
  const me = c.get('me')!;
  const deps = c.get('deps');
  return prepare(def, raw, {
    ...readDb(deps),
    runner: { id: me.id, name: me.name, branch: me.branch, all_branches: me.all_branches },
    lang: c.get('lang'),
    at: deps.clock.now(),
  });
}

/** The rows a PDF may hold (system parameter report_pdf_max_rows): past it, .xlsx or CSV. */
async function pdfCap(c: Context<AppEnv>): Promise<number> {
  const row = await c
    .get('deps')
    .db.selectFrom('system_params')
    .select('value')
    .where('key', '=', 'report_pdf_max_rows')
    .executeTakeFirst();
  return Number(row?.value ?? 10_000);
}

/** Streams one report file; the audit row (who, which report, parameters, rows, format) follows its last byte. */
async function download(c: Context<AppEnv>, def: ReportDef, format: Format) {
  const { encoding, ...raw } = c.req.query();
  const p = await prepared(c, def, raw);
  // a report of one record (a voucher) is named by its parameters: 资金业务凭证-1234.pdf
  const period = p.params.date_from
    ? `${String(p.params.date_from)}_${String(p.params.date_to)}`
    : def.dateParam
      ? String(p.params[def.dateParam])
      : Object.values(p.params).map(String).join('_');
  return sendFile(c, p, format, { gbk: encoding === 'gbk', name: `${def.title[c.get('lang')]}-${period}` });
}

/** The longest detail a download's audit row carries (a filter of a list can be long). */
const DETAIL_MAX = 1000;

/**
 * What a download's audit row says besides who and which report or list: the format, the
 * parameters as the report read them, the request's own parameters that are not among them (a
 * list's sort, a bank file's bank and day, which a route may hand over outside the filter), the
 * rows sent and the branch scope. Always JSON: past DETAIL_MAX the parameters are cut as text.
 */
function downloadDetail(p: Prepared, format: Format, query: Record<string, string>, rows: number): string {
  const { format: _format, encoding, filter: _filter, ...rest } = query;
  const request = Object.fromEntries(Object.entries(rest).filter(([k]) => !(k in p.params)));
  const base = { format, ...(encoding ? { encoding } : {}), rows, branch_id: p.ctx.branchId };
  const params = { params: p.params, ...(Object.keys(request).length ? { request } : {}) };
  const full = JSON.stringify({ ...base, ...params });
  if (full.length <= DETAIL_MAX) return full;
  const room = DETAIL_MAX - JSON.stringify({ ...base, params_cut: '' }).length - 50;
  // the parameters as cut text: the detail stays JSON however long the filter
  let cut = JSON.stringify(params).slice(0, Math.max(0, room));
  while (JSON.stringify({ ...base, params_cut: cut }).length > DETAIL_MAX) cut = cut.slice(0, -10);
  return JSON.stringify({ ...base, params_cut: cut });
}

/**
 * Sends a prepared report (or list export) as a file, streamed with bounded memory. Everything a
 * request can get wrong is refused before the first byte (prepare, the PDF cap), so a download is
 * never cut short by bad input; the audit row is written once the last row has gone out. Past the
 * row threshold (system parameter export_job_threshold_rows) the file is made by a background job
 * instead: 202 with the job, which 我的导出 shows with its progress and offers once whole.
 */
export async function sendFile(c: Context<AppEnv>, p: Prepared, format: Format, opts: { gbk?: boolean; name: string }) {
  const deps = c.get('deps');
  const [rows, { threshold }] = await Promise.all([countRows(p), jobParams(deps.db)]);
  if (format === 'pdf') {
    const max = await pdfCap(c);
    if (rows > max) throw new AppError(422, 'TOO_MANY_ROWS_FOR_PDF', 'pdf_too_many_rows', { rows, max });
  }
  const gbk = format === 'csv' && !!opts.gbk;
  const render = (o: Writable) =>
    format === 'csv' ? renderCsv(p, o, gbk ? 'gbk' : 'utf8') : FORMATS[format].render(p, o);
  const query = c.req.query();
  const me = c.get('me')!;
  if (rows > threshold && deps.jobs) {
    // too long to wait for: a background job (我的导出) with progress; the audit row follows its download
    const job = await deps.jobs.submit(
      { operator_id: me.id, branch_id: me.branch.id },
      {
        kind: p.def.id in REPORT_IDS ? 'report' : 'list',
        source: p.def.id,
        format,
        name: `${opts.name}.${format}`,
        detail: downloadDetail(p, format, query, rows),
        rowsExpected: rows,
        write: (out, onRows) => {
          p.ctx.onRows = onRows;
          return render(out);
        },
      },
    );
    return c.json({ job: jobBody(job, c.get('lang')) }, 202);
  }
  const db = deps.db;
  const actor = actorOf(c);
  const out = new PassThrough();
  render(out)
    .then((rows) =>
      audit(db, actor, { action: 'download', resource: p.def.id, detail: downloadDetail(p, format, query, rows) }),
    )
    .catch((e) => {
      // a download the browser closed is no failure of the report: no audit row, nothing to log
      if (!out.destroyed) console.error(`report ${p.def.id}.${format} failed`, e);
      out.destroy(e as Error);
    });
  return c.body(webStream(out), 200, {
    'Content-Type': gbk ? 'text/csv; charset=gbk' : FORMATS[format].type,
    'Content-Disposition': attachment(`${opts.name}.${format}`),
    'Cache-Control': 'no-store',
  });
}

/**
 * A list's export as .xlsx or CSV (or PDF, under its row cap) through the report renderers (the
 * route parsed and scoped the filter); the file is named `<title>-<today>` unless the route names it.
 */
export async function sendListExport(
  c: Context<AppEnv>,
  exp: ListExport,
  filter: Record<string, unknown>,
  filterWords: string,
  format: Format,
  gbk = false,
  name?: string,
) {
  const me = c.get('me')!;
  const deps = c.get('deps');
  const p = await prepareExport(exp, filter, filterWords, {
    ...readDb(deps),
    runner: { id: me.id, name: me.name, branch: me.branch, all_branches: me.all_branches },
    lang: c.get('lang'),
    at: deps.clock.now(),
  });
  const date = localTime(deps.clock.now()).slice(0, 10);
  return sendFile(c, p, format, { gbk, name: name ?? `${exp.title[c.get('lang')]}-${date}` });
}

/**
 * 报表管理: the catalogue, and per report a preview (`<id>.run`) and its .xlsx, PDF and CSV
 * (`<id>.export`). Each report's routes are generated from its declaration, so the permission
 * test and /api/openapi.json see every one with the right it needs.
 */
export const reportRoutes = router().openapi(
  route('signed_in', {
    method: 'get',
    path: '/reports',
    tags: ['reports'],
    summary: '报表目录 The reports the operator may run',
  }),
  async (c) => c.json(await reportCatalogue(c), 200),
);

for (const def of REPORTS) {
  const tags = ['reports'];
  const name = `${def.title.zh} ${def.title.en}`;
  reportRoutes.openapi(
    route(`${def.id}.run`, {
      method: 'get',
      path: `/reports/${def.id}`,
      tags,
      summary: `${name}: preview (one page, with 小计 and 合计)`,
      request: {
        query: paramsQuery(def, {
          page: z
            .string()
            .regex(/^[1-9]\d{0,5}$/)
            .optional(),
          per_page: z
            .string()
            .regex(/^[1-9]\d{0,2}$/)
            .optional(),
        }),
      },
    }),
    async (c) => {
      const { page, per_page, ...raw } = c.req.query();
      const p = await prepared(c, def, raw);
      return c.json(await preview(p, Number(page ?? 1), Math.min(200, Number(per_page ?? 50))), 200);
    },
  );
  for (const format of Object.keys(FORMATS) as Format[]) {
    reportRoutes.openapi(
      route(`${def.id}.export`, {
        method: 'get',
        path: `/reports/${def.id}/${format}`,
        tags,
        summary: `${name}: ${format === 'csv' ? 'CSV (UTF-8 with BOM; encoding=gbk for GBK)' : format === 'pdf' ? 'PDF (A4, capped rows)' : '.xlsx'}`,
        request: { query: paramsQuery(def, format === 'csv' ? { encoding: z.enum(['utf8', 'gbk']).optional() } : {}) },
      }),
      (c) => download(c, def, format),
    );
  }
}

import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../server/src/db/connect.js';
import { AppError, badRequest, forbidden, notFound } from '../../server/src/http/errors.js';
import type { Lang } from '../../server/src/http/lang.js';
import type { Label, ReportColumn, ReportContext, ReportDef, ReportQuery, Row } from './define-report.js';
import type { FilterWord } from './filter-words.js';
import { cellText, type Words } from './format.js';
import { type Line, layout, type Totals } from './layout.js';
import { w } from './messages.js';
import { rowBatches, wrapped } from './source.js';

/** Who runs a report: the signed-in operator, as the server knows them. */
export interface Runner {
  id: number;
  name: string;
  branch: { id: number; name: string };
  all_branches: boolean;
}

/** The header block of REPORTS.md, worded in the report's language. */
export interface Header {
  company: string;
  branch: string;
  title: string;
  /** "业务日期：2026-11-30" or "期间：2026-11-01 至 2026-11-30" */
  period: string;
  closed: boolean;
  /** 已日终, or 未日终 · 数据未最终确认 */
  status: string;
  currency: string;
  unit: string;
  /** the parameters in words (names, not ids) */
  params: string;
  generated_at: string;
  operator: string;
}

/** A report ready to run: parameters validated and resolved, header worded, columns fixed. */
export interface Prepared {
  def: ReportDef;
  params: Record<string, unknown>;
  /** `onRows`: told how many rows each batch wrote (a background job's progress) */
  ctx: ReportContext & { cursor?: boolean; onRows?: (n: number) => void };
  columns: ReportColumn[];
  header: Header;
  words: Words;
  lang: Lang;
}

const BRANCH_COLUMN: ReportColumn = {
  key: 'branch_name',
  label: { zh: '营业部', en: 'Branch' },
  type: 'text',
  width: 18,
};

/** "2026-12-01 08:32:10" in Beijing time, the branch's local time. */
export function localTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

async function openAndClosed(db: Db): Promise<{ openDate: string; lastClosed: string | null }> {
  const { rows } = await sql<{ open: string; closed: string | null }>`
    SELECT (SELECT value FROM system_params WHERE key = 'business_date') AS open,
           (SELECT max(business_date)::text FROM day_end_runs WHERE status = 'completed') AS closed`.execute(db);
  return { openDate: rows[0]!.open, lastClosed: rows[0]!.closed };
}

/**
 * Validates a request's parameters against the report's declaration and the operator's scope:
 * 400 with the field and the reason (in the user's language) for bad values, 403 for another
 * branch asked by a branch operator, 404 for a client, manager or operator outside the scope.
 */
export async function prepare(
  def: ReportDef,
  raw: Record<string, string | undefined>,
  opts: { db: Db; cursor?: boolean; runner: Runner; lang: Lang; at: Date },
): Promise<Prepared> {
  const { db, runner, lang } = opts;
  const { openDate, lastClosed } = await openAndClosed(db);
  const fallbackDate = lastClosed ?? openDate;
  const known = new Set(def.params.map((p) => p.name));
  const unknown = Object.keys(raw).filter((k) => !known.has(k) && raw[k] !== undefined);
  if (unknown.length)
    throw badRequest(
      Object.fromEntries(
        unknown
          .slice(0, 5)
          .map((k) => [k.slice(0, 40), lang === 'zh' ? '不是该报表的参数' : 'not a parameter of this report']),
      ),
    );
  const input: Record<string, unknown> = {};
  const missing: Record<string, string> = {};
  for (const p of def.params) {
    const v = raw[p.name];
    if (v !== undefined && v !== '') input[p.name] = v;
    else if (p.required && p.default === undefined && !p.kind.startsWith('date'))
      missing[p.name] = lang === 'zh' ? `请选择${p.label.zh}` : `${p.label.en} is required`;
    else if (p.default !== undefined) input[p.name] = p.default;
    else if (p.kind === 'date' || p.kind === 'date_to') input[p.name] = fallbackDate;
    else if (p.kind === 'date_from') input[p.name] = `${fallbackDate.slice(0, 8)}01`;
  }
  if (Object.keys(missing).length) throw badRequest(missing);
  const schema = z.strictObject(
    Object.fromEntries(def.params.map((p) => [p.name, p.required ? p.schema : p.schema.optional()])),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    throw badRequest(fields);
  }
  const params = parsed.data as Record<string, unknown>;
  for (const p of def.params)
    if ((p.kind === 'date' || p.kind === 'date_to') && String(params[p.name]) > openDate)
      throw badRequest({
        [p.name]:
          lang === 'zh' ? `不能晚于当前业务日期 ${openDate}` : `cannot be after the open business date ${openDate}`,
      });
  // a business date is a trading day: a weekend or holiday has no day of its own to report
  for (const p of def.params.filter((x) => x.kind === 'date')) {
    const day = String(params[p.name]);
    const trading = await db
      .selectFrom('trading_calendar')
      .select('is_trading_day')
      .where('market', '=', 'SH-A')
      .where('date', '=', day)
      .executeTakeFirst();
    if (trading && !trading.is_trading_day)
      throw badRequest({ [p.name]: lang === 'zh' ? `${day} 不是交易日` : `${day} is not a trading day` });
  }
  const problem = def.check?.(params);
  if (problem) throw badRequest(Object.fromEntries(Object.entries(problem).map(([k, v]) => [k, v[lang]])));

  // scope: a branch operator reads their branch; head office one branch or all of them
  let branchId: number | null = runner.all_branches ? null : runner.branch.id;
  let branchName = runner.branch.name;
  if (params.branch_id !== undefined) {
    if (!runner.all_branches && params.branch_id !== runner.branch.id) throw forbidden();
    const b = await db
      .selectFrom('branches')
      .select(['id', 'name'])
      .where('id', '=', Number(params.branch_id))
      .executeTakeFirst();
    if (!b) throw notFound();
    branchId = b.id;
    branchName = b.name;
  } else if (branchId === null) branchName = w(lang, 'all_branches');
  const ctx: Prepared['ctx'] = { db, branchId, lang, openDate, lastClosed, cursor: opts.cursor };
  // a report of one record (a voucher): the record, in scope, or 404; its date heads the report
  const subject = def.subject ? await def.subject(ctx, params) : undefined;
  if (def.subject && !subject) throw notFound();
  const described = await describe(def, params, ctx);
  const columns = branchId === null && def.perBranch ? [BRANCH_COLUMN, ...def.columns] : def.columns;
  const words = await dictionaryWords(db, columns, lang);

  const date = subject ? subject.date : String(params[def.dateParam]);
  const closed = lastClosed !== null && date <= lastClosed;
  const company = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'company_name')
    .executeTakeFirst();
  const period =
    params.date_from !== undefined && def.dateParam === 'date_to'
      ? `${w(lang, 'period')}${String(params.date_from)}${w(lang, 'to')}${date}`
      : `${w(lang, 'business_date')}${date}`;
  const currency = subject?.currency
    ? (words.get('currency')?.get(subject.currency) ?? subject.currency)
    : def.params.some((p) => p.kind === 'currency')
      ? params.currency
        ? (words.get('currency')?.get(String(params.currency)) ?? String(params.currency))
        : w(lang, 'all_currencies')
      : (words.get('currency')?.get('CNY') ?? '人民币');
  const header: Header = {
    company: company?.value ?? '',
    branch: branchName,
    title: def.title[lang],
    period,
    closed,
    status: w(lang, closed ? 'closed' : 'open'),
    currency,
    unit: w(lang, 'unit'),
    params: described.length ? described.join(lang === 'zh' ? '；' : '; ') : w(lang, 'all_params'),
    generated_at: localTime(opts.at),
    operator: runner.name,
  };
  return { def, params, ctx, columns, header, words, lang };
}

/** The parameters in words: names beside codes, never bare ids. Dates are in the period line. */
async function describe(def: ReportDef, params: Record<string, unknown>, ctx: ReportContext): Promise<string[]> {
  const { db, lang } = ctx;
  const out: string[] = [];
  for (const p of def.params) {
    const v = params[p.name];
    if (v === undefined || ['date', 'date_from', 'date_to', 'branch', 'currency'].includes(p.kind)) continue;
    const label = p.label[lang];
    const sep = lang === 'zh' ? '：' : ': ';
    switch (p.kind) {
      case 'client': {
        const c = await db
          .selectFrom('clients')
          .select(['client_no', 'name', 'branch_id'])
          .where('id', '=', Number(v))
          .executeTakeFirst();
        if (!c || (ctx.branchId !== null && c.branch_id !== ctx.branchId)) throw notFound();
        out.push(`${label}${sep}${c.client_no} ${c.name}`);
        break;
      }
      case 'client_manager': {
        const m = await db
          .selectFrom('client_managers')
          .select(['code', 'name', 'branch_id'])
          .where('id', '=', Number(v))
          .executeTakeFirst();
        if (!m || (ctx.branchId !== null && m.branch_id !== ctx.branchId)) throw notFound();
        out.push(`${label}${sep}${m.code} ${m.name}`);
        break;
      }
      case 'operator': {
        const o = await db
          .selectFrom('operators')
          .select(['username', 'name', 'branch_id'])
          .where('id', '=', Number(v))
          .executeTakeFirst();
        if (!o || (ctx.branchId !== null && o.branch_id !== ctx.branchId)) throw notFound();
        out.push(`${label}${sep}${o.name}（${o.username}）`);
        break;
      }
      case 'market': {
        const m = await db
          .selectFrom('markets')
          .select(['name_zh', 'name_en'])
          .where('code', '=', String(v))
          .executeTakeFirst();
        if (!m) throw badRequest({ market: lang === 'zh' ? `没有市场 ${String(v)}` : `no market ${String(v)}` });
        out.push(`${label}${sep}${lang === 'zh' ? m.name_zh : m.name_en}`);
        break;
      }
      case 'choice':
        out.push(`${label}${sep}${p.choices!.find((c) => c.value === v)!.label[lang]}`);
        break;
      case 'integer':
        out.push(p.name === 'top' ? w(lang, 'top', { n: Number(v) }) : `${label}${sep}${Number(v)}`);
        break;
    }
  }
  return out;
}

/** The dictionary labels the columns need, in the report's language (enums are never shown as codes). */
async function dictionaryWords(db: Db, columns: ReportColumn[], lang: Lang): Promise<Words> {
  const categories = [...new Set(['currency', ...columns.filter((c) => c.dict).map((c) => c.dict!)])];
  const rows = await db
    .selectFrom('dictionary')
    .select(['category', 'code', 'label_zh', 'label_en'])
    .where('category', 'in', categories)
    .execute();
  const words: Words = new Map();
  for (const r of rows) {
    const m = words.get(r.category) ?? new Map<string, string>();
    m.set(r.code, lang === 'zh' ? r.label_zh : r.label_en);
    words.set(r.category, m);
  }
  return words;
}

/**
 * A list's export (every list of the console downloads through the report renderers): the rows
 * the list's filter selects, in the operator's scope, with names instead of ids and enums in words.
 */
export interface ListExport {
  /** the list's resource: the route is `/<resource>/export`, the right `<resource>.export` */
  resource: string;
  title: Label;
  columns: ReportColumn[];
  /** the list's query with its (already parsed and validated) filter; `ctx.branchId` is the scope */
  query: (ctx: ReportContext, filter: Record<string, unknown>) => ReportQuery;
  order: [string, 'asc' | 'desc'][];
  orientation?: ReportDef['orientation'];
  /** how the header words each of the list's filters (every filter of the list's spec has one) */
  filters: Record<string, FilterWord>;
  /** enum words the code owns rather than the data dictionary (the rights catalogue's names): category → code → label */
  words?: Record<string, Record<string, Label>>;
  /** a 合计 row under the table: by default when a column sums */
  grandTotal?: boolean;
  /**
   * A table of a period and a branch (the KPI tables): the header states that period (and whether
   * its last day has closed) and that branch, and the download is scoped to it, instead of the
   * open business date and the operator's own scope. The route has already checked the branch.
   */
  scope?: { branch: { id: number | null; name: string }; period: { from: string; to: string } };
  /** 小计 rows per group, as a report's (rows come ordered by the group key) */
  group?: ReportDef['group'];
}

/** Prepares a list export as a report: the header names the list and its filter in words. */
export async function prepareExport(
  exp: ListExport,
  filter: Record<string, unknown>,
  filterWords: string,
  opts: { db: Db; cursor?: boolean; runner: Runner; lang: Lang; at: Date },
): Promise<Prepared> {
  const { db, runner, lang } = opts;
  const { openDate, lastClosed } = await openAndClosed(db);
  const scope = exp.scope;
  const branchId = scope ? scope.branch.id : runner.all_branches ? null : runner.branch.id;
  const def: ReportDef = {
    id: exp.resource,
    title: exp.title,
    description: exp.title,
    params: [],
    query: (ctx) => exp.query(ctx, filter),
    order: exp.order,
    columns: exp.columns,
    grandTotal: exp.grandTotal ?? exp.columns.some((c) => c.sum),
    orientation: exp.orientation ?? (exp.columns.length > 8 ? 'landscape' : 'portrait'),
    group: exp.group,
    dateParam: '',
  };
  const columns =
    branchId === null && exp.columns.some((c) => c.key === 'branch_name')
      ? exp.columns
      : exp.columns.filter((c) => c.key !== 'branch_name');
  const company = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'company_name')
    .executeTakeFirst();
  const words = await dictionaryWords(db, columns, lang);
  for (const [category, labels] of Object.entries(exp.words ?? {}))
    words.set(category, new Map(Object.entries(labels).map(([code, label]) => [code, label[lang]])));
  // a list of amounts says its currency and unit (unless each row names its currency); a list of names neither
  const money = columns.some((c) => c.type === 'money');
  const perRowCurrency = columns.some((c) => c.dict === 'currency');
  const closed = !!scope && lastClosed !== null && scope.period.to <= lastClosed;
  const header: Header = {
    company: company?.value ?? '',
    branch: scope ? scope.branch.name : branchId === null ? w(lang, 'all_branches') : runner.branch.name,
    title: exp.title[lang],
    period: !scope
      ? `${w(lang, 'business_date')}${openDate}`
      : scope.period.from === scope.period.to
        ? `${w(lang, 'business_date')}${scope.period.to}`
        : `${w(lang, 'period')}${scope.period.from}${w(lang, 'to')}${scope.period.to}`,
    closed,
    status: w(lang, closed ? 'closed' : 'open'),
    currency: money && !perRowCurrency ? (words.get('currency')?.get('CNY') ?? '人民币') : '',
    unit: money ? w(lang, 'unit') : '',
    params: filterWords || w(lang, 'all_params'),
    generated_at: localTime(opts.at),
    operator: runner.name,
  };
  return {
    def,
    params: filter,
    ctx: { db, branchId, lang, openDate, lastClosed, cursor: opts.cursor },
    columns,
    header,
    words,
    lang,
  };
}

/**
 * The lines to sign under the report, worded: the report's own (a voucher's 客户签字 / 经办 / 复核,
 * each a blank to sign), else 制表人 with the operator who made it, 复核人 and 负责人.
 */
export function signatureLine(p: Prepared): string[] {
  const blank = '__________';
  if (p.def.signatures) return p.def.signatures.map((l) => `${l[p.lang]}${p.lang === 'zh' ? '：' : ': '}${blank}`);
  return [
    `${w(p.lang, 'preparer')}${p.header.operator}`,
    `${w(p.lang, 'reviewer')}${blank}`,
    `${w(p.lang, 'approver')}${blank}`,
  ];
}

/** Every line of the report, streamed; `totals` is filled once the stream has been read. */
export function lines(p: Prepared, totals?: Totals): AsyncGenerator<Line[]> {
  return layout(p.def, p.columns, rowBatches(p.def, p.ctx, p.params), p.lang, totals);
}

/** How many rows the report has (before it is rendered: the PDF cap, the job threshold). */
export async function countRows(p: Prepared): Promise<number> {
  if (p.def.maxRows !== undefined) return Math.min(p.def.maxRows, await countAll(p));
  return countAll(p);
}
async function countAll(p: Prepared) {
  const r = await wrapped(p.def, p.ctx, p.params)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Counts and sums in SQL, per group and in all: the preview's 小计 and 合计 without reading every row.
 * A column with no value in a group sums to nothing (an empty cell), as in the files (layout.ts).
 */
async function sqlTotals(p: Prepared): Promise<Totals> {
  const sums = p.columns.filter((c) => c.sum);
  const select = (q: ReturnType<typeof wrapped>) =>
    q.select((eb) => [
      eb.fn.countAll<number>().as('__count'),
      ...sums.map((c) => sql<string>`sum(${sql.ref(`r.${c.key}`)})::text`.as(c.key)),
    ]);
  const base = () =>
    p.def.maxRows !== undefined
      ? // a ranking sums what it shows: its top rows, not every candidate
        p.ctx.db.selectFrom(
          (() => {
            let q = wrapped(p.def, p.ctx, p.params).selectAll();
            for (const [k, dir] of p.def.order) q = q.orderBy(sql.ref(`r.${k}`), dir);
            return q.limit(p.def.maxRows!).as('r');
          })(),
        )
      : wrapped(p.def, p.ctx, p.params);
  const total = (await select(base() as ReturnType<typeof wrapped>).executeTakeFirstOrThrow()) as Row;
  const groups = new Map<string, Row>();
  if (p.def.group) {
    const key = p.def.group.key;
    const rows = (await select(base() as ReturnType<typeof wrapped>)
      .select(sql.ref(`r.${key}`).as('__group'))
      .groupBy(sql.ref(`r.${key}`))
      .execute()) as Row[];
    for (const r of rows) groups.set(String(r.__group), r);
  }
  return { groups, total, count: Number(total.__count) };
}

/**
 * One page and the report's totals in one statement: the rows are read once, and window sums over
 * all of them (and over each group) ride along with the page's rows — a report of 15,000 accounts
 * is not evaluated once for the page, once for the 合计 and once for the 小计.
 */
async function pageWithTotals(p: Prepared, offset: number, take: number): Promise<{ rows: Row[]; totals?: Totals }> {
  const sums = p.columns.filter((c) => c.sum);
  const g = p.def.group ? sql.ref(`r.${p.def.group.key}`) : undefined;
  let q = wrapped(p.def, p.ctx, p.params)
    .selectAll()
    .select(() => [
      sql<number>`count(*) over ()`.as('__t_count'),
      ...sums.map((c) => sql<string>`(sum(${sql.ref(`r.${c.key}`)}) over ())::text`.as(`__t_${c.key}`)),
      ...(g
        ? [
            sql<number>`count(*) over (partition by ${g})`.as('__g_count'),
            ...sums.map((c) =>
              sql<string>`(sum(${sql.ref(`r.${c.key}`)}) over (partition by ${g}))::text`.as(`__g_${c.key}`),
            ),
          ]
        : []),
    ]);
  for (const [k, dir] of p.def.order) q = q.orderBy(sql.ref(`r.${k}`), dir);
  const raw = (await q.offset(offset).limit(take).execute()) as Row[];
  if (!raw.length) return { rows: [], totals: offset === 0 ? { groups: new Map(), total: {}, count: 0 } : undefined };
  const pick = (row: Row, prefix: string) => Object.fromEntries(sums.map((c) => [c.key, row[`${prefix}${c.key}`]]));
  const groups = new Map<string, Row>();
  if (p.def.group)
    for (const row of raw) groups.set(String(row[p.def.group.key]), { ...pick(row, '__g_'), __count: row.__g_count });
  const first = raw[0]!;
  return { rows: raw, totals: { groups, total: pick(first, '__t_'), count: Number(first.__t_count) } };
}

export interface PreviewLine {
  kind: Line['kind'];
  n?: number;
  label?: string;
  count?: number;
  cells: Record<string, string>;
}

export interface Preview {
  id: string;
  header: Header;
  columns: { key: string; label: string; type: ReportColumn['type']; numeric: boolean }[];
  lines: PreviewLine[];
  page: number;
  per_page: number;
  total_rows: number;
  notes: string[];
  orientation: ReportDef['orientation'];
}

/** One page of the report as the screen shows it: the page's rows, the 小计 that close on it, the 合计 on the last. */
export async function preview(p: Prepared, page: number, perPage: number): Promise<Preview> {
  const offset = (page - 1) * perPage;
  const take = p.def.maxRows !== undefined ? Math.max(0, Math.min(perPage + 1, p.def.maxRows - offset)) : perPage + 1;
  const { rows, totals: onPage } = take > 0 ? await pageWithTotals(p, offset, take) : { rows: [], totals: undefined };
  const more = rows.length > perPage && (p.def.maxRows === undefined || offset + perPage < p.def.maxRows);
  // the page carried the totals with it; a page past the end, a bounded report and the notes
  // (which need every group) ask for them apart
  const totals = onPage && p.def.maxRows === undefined && !(p.def.notes && !more) ? onPage : await sqlTotals(p);
  const shown = rows.slice(0, perPage);
  const out: PreviewLine[] = [];
  const text = (row: Row) =>
    Object.fromEntries(p.columns.map((c) => [c.key, cellText(c, row[c.key], p.words, p.lang, { separators: true })]));
  shown.forEach((row, i) => {
    out.push({ kind: 'row', n: offset + i + 1, cells: text(row) });
    const g = p.def.group;
    if (!g) return;
    const key = String(row[g.key]);
    const next = i + 1 < shown.length ? shown[i + 1] : more ? rows[perPage] : undefined;
    if (next && String(next[g.key]) === key) return;
    const sums = totals.groups.get(key) ?? {};
    out.push({ kind: 'subtotal', label: g.label(row, p.lang), count: Number(sums.__count ?? 0), cells: text(sums) });
  });
  const last = !more;
  if (last && totals.count > 0 && p.def.grandTotal !== false)
    out.push({ kind: 'total', count: totals.count, cells: text(totals.total) });
  return {
    id: p.def.id,
    header: p.header,
    columns: p.columns.map((c) => ({
      key: c.key,
      label: c.label[p.lang],
      type: c.type,
      numeric: ['money', 'price', 'count', 'quantity', 'rate'].includes(c.type),
    })),
    lines: out,
    page,
    per_page: perPage,
    total_rows: totals.count,
    notes: last && p.def.notes ? p.def.notes(totals, p.lang) : [],
    orientation: p.def.orientation,
  };
}

export { AppError };

import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { AppError, badRequest, notFound, stale } from '../http/errors.js';
import type { Lang } from '../http/lang.js';
import { t, type MsgKey } from '../http/messages.js';
import { zodFields } from '../http/errors.js';
import { audit, auditRow, type Actor } from '../modules/audit/audit.service.js';
import { submitApproval } from '../modules/approvals/approvals.service.js';
import { can, branchColumnOf, isLocked, type FieldDef, type ResourceDef } from './define-resource.js';
import { bodySchema } from './field-schema.js';
import { fromCell, isProblem } from './excel-cells.js';
import { anyDb, filtered, findRow, type Row } from './crud.repository.js';
import { checkValues, type Values } from './crud.service.js';
import { importFields } from './import-template.xlsx.js';
import { resolveReference } from './reference-text.js';
import { dbErrorFields } from './db-errors.js';
import { inTransaction } from '../db/transaction.js';

export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export interface RowError {
  row: number;
  field: string;
  message: string;
}

interface PlanCreate {
  row: number;
  values: Values;
}
interface PlanUpdate {
  row: number;
  id: number;
  version: number;
  values: Values;
  before: Values;
}

const keyOf = (def: ResourceDef, v: Values) => JSON.stringify(def.key.map((k) => v[k] ?? null));
/** Two stored values equal for the purpose of "unchanged" (decimals compared as numbers). */
const same = (f: FieldDef, a: unknown, b: unknown) => {
  if (a === null || a === undefined || a === '') return b === null || b === undefined || b === '';
  if (f.type === 'decimal')
    return b !== null && b !== undefined && Number(a) === Number(b) && String(Number(a)) === String(Number(b));
  return String(a) === String(b);
};

/** The title of the report renderer's 序号 column, in either language. */
const SEQ_TITLES = new Set(['序号', 'no.']);
/** How far down an export's column titles may be: under its header block (company, branch, title …). */
const TITLE_SEARCH_ROWS = 20;

const cellText = (v: ExcelJS.CellValue) =>
  v !== null && typeof v === 'object' && !(v instanceof Date)
    ? 'richText' in v
      ? v.richText.map((r) => r.text).join('')
      : 'text' in v
        ? String(v.text)
        : ''
    : String(v ?? '');

/**
 * Reads the sheet: the column titles → fields (zh label, en label or field name); missing or extra
 * columns are refused. Two layouts: the template (titles in row 1, rows under them) and an export
 * of the report renderer (a header block, titles in the row that starts with 序号, numbered rows,
 * then 合计 / 本期无数据 / the signature line, whose first cell is text — those are skipped).
 */
async function readSheet(def: ResourceDef, buffer: Buffer, lang: Lang) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badRequest({ file: { key: 'not_xlsx' } }, 'not_xlsx');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest({ file: { key: 'not_xlsx' } }, 'not_xlsx');
  const fields = importFields(def);
  const byHeader = new Map<string, FieldDef>();
  for (const f of fields) for (const h of [f.label.zh, f.label.en, f.name]) byHeader.set(h.trim().toLowerCase(), f);
  let titleRow = 1;
  for (let n = 1; n <= Math.min(TITLE_SEARCH_ROWS, ws.rowCount); n++)
    if (SEQ_TITLES.has(cellText(ws.getRow(n).getCell(1).value).trim().toLowerCase())) {
      titleRow = n;
      break;
    }
  const numbered = titleRow > 1 || SEQ_TITLES.has(cellText(ws.getRow(1).getCell(1).value).trim().toLowerCase());
  const header = ws.getRow(titleRow);
  const columns: { col: number; field: FieldDef }[] = [];
  const extra: string[] = [];
  header.eachCell((cell, col) => {
    if (numbered && col === 1) return;
    const text = String(cell.text ?? '').trim();
    if (!text) return;
    const f = byHeader.get(text.toLowerCase());
    if (f) columns.push({ col, field: f });
    else extra.push(text);
  });
  const present = new Set(columns.map((c) => c.field.name));
  const needed = fields.filter(
    (f) => def.key.includes(f.name) || (!f.readOnly && f.required !== false && f.default === undefined),
  );
  const missing = needed.filter((f) => !present.has(f.name)).map((f) => f.label[lang]);
  const dup = columns
    .map((c) => c.field)
    .filter((f, i, a) => a.indexOf(f) !== i)
    .map((f) => f.label[lang]);
  if (missing.length || extra.length || dup.length) {
    const fieldsErr: Record<string, string> = {};
    if (missing.length) fieldsErr.missing_columns = t(lang, 'missing_columns', { columns: missing.join('、') });
    if (extra.length) fieldsErr.extra_columns = t(lang, 'extra_columns', { columns: extra.slice(0, 10).join('、') });
    if (dup.length)
      fieldsErr.duplicate_columns = t(lang, 'duplicate_columns', { columns: [...new Set(dup)].join('、') });
    throw new AppError(400, 'VALIDATION_FAILED', 'bad_columns', {}, fieldsErr);
  }
  // an export adds at most its empty/合计 line, a blank line and the signature line under its rows
  if (ws.actualRowCount - titleRow - (numbered ? 3 : 0) > IMPORT_MAX_ROWS)
    throw badRequest({ file: { key: 'too_many_rows', params: { max: IMPORT_MAX_ROWS } } }, 'too_many_rows', {
      max: IMPORT_MAX_ROWS,
    });
  const rows: { row: number; raw: Record<string, unknown> }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n <= titleRow) return;
    if (numbered) {
      // a row of the table has its number (or none, when typed in); text there is 合计, 本期无数据 or the signature
      const seq = r.getCell(1).value;
      if (seq !== null && seq !== undefined && seq !== '' && !/^\d+$/.test(cellText(seq).trim())) return;
    }
    const raw: Record<string, unknown> = {};
    let any = false;
    for (const { col, field } of columns) {
      const cell = r.getCell(col);
      const v = cell.type === ExcelJS.ValueType.Formula ? { formula: true } : cell.value;
      if (v !== null && v !== undefined && v !== '') any = true;
      raw[field.name] = v;
    }
    if (any) rows.push({ row: n, raw });
  });
  return { columns, rows };
}

/**
 * Reads an export's words back to what is stored: a dictionary word (either language) to its
 * code, a referenced record's words to its key (reference-text.ts). Codes and keys, as a template
 * or an older file has them, pass as they are. Undefined when nothing answers to the words.
 */
async function wordsReader(db: Db, def: ResourceDef) {
  const dicts = [
    ...new Set([
      ...def.fields.filter((f) => f.type === 'enum').map((f) => f.dict!),
      ...def.fields.flatMap((f) => Object.values(f.dictBy?.categories ?? {})),
    ]),
  ];
  const codes = new Map<string, Map<string, string | null>>();
  if (dicts.length) {
    const rows = await db
      .selectFrom('dictionary')
      .select(['category', 'code', 'label_zh', 'label_en'])
      .where('category', 'in', dicts)
      .execute();
    for (const r of rows) {
      const m = codes.get(r.category) ?? new Map<string, string | null>();
      m.set(r.code, r.code);
      codes.set(r.category, m);
    }
    // a code stays itself; a word that two codes share says neither (null: the row is refused, not guessed)
    for (const r of rows) {
      const m = codes.get(r.category)!;
      for (const word of new Set([r.label_zh, r.label_en])) {
        const known = m.get(word);
        if (known === undefined) m.set(word, r.code);
        else if (known !== r.code && !rows.some((x) => x.category === r.category && x.code === word)) m.set(word, null);
      }
    }
  }
  const refs = new Map<string, string | number | undefined>();
  return {
    enumCode(f: FieldDef, v: unknown, dict = f.dict): unknown {
      if (typeof v !== 'string' || !dict) return v;
      const code = codes.get(dict)?.get(v.trim());
      return code === undefined || code === null ? v : code;
    },
    async reference(f: FieldDef, v: unknown): Promise<unknown> {
      if (v === null || v === undefined || typeof v === 'number') return v;
      const text = String(v).trim();
      const key = `${f.name}\u0000${text}`;
      if (!refs.has(key)) refs.set(key, await resolveReference(db, f, text));
      return refs.get(key);
    },
  };
}

/**
 * Checks an uploaded sheet row by row and stores the plan: rows to create, rows to update, rows
 * unchanged, and what is wrong with the others. Nothing is written to the resource until confirmed.
 */
export async function previewImport(
  db: Db,
  def: ResourceDef,
  actor: Actor,
  scope: number | null,
  lang: Lang,
  fileName: string,
  buffer: Buffer,
) {
  const { rows } = await readSheet(def, buffer, lang);
  const errors: RowError[] = [];
  const creates: PlanCreate[] = [];
  const updates: PlanUpdate[] = [];
  let unchanged = 0;
  const existing = new Map<string, Row>();
  for (const r of (await filtered(db, def, scope, {}).selectAll('t').execute()) as Row[])
    existing.set(keyOf(def, r), r);
  const seen = new Map<string, number>();
  const createSchema = bodySchema(def, 'create');
  const updateSchema = bodySchema(def, 'update');
  const words = await wordsReader(db, def);
  for (const { row, raw } of rows) {
    const values: Values = {};
    let bad = false;
    for (const f of importFields(def)) {
      if (!(f.name in raw)) continue;
      let v = fromCell(f, raw[f.name]);
      if (isProblem(v)) {
        errors.push({ row, field: f.name, message: t(lang, v.problem === 'formula' ? 'formula_cell' : 'cell_type') });
        bad = true;
        continue;
      }
      if (f.type === 'enum') v = words.enumCode(f, v);
      else if (f.type === 'reference' && v !== null && v !== undefined) {
        const key = await words.reference(f, v);
        if (key === undefined) {
          errors.push({ row, field: f.name, message: t(lang, 'unknown_reference') });
          bad = true;
          continue;
        }
        v = key;
      }
      if (v !== undefined) values[f.name] = v;
    }
    if (bad) continue;
    // a code whose category another field chooses (a fee's 适用对象 by its 适用范围, a yes/no
    // parameter's value by its type): read in the category the row's field — or, when the file
    // leaves that column out, the stored record's — names
    for (const f of def.fields.filter((x) => x.dictBy && x.name in values)) {
      const by = f.dictBy!;
      const chooser = by.field in values ? values[by.field] : existing.get(keyOf(def, values))?.[by.field];
      values[f.name] = words.enumCode(f, values[f.name], by.categories[String(chooser ?? '')]);
    }
    const k = keyOf(def, values);
    if (seen.has(k)) {
      errors.push({ row, field: def.key.join('+'), message: t(lang, 'duplicate_in_file', { row: seen.get(k)! }) });
      continue;
    }
    seen.set(k, row);
    const current = existing.get(k);
    const writableNames = def.fields.filter((f) => !f.readOnly && !(current && f.createOnly)).map((f) => f.name);
    const input = Object.fromEntries(Object.entries(values).filter(([name]) => writableNames.includes(name)));
    const parsed = current
      ? updateSchema.safeParse({ ...input, version: current.version })
      : createSchema.safeParse(input);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(zodFields(parsed.error))) errors.push({ row, field, message });
      continue;
    }
    const data = parsed.data as Values;
    if (!current) {
      if (!can(def, 'create')) {
        errors.push({ row, field: def.key.join('+'), message: t(lang, 'import_no_create') });
        continue;
      }
      const withBranch =
        def.scope === 'branch' && data[branchColumnOf(def)] === undefined
          ? { ...data, [branchColumnOf(def)]: actor.branch_id }
          : data;
      try {
        await checkValues(db, def, scope, withBranch);
      } catch (e) {
        pushAppError(errors, row, e, lang);
        continue;
      }
      creates.push({ row, values: withBranch });
      continue;
    }
    const changed: Values = {};
    for (const f of def.fields)
      if (f.name in data && !same(f, data[f.name], current[f.name])) changed[f.name] = data[f.name];
    if (!Object.keys(changed).length) {
      unchanged++;
      continue;
    }
    if (isLocked(def, current)) {
      errors.push({ row, field: def.key.join('+'), message: t(lang, 'read_only_record') });
      continue;
    }
    try {
      await checkValues(db, def, scope, { ...current, ...changed }, current);
    } catch (e) {
      pushAppError(errors, row, e, lang);
      continue;
    }
    updates.push({
      row,
      id: current.id,
      version: current.version,
      values: changed,
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, current[k]])),
    });
  }
  if (def.rules && def.crossRowRules && creates.length + updates.length > 1) {
    const failed = await crossRowCheck(db, def, scope, lang, creates, updates, errors);
    if (failed.size) {
      creates.splice(0, creates.length, ...creates.filter((c) => !failed.has(c.row)));
      updates.splice(0, updates.length, ...updates.filter((u) => !failed.has(u.row)));
      errors.sort((a, b) => a.row - b.row);
    }
  }
  const summary = {
    rows: rows.length,
    create: creates.length,
    update: updates.length,
    unchanged,
    errors: errors.length,
  };
  const batch = await db
    .insertInto('import_batches')
    .values({
      resource: def.name,
      operator_id: actor.operator_id!,
      branch_id: actor.branch_id,
      file_name: fileName.slice(0, 200),
      plan: JSON.stringify({ creates, updates }),
      summary: JSON.stringify({ ...summary, error_list: errors.slice(0, 1000) }),
      created_at: actor.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    batch_id: batch.id,
    file_name: fileName,
    summary,
    errors: errors.slice(0, 1000),
    creates: creates.slice(0, 100),
    updates: updates.slice(0, 100),
  };
}

const DRY_RUN = new Error('import dry run');

/**
 * A resource's rules may look at other rows (`crossRowRules`: fee periods must not overlap). Each
 * row was checked against the database alone; here the planned rows are written in file order,
 * each checked against the database as the earlier rows leave it, in a transaction that is
 * rolled back. Returns the rows that fail, with their errors added.
 */
async function crossRowCheck(
  db: Db,
  def: ResourceDef,
  scope: number | null,
  lang: Lang,
  creates: PlanCreate[],
  updates: PlanUpdate[],
  errors: RowError[],
) {
  const failed = new Set<number>();
  const planned = [
    ...creates.map((c) => ({ row: c.row, create: c, update: undefined })),
    ...updates.map((u) => ({ row: u.row, create: undefined, update: u })),
  ].sort((a, b) => a.row - b.row);
  try {
    await db.transaction().execute(async (trx) => {
      for (const p of planned) {
        await sql`savepoint import_row`.execute(trx);
        try {
          await writeRow(trx, def, scope, p.create, p.update);
          await sql`release savepoint import_row`.execute(trx);
        } catch (e) {
          await sql`rollback to savepoint import_row`.execute(trx);
          const fields = e instanceof AppError ? null : dbErrorFields(def, e);
          if (!(e instanceof AppError) && !fields) throw e;
          pushAppError(errors, p.row, e instanceof AppError ? e : badRequest(fields!), lang);
          failed.add(p.row);
        }
      }
      throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  return failed;
}

/** Checks one planned row against the database as it is now (inside `trx`), then writes it. */
async function writeRow(
  trx: Db,
  def: ResourceDef,
  scope: number | null,
  create?: PlanCreate,
  update?: PlanUpdate,
  at?: Date,
): Promise<Row> {
  const t = anyDb(trx);
  const stamps = at ? { updated_at: at } : {};
  if (create) {
    await checkValues(trx, def, scope, create.values);
    return (await t
      .insertInto(def.name)
      .values({ ...create.values, ...stamps, ...(at ? { created_at: at } : {}) })
      .returningAll()
      .executeTakeFirstOrThrow()) as Row;
  }
  const u = update!;
  const current = await findRow(trx, def, null, u.id);
  if (!current || current.version !== u.version) throw stale();
  await checkValues(trx, def, scope, { ...current, ...u.values }, current);
  return (await t
    .updateTable(def.name)
    .set((eb: any) => ({ ...u.values, ...stamps, version: eb('version', '+', 1) }))
    .where('id', '=', u.id)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
}

function pushAppError(errors: RowError[], row: number, e: unknown, lang: Lang) {
  if (!(e instanceof AppError)) throw e;
  for (const [field, m] of Object.entries(e.fields ?? { _: { key: e.key, params: e.params } })) {
    errors.push({ row, field, message: typeof m === 'string' ? m : t(lang, m.key as MsgKey, m.params) });
  }
}

/** Applies a previewed plan in one transaction: all rows or none. Each row gets its audit entry. */
export async function applyImport(
  db: Db,
  def: ResourceDef,
  actor: Actor,
  batchId: number,
  detail = '',
): Promise<{ created: number; updated: number }> {
  const batch = await db
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', batchId)
    .where('resource', '=', def.name)
    .executeTakeFirst();
  if (!batch) throw notFound();
  if (batch.status === 'applied') throw new AppError(409, 'CONFLICT', 'import_applied');
  // the plan is the JSON previewImport stored for this batch
  const plan = batch.plan as unknown as { creates: PlanCreate[]; updates: PlanUpdate[] };
  try {
    return await inTransaction(db, async (trx) => {
      const t = anyDb(trx);
      const CHUNK = 500;
      // rules that look at other rows may see them changed since the preview (another batch, an
      // approval): such resources are checked again row by row, as each earlier row leaves them
      const recheck = !!def.crossRowRules;
      if (recheck) {
        const planned = [
          ...plan.creates.map((c) => ({ row: c.row, create: c, update: undefined })),
          ...plan.updates.map((u) => ({ row: u.row, create: undefined, update: u })),
        ].sort((a, b) => a.row - b.row);
        for (const p of planned) {
          const r = await writeRow(trx, def, null, p.create, p.update, actor.at);
          await audit(
            trx,
            actor,
            p.create
              ? {
                  action: 'create',
                  resource: def.name,
                  record_id: r.id,
                  after: r,
                  detail: `import #${batchId}${detail}`,
                }
              : {
                  action: 'update',
                  resource: def.name,
                  record_id: r.id,
                  before: p.update!.before,
                  after: r,
                  detail: `import #${batchId}${detail}`,
                },
          );
        }
      }
      for (let i = 0; !recheck && i < plan.creates.length; i += CHUNK) {
        const chunk = plan.creates.slice(i, i + CHUNK);
        const inserted = (await t
          .insertInto(def.name)
          .values(chunk.map((c) => ({ ...c.values, created_at: actor.at, updated_at: actor.at })))
          .returningAll()
          .execute()) as Row[];
        await trx
          .insertInto('audit_log')
          .values(
            inserted.map((r) =>
              auditRow(actor, {
                action: 'create',
                resource: def.name,
                record_id: r.id,
                after: r,
                detail: `import #${batchId}${detail}`,
              }),
            ),
          )
          .execute();
      }
      for (const u of recheck ? [] : plan.updates) {
        const r = await t
          .updateTable(def.name)
          .set((eb: any) => ({ ...u.values, version: eb('version', '+', 1), updated_at: actor.at }))
          .where('id', '=', u.id)
          .where('version', '=', u.version)
          .returningAll()
          .executeTakeFirst();
        if (!r) throw stale();
        await audit(trx, actor, {
          action: 'update',
          resource: def.name,
          record_id: u.id,
          before: u.before,
          after: r,
          detail: `import #${batchId}${detail}`,
        });
      }
      await trx
        .updateTable('import_batches')
        .set({ status: 'applied', applied_at: actor.at })
        .where('id', '=', batchId)
        .execute();
      await audit(trx, actor, {
        action: 'import',
        resource: def.name,
        record_id: null,
        detail: `import #${batchId}: ${plan.creates.length} created, ${plan.updates.length} updated${detail}`,
      });
      return { created: plan.creates.length, updated: plan.updates.length };
    });
  } catch (e) {
    const fields = dbErrorFields(def, e);
    if (fields) throw badRequest(fields);
    throw e;
  }
}

/** The user confirms a preview: refused while it has errors; for resources under 复核 the whole batch waits for approval. */
export async function confirmImport(db: Db, def: ResourceDef, actor: Actor, batchId: number) {
  const batch = await db
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', batchId)
    .where('resource', '=', def.name)
    .where('operator_id', '=', actor.operator_id!)
    .executeTakeFirst();
  if (!batch) throw notFound();
  if (batch.status !== 'previewed') throw new AppError(409, 'CONFLICT', 'import_applied');
  const summary = batch.summary as { errors: number; create: number; update: number };
  if (summary.errors > 0)
    throw badRequest({ file: { key: 'import_has_errors', params: { count: summary.errors } } }, 'import_has_errors', {
      count: summary.errors,
    });
  if (def.approval) {
    const approval = await submitApproval(db, actor, {
      resource: def.name,
      operation: 'import',
      record_id: null,
      payload: { batch_id: batchId, create: summary.create, update: summary.update },
      before: null,
      summary: batch.file_name,
    });
    await db.updateTable('import_batches').set({ status: 'submitted' }).where('id', '=', batchId).execute();
    return { status: 202 as const, approval_id: approval.id, created: 0, updated: 0 };
  }
  return { status: 200 as const, ...(await applyImport(db, def, actor, batchId)) };
}

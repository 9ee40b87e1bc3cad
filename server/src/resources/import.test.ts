import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../test/harness.js';
import { BUILT_IN_ROLES } from '../modules/roles/built-in-roles.js';
import { anyDb } from './crud.repository.js';
import type { ResourceDef } from './define-resource.js';
import { resourceByName } from './registry.js';

/**
 * Excel import of declared parameter resources: preview (nothing written), confirm (all rows or
 * none, each with its audit row), every kind of bad input refused without writing anything, the
 * row limits, formula neutralisation on export (and the round trip back), and imports of a
 * resource under 复核 waiting for a second operator.
 */

let t: TestApp;
let admin: Session; // branch IT admin: the maker
let manager: Session; // branch manager: the checker
let teller: Session;
let hq: Session; // head office, read-only
let hqadmin: Session; // a second head-office admin

const def = (name: string) => resourceByName.get(name)!;
const dictionary = def('dictionary');
const banks = def('banks');
const securities = def('securities');
const calendar = def('trading_calendar');
const fees = def('fee_schedules');

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  manager = await t.login('manager');
  teller = await t.login('teller');
  hq = await t.login('hq');
  hqadmin = await t.headOfficeOperator('hqadmin', BUILT_IN_ROLES.find((r) => r.code === 'admin')!.permissions);
});
afterAll(() => t.close());

type Cell = ExcelJS.CellValue;

/** A workbook with a header row and data rows, as the bytes of an .xlsx file. */
async function workbook(header: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook in a resource's template: Chinese labels as the header, rows given by field name. */
function sheet(d: ResourceDef, rows: Record<string, Cell>[]) {
  return workbook(
    d.fields.map((f) => f.label.zh),
    rows.map((r) => d.fields.map((f) => r[f.name] ?? null)),
  );
}

/** Rows and the sum of versions: changes when anything is inserted, updated or deleted. */
async function fingerprint(table: string) {
  const r = await sql<{
    n: string;
    v: string;
  }>`select count(*)::text as n, coalesce(sum(version), 0)::text as v from ${sql.table(table)}`.execute(t.db);
  return `${r.rows[0]!.n}/${r.rows[0]!.v}`;
}
const auditCount = async (resource: string) =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('resource', '=', resource)
        .executeTakeFirstOrThrow()
    ).n,
  );

const preview = (name: string, bytes: Buffer, as: Session = admin, file = 'import.xlsx') =>
  t.upload(`/api/${name}/import`, as, bytes, file);
const confirm = (name: string, batch: number, as: Session = admin) =>
  t.call('POST', `/api/${name}/import/${batch}/confirm`, { as, body: {} });

/** Previews a file that must be refused outright (400) and checks that nothing was written. */
async function refused(name: string, bytes: Buffer, file = 'import.xlsx') {
  const before = await fingerprint(name);
  const audits = await auditCount(name);
  const res = await preview(name, bytes, admin, file);
  expect(res.status, JSON.stringify(res.json)).toBe(400);
  expect(res.json.error.code).toBe('VALIDATION_FAILED');
  expect(await fingerprint(name)).toBe(before);
  expect(await auditCount(name)).toBe(audits);
  return res.json.error as { code: string; message: string; fields?: Record<string, string> };
}

/** Previews a file whose rows have errors; confirming it is refused and nothing is written. */
async function rowErrors(name: string, bytes: Buffer) {
  const before = await fingerprint(name);
  const res = await preview(name, bytes);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  expect(res.json.summary.errors).toBeGreaterThan(0);
  expect(res.json.errors.length).toBe(res.json.summary.errors);
  const conf = await confirm(name, res.json.batch_id);
  expect(conf.status, JSON.stringify(conf.json)).toBe(400);
  expect(conf.json.error.code).toBe('VALIDATION_FAILED');
  expect(await fingerprint(name)).toBe(before);
  return res.json as { summary: Record<string, number>; errors: { row: number; field: string; message: string }[] };
}

const dictRow = (
  category: string,
  code: string,
  label_zh = `标签${code}`,
  label_en = `Label ${code}`,
  sort_order: Cell = 1,
) => ({ category, code, label_zh, label_en, sort_order });

describe('preview and confirm', () => {
  it('preview reports creates, updates, unchanged and errors and writes nothing; confirm applies every row with its audit entry', async () => {
    const existing = await t.db
      .selectFrom('dictionary')
      .selectAll()
      .where('category', '=', 'record_status')
      .orderBy('code')
      .execute();
    expect(existing.length).toBeGreaterThanOrEqual(2);
    const [toUpdate, toKeep] = existing as [(typeof existing)[0], (typeof existing)[0]];
    const bytes = await sheet(dictionary, [
      dictRow('imp_a', 'x1', '甲', 'A', 1),
      dictRow('imp_a', 'x2', '乙', 'B', 2),
      { ...toUpdate, label_en: `${toUpdate.label_en} (imported)` },
      { ...toKeep },
    ]);
    const before = await fingerprint('dictionary');
    const audits = await auditCount('dictionary');
    const res = await preview('dictionary', bytes);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.batch_id).toEqual(expect.any(Number));
    expect(res.json.summary).toEqual({ rows: 4, create: 2, update: 1, unchanged: 1, errors: 0 });
    expect(res.json.errors).toEqual([]);
    expect(res.json.creates.map((c: { row: number; values: { code: string } }) => [c.row, c.values.code])).toEqual([
      [2, 'x1'],
      [3, 'x2'],
    ]);
    expect(res.json.updates).toHaveLength(1);
    expect(res.json.updates[0]).toMatchObject({
      row: 4,
      id: toUpdate.id,
      version: toUpdate.version,
      values: { label_en: `${toUpdate.label_en} (imported)` },
      before: { label_en: toUpdate.label_en },
    });
    // the preview wrote nothing
    expect(await fingerprint('dictionary')).toBe(before);
    expect(await auditCount('dictionary')).toBe(audits);

    const done = await confirm('dictionary', res.json.batch_id);
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    expect(done.json).toMatchObject({ created: 2, updated: 1 });
    const rows = await t.db
      .selectFrom('dictionary')
      .selectAll()
      .where('category', '=', 'imp_a')
      .orderBy('code')
      .execute();
    expect(rows.map((r) => [r.code, r.label_zh, r.label_en, r.sort_order])).toEqual([
      ['x1', '甲', 'A', 1],
      ['x2', '乙', 'B', 2],
    ]);
    const updated = await t.db
      .selectFrom('dictionary')
      .selectAll()
      .where('id', '=', toUpdate.id)
      .executeTakeFirstOrThrow();
    expect(updated.label_en).toBe(`${toUpdate.label_en} (imported)`);
    expect(updated.version).toBe(toUpdate.version + 1);
    const kept = await t.db.selectFrom('dictionary').selectAll().where('id', '=', toKeep.id).executeTakeFirstOrThrow();
    expect(kept.version).toBe(toKeep.version);

    // one audit row per created or updated row, naming the batch, plus the import summary
    const trail = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('resource', '=', 'dictionary')
      .where('detail', 'like', `import #${res.json.batch_id}%`)
      .execute();
    const perRow = trail.filter((a) => a.action !== 'import');
    expect(perRow.map((a) => a.action).sort()).toEqual(['create', 'create', 'update']);
    expect(new Set(perRow.map((a) => a.record_id))).toEqual(
      new Set([...rows.map((r) => String(r.id)), String(toUpdate.id)]),
    );
    expect(perRow.every((a) => a.username === 'admin')).toBe(true);
    const upd = perRow.find((a) => a.action === 'update')!;
    expect(upd.before).toMatchObject({ label_en: toUpdate.label_en });
    expect(upd.after).toMatchObject({ label_en: `${toUpdate.label_en} (imported)` });
    expect(trail.filter((a) => a.action === 'import')).toHaveLength(1);

    // confirming the same batch again: 409, nothing more written
    const after = await fingerprint('dictionary');
    const again = await confirm('dictionary', res.json.batch_id);
    expect(again.status).toBe(409);
    expect(await fingerprint('dictionary')).toBe(after);
  });

  it('accepts English labels and field names as headers, in any column order, optional columns left out', async () => {
    const en = await workbook(
      ['Code', 'Category', 'English label', 'Chinese label', 'Order'],
      [['e1', 'imp_en', 'E one', '英一', 3]],
    );
    const r1 = await preview('dictionary', en);
    expect(r1.status, JSON.stringify(r1.json)).toBe(200);
    expect(r1.json.summary).toEqual({ rows: 1, create: 1, update: 0, unchanged: 0, errors: 0 });
    expect(r1.json.creates[0].values).toMatchObject({
      category: 'imp_en',
      code: 'e1',
      label_zh: '英一',
      label_en: 'E one',
      sort_order: 3,
    });
    const names = await workbook(['category', 'code', 'label_zh', 'label_en'], [['imp_en', 'e2', '英二', 'E two']]);
    const r2 = await preview('dictionary', names);
    expect(r2.status, JSON.stringify(r2.json)).toBe(200);
    expect(r2.json.summary).toMatchObject({ rows: 1, create: 1, errors: 0 });
    // the omitted optional column takes its default
    expect(r2.json.creates[0].values.sort_order).toBe(0);
    expect((await confirm('dictionary', r2.json.batch_id)).status).toBe(200);
    expect(
      (
        await t.db
          .selectFrom('dictionary')
          .select('sort_order')
          .where('category', '=', 'imp_en')
          .where('code', '=', 'e2')
          .executeTakeFirstOrThrow()
      ).sort_order,
    ).toBe(0);
  });

  it('a preview with errors cannot be confirmed: 400 and nothing written', async () => {
    const bytes = await sheet(dictionary, [dictRow('imp_err', 'ok1'), dictRow('imp_err', 'bad', '坏', 'Bad', 'abc')]);
    const res = await rowErrors('dictionary', bytes);
    expect(res.summary).toMatchObject({ rows: 2, create: 1, errors: 1 });
    expect(res.errors).toEqual([{ row: 3, field: 'sort_order', message: expect.any(String) }]);
    expect(await t.db.selectFrom('dictionary').select('id').where('category', '=', 'imp_err').execute()).toEqual([]);
  });

  it('a batch is confirmed only by its uploader, only on its own resource, and unknown batches are 404', async () => {
    const res = await preview('dictionary', await sheet(dictionary, [dictRow('imp_own', 'o1')]));
    expect(res.status).toBe(200);
    const before = await fingerprint('dictionary');
    expect((await confirm('dictionary', res.json.batch_id, hqadmin)).status).toBe(404);
    expect((await confirm('banks', res.json.batch_id)).status).toBe(404);
    expect((await confirm('dictionary', 99_999_999)).status).toBe(404);
    expect(await fingerprint('dictionary')).toBe(before);
    expect((await confirm('dictionary', res.json.batch_id)).status).toBe(200);
  });

  it('needs the right: teller and head-office read-only operators get 403, nothing written', async () => {
    const bytes = await sheet(dictionary, [dictRow('imp_403', 'z1')]);
    const before = await fingerprint('dictionary');
    expect((await preview('dictionary', bytes, teller)).status).toBe(403);
    expect((await preview('dictionary', bytes, hq)).status).toBe(403);
    const mine = await preview('dictionary', bytes);
    expect((await confirm('dictionary', mine.json.batch_id, teller)).status).toBe(403);
    expect((await confirm('dictionary', mine.json.batch_id, hq)).status).toBe(403);
    expect(await fingerprint('dictionary')).toBe(before);
  });
});

describe('bad files are refused with a 400 and nothing written', () => {
  it('a missing required column', async () => {
    const bytes = await workbook(['类别', '代码', '英文标签', '排序'], [['imp_col', 'm1', 'M', 1]]);
    const err = await refused('dictionary', bytes);
    expect(err.fields?.missing_columns).toContain('中文标签');
  });

  it('a missing key column', async () => {
    const bytes = await workbook(['类别', '中文标签', '英文标签'], [['imp_col', '甲', 'A']]);
    const err = await refused('dictionary', bytes);
    expect(err.fields?.missing_columns).toContain('代码');
  });

  it('an extra column', async () => {
    const bytes = await workbook(
      [...dictionary.fields.map((f) => f.label.zh), '密码'],
      [['imp_col', 'm2', '甲', 'A', 1, 'x']],
    );
    const err = await refused('dictionary', bytes);
    expect(err.fields?.extra_columns).toContain('密码');
  });

  it('a column given twice (by label and by field name)', async () => {
    const bytes = await workbook(
      [...dictionary.fields.map((f) => f.label.zh), 'label_zh'],
      [['imp_col', 'm3', '甲', 'A', 1, '乙']],
    );
    const err = await refused('dictionary', bytes);
    expect(err.fields?.duplicate_columns).toContain('中文标签');
  });

  it('random bytes named .xlsx', async () => {
    const err = await refused('dictionary', randomBytes(4096), 'random.xlsx');
    expect(err.fields?.file).toBeTruthy();
  });

  it('a CSV renamed .xlsx', async () => {
    const csv = Buffer.from('类别,代码,中文标签,英文标签,排序\nimp_csv,c1,甲,A,1\n', 'utf8');
    const err = await refused('dictionary', csv, 'dictionary.xlsx');
    expect(err.fields?.file).toBeTruthy();
  });

  it('an empty (0-byte) file', async () => {
    const err = await refused('dictionary', Buffer.alloc(0), 'empty.xlsx');
    expect(err.fields?.file).toBeTruthy();
  });

  it('a workbook without a header row', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空');
    const err = await refused('dictionary', Buffer.from(await wb.xlsx.writeBuffer()), 'blank.xlsx');
    expect(err.fields?.missing_columns).toBeTruthy();
  });

  it('no file field (another field, or a JSON body)', async () => {
    const before = await fingerprint('dictionary');
    const form = new FormData();
    form.append('document', new Blob([new Uint8Array(await sheet(dictionary, [dictRow('imp_nf', 'n1')]))]), 'x.xlsx');
    const res = await t.call('POST', '/api/dictionary/import', { as: admin, form });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(res.json.error.fields.file).toBeTruthy();
    const text = new FormData();
    text.append('file', 'not a file');
    const res2 = await t.call('POST', '/api/dictionary/import', { as: admin, form: text });
    expect(res2.status).toBe(400);
    // a JSON body is not multipart at all: refused as the wrong media type
    const json = await t.call('POST', '/api/dictionary/import', { as: admin, body: { file: 'x' } });
    expect([400, 415]).toContain(json.status);
    expect(json.json.error.code).toBe('VALIDATION_FAILED');
    expect(await fingerprint('dictionary')).toBe(before);
  });

  it('more than 20,000 rows', { timeout: 120_000 }, async () => {
    const rows: Cell[][] = [];
    for (let i = 0; i < 20_001; i++) rows.push(['imp_big', `b${i}`, `大${i}`, `Big ${i}`, i % 100]);
    const batches = await t.db.selectFrom('import_batches').select('id').execute();
    const err = await refused(
      'dictionary',
      await workbook(
        dictionary.fields.map((f) => f.label.zh),
        rows,
      ),
    );
    expect(JSON.stringify(err)).toContain('20000');
    expect(await t.db.selectFrom('import_batches').select('id').execute()).toHaveLength(batches.length);
  });
});

describe('bad rows are reported per row, and the batch cannot be confirmed', () => {
  it('text in an integer column, a fraction, a value out of range', async () => {
    const res = await rowErrors(
      'dictionary',
      await sheet(dictionary, [
        dictRow('imp_t', 'a', '甲', 'A', 'abc'),
        dictRow('imp_t', 'b', '乙', 'B', 1.5),
        dictRow('imp_t', 'c', '丙', 'C', -1),
        dictRow('imp_t', 'd', '丁', 'D', 10_000),
        dictRow('imp_t', 'ok'),
      ]),
    );
    expect(res.summary).toMatchObject({ rows: 5, create: 1, errors: 4 });
    expect(res.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'sort_order'],
      [3, 'sort_order'],
      [4, 'sort_order'],
      [5, 'sort_order'],
    ]);
    for (const e of res.errors) expect(e.message.length).toBeGreaterThan(0);
  });

  it('a bad date, a date that does not exist, a bad boolean', async () => {
    const res = await rowErrors(
      'trading_calendar',
      await sheet(calendar, [
        { market: 'SH-A', date: 'next Tuesday', is_trading_day: true },
        { market: 'SH-A', date: '2031-13-45', is_trading_day: true },
        { market: 'SH-A', date: '2031-02-30', is_trading_day: true },
        { market: 'SH-A', date: '2031-01-06', is_trading_day: 'maybe' },
        { market: 'SH-A', date: new Date(Date.UTC(2031, 0, 7)), is_trading_day: '是' },
      ]),
    );
    expect(res.summary).toMatchObject({ rows: 5, create: 1, errors: 4 });
    expect(res.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'date'],
      [3, 'date'],
      [4, 'date'],
      [5, 'is_trading_day'],
    ]);
  });

  it('a key twice in one file', async () => {
    const res = await rowErrors(
      'dictionary',
      await sheet(dictionary, [
        dictRow('imp_dup', 'k1'),
        dictRow('imp_dup', 'k2'),
        dictRow('imp_dup', 'k1', '又一个', 'Again'),
      ]),
    );
    expect(res.summary).toMatchObject({ rows: 3, create: 2, errors: 1 });
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatchObject({ row: 4, field: 'category+code' });
    expect(res.errors[0]!.message).toContain('2');
  });

  it('a row breaking a rule: a bank whose transfers end before they start', async () => {
    const res = await rowErrors(
      'banks',
      await sheet(banks, [
        {
          code: 'IMPB',
          name_zh: '导入银行',
          name_en: 'Import Bank',
          transfer_start: '16:00',
          transfer_end: '09:00',
          settlement_account: '1234567890123',
          status: 'active',
        },
      ]),
    );
    expect(res.errors).toEqual([{ row: 2, field: 'transfer_end', message: '截止时间须晚于开始时间' }]);
  });

  it('a row breaking a rule: an A share with tick 0.05', async () => {
    const security = {
      market: 'SZ-A',
      code: '009998',
      name: '导入证券',
      type: 'stock',
      board: 'main',
      industry: '',
      lot_size: 100,
      tick: 0.05,
      price_limit_pct: 10,
      st: false,
      prev_close: 12.34,
      status: 'listed',
    };
    const res = await rowErrors('securities', await sheet(securities, [security]));
    expect(res.errors).toEqual([{ row: 2, field: 'tick', message: expect.stringContaining('0.01') }]);
  });

  it('an unknown dictionary code', async () => {
    const res = await rowErrors(
      'banks',
      await sheet(banks, [
        {
          code: 'IMPC',
          name_zh: '导入银行',
          name_en: 'Import Bank',
          transfer_start: '09:00',
          transfer_end: '16:00',
          settlement_account: '1234567890123',
          status: 'bogus',
        },
      ]),
    );
    expect(res.errors).toEqual([{ row: 2, field: 'status', message: '数据字典中没有代码 bogus' }]);
  });

  it('an unknown reference (market XX)', async () => {
    const security = {
      market: 'XX',
      code: '009997',
      name: '导入证券',
      type: 'stock',
      board: 'main',
      industry: '',
      lot_size: 100,
      tick: 0.01,
      price_limit_pct: 10,
      st: false,
      prev_close: 12.34,
      status: 'listed',
    };
    const res = await rowErrors('securities', await sheet(securities, [security]));
    expect(res.errors).toEqual([{ row: 2, field: 'market', message: '引用的记录不存在' }]);
  });

  it('a formula cell', async () => {
    const res = await rowErrors(
      'dictionary',
      await sheet(dictionary, [
        dictRow('imp_f', 'f0'),
        { ...dictRow('imp_f', 'f1'), label_zh: { formula: 'A1+1' } as Cell },
        { ...dictRow('imp_f', 'f2'), sort_order: { formula: 'E2*2', result: 2 } as Cell },
      ]),
    );
    expect(res.summary).toMatchObject({ rows: 3, create: 1, errors: 2 });
    expect(res.errors).toEqual([
      { row: 3, field: 'label_zh', message: '不接受公式单元格，请粘贴为数值' },
      { row: 4, field: 'sort_order', message: '不接受公式单元格，请粘贴为数值' },
    ]);
  });

  it('a read-only record (the business date) cannot be changed by import', async () => {
    const params = def('system_params');
    const rows = await t.db
      .selectFrom('system_params')
      .selectAll()
      .where('key', 'in', ['business_date', 'active_account_days'])
      .orderBy('key')
      .execute();
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    const res = await rowErrors(
      'system_params',
      await sheet(params, [
        { ...byKey.active_account_days, value: 'abc' },
        { ...byKey.business_date, value: '2030-01-01' },
      ] as Record<string, Cell>[]),
    );
    expect(res.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'value'],
      [3, 'key'],
    ]);
  });
});

describe('large files', () => {
  it('10,000 rows: the preview counts 10,000 creates in reasonable time; confirm creates exactly 10,000', {
    timeout: 180_000,
  }, async () => {
    const rows: Cell[][] = [];
    for (let i = 0; i < 10_000; i++)
      rows.push(['imp_10k', `c${String(i).padStart(5, '0')}`, `批量${i}`, `Bulk ${i}`, i % 10_000]);
    const bytes = await workbook(
      dictionary.fields.map((f) => f.label.zh),
      rows,
    );
    const before = await fingerprint('dictionary');
    const started = Date.now();
    const res = await preview('dictionary', bytes);
    const took = Date.now() - started;
    expect(res.status, JSON.stringify(res.json).slice(0, 500)).toBe(200);
    expect(res.json.summary).toEqual({ rows: 10_000, create: 10_000, update: 0, unchanged: 0, errors: 0 });
    expect(took).toBeLessThan(60_000);
    expect(await fingerprint('dictionary')).toBe(before);
    const audits = await auditCount('dictionary');
    const done = await confirm('dictionary', res.json.batch_id);
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    expect(done.json).toMatchObject({ created: 10_000, updated: 0 });
    const n = await t.db
      .selectFrom('dictionary')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('category', '=', 'imp_10k')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(10_000);
    // one audit row per created row, plus the batch summary
    expect((await auditCount('dictionary')) - audits).toBe(10_001);
  });
});

describe('formula neutralisation on export, and the round trip', () => {
  const risky = ['=HYPERLINK("http://x")', '+1+2', '-3+4', '@SUM(A1:A2)'];

  it('text a spreadsheet would run as a formula is exported with a leading apostrophe; importing the export changes nothing', async () => {
    for (const [i, label] of risky.entries()) {
      const res = await t.call('POST', '/api/dictionary', {
        as: admin,
        body: { category: 'imp_inj', code: `r${i}`, label_zh: label, label_en: `Risky ${i}` },
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json.label_zh).toBe(label);
    }
    const exported = await t.call(
      'GET',
      `/api/dictionary/export?filter=${encodeURIComponent(JSON.stringify({ category: 'imp_inj' }))}`,
      { as: admin },
    );
    expect(exported.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.bytes! as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // the export is the report renderer's: a header block, then the column titles in the row that
    // starts with 序号, then numbered rows
    const titleRow = [...Array(ws.rowCount).keys()]
      .map((i) => i + 1)
      .find((n) => ws.getRow(n).getCell(1).text === '序号')!;
    const tableRows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => {
      if (n > titleRow && typeof row.getCell(1).value === 'number') tableRows.push(row);
    });
    expect(1 + tableRows.length).toBe(1 + risky.length);
    const titles = ws.getRow(titleRow).values as unknown[];
    const col = titles.indexOf(dictionary.fields.find((f) => f.name === 'label_zh')!.label.zh);
    const seen: string[] = [];
    for (const row of tableRows) {
      const cell = row.getCell(col);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.text.startsWith("'"), cell.text).toBe(true);
      seen.push(cell.text.slice(1));
    }
    expect(seen.sort()).toEqual([...risky].sort());
    // and back: nothing to change
    const before = await fingerprint('dictionary');
    const back = await preview('dictionary', exported.bytes!);
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(back.json.summary).toEqual({ rows: risky.length, create: 0, update: 0, unchanged: risky.length, errors: 0 });
    expect(await fingerprint('dictionary')).toBe(before);
  });

  it('text that itself starts with an apostrophe before a formula sign survives the round trip', async () => {
    const literal = "'=not a formula";
    const res = await t.call('POST', '/api/dictionary', {
      as: admin,
      body: { category: 'imp_apos', code: 'a1', label_zh: literal, label_en: "'-quoted" },
    });
    expect(res.status).toBe(201);
    const exported = await t.call(
      'GET',
      `/api/dictionary/export?filter=${encodeURIComponent(JSON.stringify({ category: 'imp_apos' }))}`,
      { as: admin },
    );
    const back = await preview('dictionary', exported.bytes!);
    expect(back.status).toBe(200);
    expect(back.json.summary, JSON.stringify(back.json.updates)).toEqual({
      rows: 1,
      create: 0,
      update: 0,
      unchanged: 1,
      errors: 0,
    });
  });

  it('a new row typed with a leading apostrophe (as Excel users quote text) is stored without it', async () => {
    const res = await preview('dictionary', await sheet(dictionary, [dictRow('imp_q', 'q1', "'=1+1", 'Quoted')]));
    expect(res.status).toBe(200);
    expect(res.json.creates[0].values.label_zh).toBe('=1+1');
  });
});

describe('words back to codes: the export imports as it was', () => {
  /** An export's first sheet, and the column of a field's title in the row that starts with 序号. */
  async function exportedSheet(name: string, filter: Record<string, unknown>) {
    const res = await t.call('GET', `/api/${name}/export?filter=${encodeURIComponent(JSON.stringify(filter))}`, {
      as: admin,
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes! as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const titleRow = [...Array(ws.rowCount).keys()]
      .map((i) => i + 1)
      .find((n) => ws.getRow(n).getCell(1).text === '序号')!;
    const titles = ws.getRow(titleRow).values as unknown[];
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => {
      if (n > titleRow && typeof row.getCell(1).value === 'number') rows.push(row);
    });
    return { bytes: res.bytes!, wb, rows, col: (label: string) => titles.indexOf(label) };
  }

  it('a yes/no parameter reads 是/否 and comes back as true/false; changing 是 to 否 stores false', async () => {
    await t.db
      .insertInto('system_params')
      .values({
        key: 'imp_flag',
        value: 'true',
        type: 'boolean',
        category: 'business',
        name_zh: '导入测试开关',
        name_en: 'Import test flag',
      })
      .execute();
    const file = await exportedSheet('system_params', { key: 'imp_flag' });
    expect(file.rows).toHaveLength(1);
    const value = file.rows[0]!.getCell(file.col('参数值'));
    expect(value.value).toBe('是');
    expect(file.rows[0]!.getCell(file.col('只读')).value).toBe('否');
    expect(file.rows[0]!.getCell(file.col('类型')).value).toBe('是/否');
    const back = await preview('system_params', file.bytes);
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(back.json.summary).toEqual({ rows: 1, create: 0, update: 0, unchanged: 1, errors: 0 });
    value.value = '否';
    const changed = await preview('system_params', Buffer.from(await file.wb.xlsx.writeBuffer()));
    expect(changed.json.summary, JSON.stringify(changed.json.errors)).toMatchObject({ update: 1, errors: 0 });
    expect(changed.json.updates[0].values).toEqual({ value: 'false' });
    expect((await confirm('system_params', changed.json.batch_id)).status).toBe(200);
    const stored = await t.db
      .selectFrom('system_params')
      .select('value')
      .where('key', '=', 'imp_flag')
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe('false');
    await t.db.deleteFrom('system_params').where('key', '=', 'imp_flag').execute();
  });

  it("a fee schedule's 适用对象 reads the client class's or security type's word and imports unchanged", async () => {
    const file = await exportedSheet('fee_schedules', {});
    const appliesTo = file.rows.map((r) => r.getCell(file.col('适用对象')).text);
    expect(appliesTo).toContain('贵宾客户'); // client class vip
    expect(appliesTo).toContain('债券'); // security type bond
    expect(appliesTo).not.toContain('vip');
    const before = await fingerprint('fee_schedules');
    const back = await preview('fee_schedules', file.bytes);
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(back.json.summary, JSON.stringify(back.json.errors)).toMatchObject({
      create: 0,
      update: 0,
      unchanged: file.rows.length,
      errors: 0,
    });
    expect(await fingerprint('fee_schedules')).toBe(before);
  });
});

describe('a resource under 复核: fee schedules', () => {
  const newSchedule = {
    fee_item: 'commission',
    scope: 'client',
    scope_value: '10000099',
    side: 'both',
    rate: 0.00025,
    min_fee: 5,
    effective_from: '2027-01-01',
    effective_to: null,
    note: '导入的佣金套餐',
  };

  it('confirm → 202 with an approval; the rows appear only when a second operator approves', async () => {
    const res = await preview('fee_schedules', await sheet(fees, [newSchedule]));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.summary).toEqual({ rows: 1, create: 1, update: 0, unchanged: 0, errors: 0 });
    const before = await fingerprint('fee_schedules');
    const submitted = await confirm('fee_schedules', res.json.batch_id);
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(202);
    const approvalId = submitted.json.approval_id;
    expect(approvalId).toEqual(expect.any(Number));
    expect(await fingerprint('fee_schedules')).toBe(before);
    // confirming again while it waits: 409
    expect((await confirm('fee_schedules', res.json.batch_id)).status).toBe(409);
    // the maker cannot approve their own import
    const own = await t.call('POST', `/api/approvals/${approvalId}/approve`, { as: admin, body: {} });
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe('OWN_APPROVAL');
    expect(await fingerprint('fee_schedules')).toBe(before);
    const pending = await t.call('GET', `/api/approvals/${approvalId}`, { as: manager });
    expect(pending.json).toMatchObject({
      resource: 'fee_schedules',
      operation: 'import',
      status: 'pending',
      maker_username: 'admin',
    });

    const approved = await t.call('POST', `/api/approvals/${approvalId}/approve`, {
      as: manager,
      body: { comment: '同意' },
    });
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    const rows = await t.db
      .selectFrom('fee_schedules')
      .selectAll()
      .where('scope', '=', 'client')
      .where('scope_value', '=', '10000099')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      fee_item: 'commission',
      rate: '0.00025000',
      min_fee: '5.00',
      effective_from: '2027-01-01',
      effective_to: null,
    });
    // the row's audit entry is the checker's, naming the batch and the approval
    const trail = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('resource', '=', 'fee_schedules')
      .where('record_id', '=', String(rows[0]!.id))
      .execute();
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'create', username: 'manager' });
    expect(trail[0]!.detail).toContain(`import #${res.json.batch_id}`);
    expect(trail[0]!.detail).toContain(`approval #${approvalId}`);
    // done: neither the batch nor the approval can be used again
    expect((await confirm('fee_schedules', res.json.batch_id)).status).toBe(409);
    expect((await t.call('POST', `/api/approvals/${approvalId}/approve`, { as: manager, body: {} })).status).toBe(409);
  });

  it('a rejected import writes nothing', async () => {
    const res = await preview('fee_schedules', await sheet(fees, [{ ...newSchedule, scope_value: '10000098' }]));
    expect(res.json.summary.create).toBe(1);
    const before = await fingerprint('fee_schedules');
    const submitted = await confirm('fee_schedules', res.json.batch_id);
    expect(submitted.status).toBe(202);
    const rejected = await t.call('POST', `/api/approvals/${submitted.json.approval_id}/reject`, {
      as: manager,
      body: { comment: '不同意' },
    });
    expect(rejected.status).toBe(200);
    expect(await fingerprint('fee_schedules')).toBe(before);
    expect((await confirm('fee_schedules', res.json.batch_id)).status).toBe(409);
  });

  it('overlapping periods are refused in a file and against the database; no overlap is ever stored', async () => {
    const seeded = await t.db
      .selectFrom('fee_schedules')
      .selectAll()
      .where('fee_item', '=', 'commission')
      .where('scope', '=', 'default')
      .where('effective_to', 'is', null)
      .executeTakeFirstOrThrow();
    // against the seeded open-ended default commission
    const clash = await rowErrors(
      'fee_schedules',
      await sheet(fees, [{ ...newSchedule, scope: 'default', scope_value: '' }]),
    );
    expect(clash.errors).toEqual([
      { row: 2, field: 'effective_from', message: expect.stringContaining(`#${seeded.id}`) },
    ]);

    // two rows of one file overlapping each other
    const before = await fingerprint('fee_schedules');
    const res = await preview(
      'fee_schedules',
      await sheet(fees, [
        { ...newSchedule, scope_value: '10000097', effective_from: '2027-01-01' },
        { ...newSchedule, scope_value: '10000097', effective_from: '2027-06-01' },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.json.summary).toMatchObject({ rows: 2, create: 1, errors: 1 });
    expect(res.json.errors).toEqual([
      { row: 3, field: 'effective_from', message: expect.stringContaining('2027-01-01') },
    ]);
    expect((await confirm('fee_schedules', res.json.batch_id)).status).toBe(400);
    expect(await fingerprint('fee_schedules')).toBe(before);
    expect(await t.db.selectFrom('approvals').select('id').where('status', '=', 'pending').execute()).toEqual([]);

    // two batches each fine on its own, together overlapping: the second approval is refused
    const a = await preview(
      'fee_schedules',
      await sheet(fees, [{ ...newSchedule, scope_value: '10000096', effective_from: '2027-01-01' }]),
    );
    const b = await preview(
      'fee_schedules',
      await sheet(fees, [{ ...newSchedule, scope_value: '10000096', effective_from: '2027-03-01' }]),
    );
    expect(a.json.summary.errors).toBe(0);
    expect(b.json.summary.errors).toBe(0);
    const sa = await confirm('fee_schedules', a.json.batch_id);
    const sb = await confirm('fee_schedules', b.json.batch_id);
    expect(
      (await t.call('POST', `/api/approvals/${sa.json.approval_id}/approve`, { as: manager, body: {} })).status,
    ).toBe(200);
    const second = await t.call('POST', `/api/approvals/${sb.json.approval_id}/approve`, { as: manager, body: {} });
    expect(second.status, JSON.stringify(second.json)).toBe(400);
    expect(second.json.error.fields.effective_from).toBeTruthy();
    const stored = await t.db
      .selectFrom('fee_schedules')
      .select('effective_from')
      .where('scope_value', '=', '10000096')
      .execute();
    expect(stored).toEqual([{ effective_from: '2027-01-01' }]);
  });
});

describe('a plan checked at preview time is applied only if the database still agrees', () => {
  it('a key created by someone else since the preview: confirm refused, nothing written', async () => {
    const res = await preview(
      'dictionary',
      await sheet(dictionary, [dictRow('imp_race', 'r1'), dictRow('imp_race', 'r2')]),
    );
    expect(res.json.summary.create).toBe(2);
    const other = await t.call('POST', '/api/dictionary', {
      as: hqadmin,
      body: { category: 'imp_race', code: 'r2', label_zh: '先到', label_en: 'First' },
    });
    expect(other.status).toBe(201);
    const before = await fingerprint('dictionary');
    const conf = await confirm('dictionary', res.json.batch_id);
    expect(conf.status).toBe(400);
    expect(conf.json.error.code).toBe('VALIDATION_FAILED');
    expect(await fingerprint('dictionary')).toBe(before);
    expect(
      await anyDb(t.db).selectFrom('dictionary').select('code').where('category', '=', 'imp_race').execute(),
    ).toEqual([{ code: 'r2' }]);
  });

  it('a row updated by someone else since the preview: confirm 409, nothing written', async () => {
    const row = await t.db
      .selectFrom('dictionary')
      .selectAll()
      .where('category', '=', 'imp_a')
      .where('code', '=', 'x1')
      .executeTakeFirstOrThrow();
    const res = await preview(
      'dictionary',
      await sheet(dictionary, [{ ...row, label_en: 'Mine' }, dictRow('imp_a', 'x3')]),
    );
    expect(res.json.summary).toMatchObject({ create: 1, update: 1 });
    const other = await t.call('PUT', `/api/dictionary/${row.id}`, {
      as: hqadmin,
      body: { label_en: 'Theirs', version: row.version },
    });
    expect(other.status).toBe(200);
    const before = await fingerprint('dictionary');
    const conf = await confirm('dictionary', res.json.batch_id);
    expect(conf.status).toBe(409);
    expect(await fingerprint('dictionary')).toBe(before);
    expect(
      (await t.db.selectFrom('dictionary').select('label_en').where('id', '=', row.id).executeTakeFirstOrThrow())
        .label_en,
    ).toBe('Theirs');
  });
});

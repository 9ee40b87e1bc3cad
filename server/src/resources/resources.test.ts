import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../test/harness.js';
import { RESOURCES } from './registry.js';
import { can, type FieldDef, type ResourceDef } from './define-resource.js';
import { BUILT_IN_ROLES } from '../modules/roles/built-in-roles.js';

/**
 * One suite over every declared resource: CRUD, every filter and sort, 400s, 403, other-branch
 * 404, 409 on stale edits, history, and an Excel round trip (export then import = no change).
 * A new resource is covered by adding its sample here; the suite fails until it has one.
 */
const SAMPLES: Record<string, { create?: Record<string, unknown>; patch: Record<string, unknown> }> = {
  branches: {
    create: { code: '0501', name: '测试营业部', phone: '024-88880000' },
    patch: { name: '测试营业部（改）' },
  },
  markets: {
    create: {
      code: 'HK',
      name_zh: '港股通',
      name_en: 'HK Connect',
      exchange: 'SSE',
      currency: 'HKD',
      trading_hours: '09:30-12:00,13:00-16:00',
      settlement_cycle: 'T+1',
    },
    patch: { name_en: 'Hong Kong Connect' },
  },
  seats: {
    create: { market: 'SH-A', seat_no: '38699', name: '测试席位', type: 'ordinary' },
    patch: { name: '测试席位（改）' },
  },
  banks: {
    create: {
      code: 'HXB',
      name_zh: '华夏银行',
      name_en: 'Hua Xia Bank',
      transfer_start: '09:00',
      transfer_end: '16:00',
      settlement_account: '1234567890123',
    },
    patch: { transfer_end: '15:30' },
  },
  securities: {
    create: {
      market: 'SZ-A',
      code: '009999',
      name: '测试证券',
      type: 'stock',
      board: 'main',
      lot_size: 100,
      tick: '0.01',
      price_limit_pct: '10',
      prev_close: '12.34',
    },
    patch: { prev_close: '12.50' },
  },
  fee_schedules: {
    create: {
      fee_item: 'commission',
      scope: 'client',
      scope_value: '10000001',
      side: 'both',
      rate: '0.00025',
      min_fee: '5',
      effective_from: '2027-01-01',
    },
    patch: { rate: '0.00026' },
  },
  trading_calendar: { create: { market: 'SH-A', date: '2030-01-02', is_trading_day: true }, patch: { note: '测试' } },
  system_params: { patch: { value: '900000' } },
  dictionary: {
    create: { category: 'test_cat', code: 'x1', label_zh: '测试', label_en: 'Test' },
    patch: { label_en: 'Test two' },
  },
  client_managers: { create: { code: 'KM999', name: '测试经理', phone: '13900000000' }, patch: { name: '测试经理二' } },
  market_totals: {
    create: { business_date: '2026-11-24', market: 'SH-A', turnover: '612345678901.23' },
    patch: { turnover: '612345678901.5' },
  },
  // the open business date's close of security #1 (only the open day takes closes)
  closing_prices: {
    create: { business_date: '2026-11-23', security_id: 1, close_price: '10.55' },
    patch: { close_price: '10.6' },
  },
};

/** A value of the wrong type for a field. */
const WRONG: Record<FieldDef['type'], unknown> = {
  text: 12345,
  integer: 'abc',
  decimal: 'abc',
  date: '2026-13-45',
  time: '25:61',
  boolean: 'yes',
  enum: 123,
  reference: 'not-an-id',
};

let t: TestApp;
let maker: Session; // head-office admin: sees every branch
let checker: Session; // a second head-office operator who approves
let branchAdmin: Session;
let otherAdmin: Session;
let teller: Session;
// the IT admin's rights, and the clearing clerk's on closing prices (which the IT admin only reads)
const adminPerms = [
  ...BUILT_IN_ROLES.find((r) => r.code === 'admin')!.permissions,
  'closing_prices.create',
  'closing_prices.edit',
];

beforeAll(async () => {
  t = await testApp();
  // a close of a day day-end has closed, as every day after the first has (the seeded database has none)
  await t.db
    .insertInto('closing_prices')
    .values({ business_date: '2026-11-20', security_id: 2, close_price: '8.880', source: 'exchange' })
    .execute();
  maker = await t.headOfficeOperator('hqadmin', adminPerms);
  checker = await t.headOfficeOperator('hqchecker', [
    'approvals.list',
    'approvals.show',
    'approvals.approve',
    'seats.approve',
    'fee_schedules.approve',
    'roles.approve',
  ]);
  branchAdmin = await t.login('admin');
  teller = await t.login('teller');
  const other = await t.call('POST', '/api/branches', { as: maker, body: { code: '0998', name: '其他营业部' } });
  expect(other.status).toBe(201);
  const adminRole = await t.db.selectFrom('roles').select('id').where('code', '=', 'admin').executeTakeFirstOrThrow();
  const created = await t.call('POST', '/api/operators', {
    as: maker,
    body: {
      username: 'otheradmin',
      name: '他部管理员',
      branch_id: other.json.id,
      role_ids: [adminRole.id],
      password: 'Other2026x',
    },
  });
  expect(created.status).toBe(201);
  expect(
    (await t.call('POST', `/api/approvals/${created.json.pending_approval_id}/approve`, { as: checker, body: {} }))
      .status,
  ).toBe(200);
  const first = await t.login('otheradmin', 'Other2026x');
  expect(
    (
      await t.call('POST', '/api/auth/password', {
        as: first,
        body: { current_password: 'Other2026x', new_password: 'Other2026y' },
      })
    ).status,
  ).toBe(204);
  otherAdmin = await t.login('otheradmin', 'Other2026y');
});
afterAll(() => t.close());

/** Creates (or updates/deletes) and, for resources under 复核, has the checker approve it. */
async function write(def: ResourceDef, method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
  const res = await t.call(method, path, { as: maker, body });
  if (!def.approval) return res;
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  const approval = await t.call('POST', `/api/approvals/${res.json.pending_approval_id}/approve`, {
    as: checker,
    body: {},
  });
  expect(approval.status, JSON.stringify(approval.json)).toBe(200);
  const id = Number(approval.json.result_id);
  const row = method === 'DELETE' ? res.json : (await t.call('GET', `/api/${def.name}/${id}`, { as: maker })).json;
  return { status: method === 'POST' ? 201 : 200, json: row };
}

/**
 * An export's table: the report renderer writes a header block, the column titles in the row that
 * starts with 序号 (the fields from the second column on), then numbered rows.
 */
async function sheetRows(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let titleRow = 0;
  let rows = 0;
  ws.eachRow((row, n) => {
    if (!titleRow && row.getCell(1).text === '序号') titleRow = n;
    else if (titleRow && typeof row.getCell(1).value === 'number') rows++;
  });
  return { rows, titles: ws.getRow(titleRow), firstField: 2 };
}

describe.each(RESOURCES.map((d) => [d.name, d] as const))('%s', (name, def) => {
  const sample = SAMPLES[name];

  it('has a sample in this suite', () => expect(sample, `add ${name} to SAMPLES`).toBeDefined());

  it('lists with every sort column, both ways, and pages with Content-Range', async () => {
    const meta = (await t.call('GET', '/api/meta/resources', { as: maker })).json.resources.find(
      (r: { name: string }) => r.name === name,
    );
    for (const field of meta.sortable as string[]) {
      for (const order of ['ASC', 'DESC']) {
        const res = await t.call(
          'GET',
          `/api/${name}?sort=${encodeURIComponent(JSON.stringify([field, order]))}&range=[0,4]`,
          { as: maker },
        );
        expect(res.status, `${field} ${order}: ${JSON.stringify(res.json)}`).toBe(200);
        expect(res.headers.get('content-range')).toMatch(new RegExp(`^${name} 0-\\d+/\\d+$`));
      }
    }
    const bad = await t.call('GET', `/api/${name}?sort=${encodeURIComponent('["nope","ASC"]')}`, { as: maker });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.sort).toBeTruthy();
  });

  it('filters by every declared filter, returning only matching rows', async () => {
    const all = await t.call('GET', `/api/${name}?range=[0,49]`, { as: maker });
    expect(all.status).toBe(200);
    const row = all.json[0];
    expect(row, `${name} has seeded rows`).toBeDefined();
    for (const f of def.fields.filter((f) => f.filter)) {
      const v = row[f.name];
      if (v === null || v === undefined) continue;
      const filter = f.filter === 'range' ? { [`${f.name}_gte`]: v, [`${f.name}_lte`]: v } : { [f.name]: v };
      const res = await t.call(
        'GET',
        `/api/${name}?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,999]`,
        { as: maker },
      );
      expect(res.status, `${f.name}: ${JSON.stringify(res.json)}`).toBe(200);
      expect(res.json.length).toBeGreaterThan(0);
      for (const r of res.json) {
        if (f.filter === 'like') expect(String(r[f.name]).toLowerCase()).toContain(String(v).toLowerCase());
        else expect(String(r[f.name])).toBe(String(v));
      }
    }
    const unknown = await t.call('GET', `/api/${name}?filter=${encodeURIComponent('{"password_hash":"x"}')}`, {
      as: maker,
    });
    expect(unknown.status).toBe(400);
  });

  it('creates, reads, updates (409 when stale), keeps history and deletes', async () => {
    let id: number;
    if (can(def, 'create')) {
      const created = await write(def, 'POST', `/api/${name}`, sample!.create);
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      id = created.json.id;
      for (const [k, v] of Object.entries(sample!.create!)) {
        const f = def.fields.find((f) => f.name === k)!;
        if (f.type === 'decimal') expect(Number(created.json[k])).toBe(Number(v));
        else expect(created.json[k]).toEqual(v);
      }
    } else {
      expect((await t.call('POST', `/api/${name}`, { as: maker, body: {} })).status).toBe(404);
      id = (await t.call('GET', `/api/${name}?filter=${encodeURIComponent('{"key":"tier_large_min"}')}`, { as: maker }))
        .json[0].id;
    }
    const shown = await t.call('GET', `/api/${name}/${id}`, { as: maker });
    expect(shown.status).toBe(200);
    const version = shown.json.version;
    const updated = await write(def, 'PUT', `/api/${name}/${id}`, { ...sample!.patch, version });
    expect(updated.status, JSON.stringify(updated.json)).toBe(200);
    expect(updated.json.version).toBe(version + 1);
    for (const [k, v] of Object.entries(sample!.patch))
      expect(String(updated.json[k])).toContain(String(v).replace(/0+$/, '').replace(/\.$/, ''));
    const stale = await t.call('PUT', `/api/${name}/${id}`, { as: maker, body: { ...sample!.patch, version } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe('该记录已被他人修改，请刷新后重试');
    const history = await t.call('GET', `/api/${name}/${id}/history`, { as: maker });
    expect(history.status).toBe(200);
    expect(history.json.map((h: { action: string }) => h.action)).toContain('update');
    if (can(def, 'delete')) {
      const deleted = await write(def, 'DELETE', `/api/${name}/${id}`);
      expect(deleted.status).toBe(200);
      expect((await t.call('GET', `/api/${name}/${id}`, { as: maker })).status).toBe(404);
    } else {
      expect((await t.call('DELETE', `/api/${name}/${id}`, { as: maker })).status).toBe(404);
    }
  });

  it('refuses unknown fields and wrong types with 400 naming the field, writing nothing', async () => {
    if (!can(def, 'create')) return;
    const count = async () =>
      (await t.call('GET', `/api/${name}?range=[0,0]`, { as: maker })).headers.get('content-range');
    const before = await count();
    const extra = await t.call('POST', `/api/${name}`, { as: maker, body: { ...sample!.create, hacker: 1 } });
    expect(extra.status).toBe(400);
    for (const f of def.fields.filter((f) => !f.readOnly)) {
      const res = await t.call('POST', `/api/${name}`, {
        as: maker,
        body: { ...sample!.create, [f.name]: WRONG[f.type] },
      });
      expect(res.status, `${f.name} = ${JSON.stringify(WRONG[f.type])}`).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.json.error.fields ?? {}), `${f.name}: ${JSON.stringify(res.json)}`).toContain(f.name);
    }
    const long = def.fields.find((f) => f.type === 'text' && !f.readOnly);
    if (long)
      expect(
        (
          await t.call('POST', `/api/${name}`, {
            as: maker,
            body: { ...sample!.create, [long.name]: 'x'.repeat(10_000) },
          })
        ).status,
      ).toBe(400);
    expect(await count()).toBe(before);
  });

  it('403 for an operator without the right', async () => {
    expect((await t.call('POST', `/api/${name}`, { as: teller, body: sample!.create ?? {} })).status).toBe(
      can(def, 'create') ? 403 : 404,
    );
    expect((await t.call('GET', `/api/${name}/export`, { as: teller })).status).toBe(403);
  });

  it("404 for another branch's record (branch-scoped resources)", async () => {
    if (def.scope !== 'branch') return;
    const mine = await t.call('GET', `/api/${name}?range=[0,0]`, { as: branchAdmin });
    const id = mine.json[0].id;
    expect((await t.call('GET', `/api/${name}/${id}`, { as: otherAdmin })).status).toBe(404);
    expect(
      (await t.call('PUT', `/api/${name}/${id}`, { as: otherAdmin, body: { version: mine.json[0].version } })).status,
    ).toBe(404);
    expect((await t.call('GET', `/api/${name}/${id}/history`, { as: otherAdmin })).status).toBe(404);
    const theirs = await t.call('GET', `/api/${name}?range=[0,999]`, { as: otherAdmin });
    expect(theirs.json.map((r: { id: number }) => r.id)).not.toContain(id);
  });

  it('Excel round trip: export every row, import it back, nothing changes', async () => {
    const listed = await t.call('GET', `/api/${name}?range=[0,0]`, { as: maker });
    const total = Number(listed.headers.get('content-range')!.split('/')[1]);
    const exported = await t.call('GET', `/api/${name}/export`, { as: maker });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename\*=UTF-8''|attachment; filename=/);
    const ws = await sheetRows(exported.bytes!);
    expect(ws.rows).toBe(total);
    expect(ws.titles.getCell(ws.firstField).value).toBe(def.fields[0]!.label.zh);
    if (!can(def, 'import')) return;
    const preview = await t.upload(`/api/${name}/import`, maker, exported.bytes!);
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json.summary, JSON.stringify(preview.json.errors?.slice(0, 3))).toMatchObject({
      rows: total,
      create: 0,
      update: 0,
      unchanged: total,
      errors: 0,
    });
  });
});

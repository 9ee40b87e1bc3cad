import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListExport } from '../../../../reports/src/run.js';
import { type Cell, csvRows, download, xlsxSheets } from '../../../../reports/test/files.js';
import { type Session, TEST_PASSWORD, type TestApp, testApp } from '../../../test/harness.js';
import { resourceExport } from '../../resources/resource-export.js';
import { RESOURCES } from '../../resources/registry.js';
import { hashPassword } from '../auth/password.js';
import { auditExport } from '../audit/audit.export.js';
import { clientsExport } from '../clients/clients.export.js';
import { bankTransfersExport, fundAccountsExport, fundJournalExport } from '../ledger/ledger.export.js';
import { operatorsExport } from '../operators/operators.export.js';
import { ordersExport } from '../orders/orders.export.js';
import { positionsExport } from '../positions/positions.export.js';
import { shareholderAccountsExport } from '../shareholder-accounts/shareholder-accounts.export.js';
import type { Action } from '../roles/permission-catalog.js';
import { rolesExport } from '../roles/roles.export.js';
import { tradesExport } from '../trades/trades.export.js';

/**
 * Every list's export (GET /<resource>/export): the rows the list shows for the same filter, every
 * one of them, through the report renderer — Chinese column titles, names instead of ids, enums
 * in words, the CSV with a BOM — in the operator's branch only, and refused without the right.
 * The world: a few closed days of the small demo branch, and a second branch with a client, cash,
 * a bank transfer, a holding, an order and its trade, an operator and a role of its own.
 */

type Row = Record<string, unknown>;
interface Case {
  exp: ListExport;
  /** a row of the list (JSON) and a row of the export (by column title) say the same key */
  listKey: (r: Row) => string;
  fileKey: (r: Record<string, Cell>) => string;
  /** filters to try besides none */
  filters: () => Record<string, unknown>[];
  /** a filter whose rows do not change while the test downloads (the trail records each download) */
  stable?: Record<string, unknown>;
}

let t: TestApp;
let exporter: Session; // this branch: every list's list and export right
let other: Session; // the second branch, the same rights
let teller: Session; // no export right at all
let hq: Session;
let closed: string[];
let otherClientId: number;

const ALL = [
  'clients',
  'fund_accounts',
  'fund_journal',
  'bank_transfers',
  'orders',
  'trades',
  'positions',
  'shareholder_accounts',
  'operators',
  'roles',
  'audit_log',
];

const CASES: Case[] = [
  {
    exp: clientsExport,
    listKey: (r) => String(r.client_no),
    fileKey: (r) => String(r.客户号),
    filters: () => [{ status: 'normal' }, { q: '王' }, { opened_on_gte: closed[0] }],
  },
  {
    exp: fundAccountsExport,
    listKey: (r) => String(r.account_no),
    fileKey: (r) => String(r.资金账号),
    filters: () => [{ status: 'active' }],
  },
  {
    exp: fundJournalExport,
    listKey: (r) => String(r.id),
    fileKey: (r) => String(r.流水号),
    filters: () => [{ type: 'deposit' }, { business_date_gte: closed.at(-1), business_date_lte: closed.at(-1) }],
  },
  {
    exp: bankTransfersExport,
    listKey: (r) => String(r.id),
    fileKey: (r) => String(r.流水号),
    filters: () => [{ type: 'bank_in' }],
  },
  {
    exp: ordersExport,
    listKey: (r) => String(r.order_no),
    fileKey: (r) => String(r.合同编号),
    filters: () => [{ status: 'filled' }, { side: 'sell', business_date_gte: closed[0] }],
  },
  {
    exp: tradesExport,
    listKey: (r) => String(r.trade_no),
    fileKey: (r) => String(r.成交编号),
    filters: () => [{ side: 'buy' }],
  },
  {
    exp: positionsExport,
    listKey: (r) => `${r.shareholder_code}/${r.code}`,
    fileKey: (r) => `${r.股东代码}/${r.证券代码}`,
    filters: () => [],
  },
  {
    exp: shareholderAccountsExport,
    listKey: (r) => String(r.code),
    fileKey: (r) => String(r.股东代码),
    filters: () => [{ market: 'SH-A' }],
  },
  {
    exp: operatorsExport,
    listKey: (r) => String(r.username),
    fileKey: (r) => String(r.柜员号),
    filters: () => [{ status: 'active' }],
  },
  {
    exp: rolesExport,
    listKey: (r) => String(r.code),
    fileKey: (r) => String(r.角色代码),
    filters: () => [{ built_in: true }],
  },
  {
    exp: auditExport,
    // the trail grows as the test runs: only sign-ins, which happen before it
    listKey: (r) => String(r.id),
    fileKey: (r) => String(r.日志号),
    filters: () => [{ action: 'login' }],
    stable: { action: 'login' },
  },
];

/** A session for a new operator of `branchId` holding `permissions` through a role of that branch. */
async function operatorWith(username: string, branchId: number, permissions: string[]) {
  const role = await t.db
    .insertInto('roles')
    .values({ code: `exp_${username}`, name: `导出${username}`, branch_id: branchId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('role_permissions')
    .values(
      permissions.map((p) => ({ role_id: role.id, resource: p.split('.')[0]!, action: p.split('.')[1] as Action })),
    )
    .execute();
  const op = await t.db
    .insertInto('operators')
    .values({
      username,
      name: `导出员${username}`,
      branch_id: branchId,
      password_hash: await hashPassword(TEST_PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.insertInto('operator_roles').values({ operator_id: op.id, role_id: role.id }).execute();
  return t.login(username);
}

/** Every row of a list for a filter, page by page. */
async function listAll(as: Session, resource: string, filter: Record<string, unknown>) {
  const rows: Row[] = [];
  for (let from = 0; ; from += 1000) {
    const res = await t.call(
      'GET',
      `/api/${resource}?range=${encodeURIComponent(`[${from},${from + 999}]`)}&filter=${encodeURIComponent(JSON.stringify(filter))}`,
      { as },
    );
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    rows.push(...res.json);
    const total = Number(res.headers.get('content-range')!.split('/')[1]);
    if (rows.length >= total) return rows;
  }
}

/** An export's .xlsx: its header block, column titles and numbered rows (by title). */
async function exported(
  as: Session,
  resource: string,
  filter: Record<string, unknown>,
  extra = '',
  lang: 'zh' | 'en' = 'zh',
) {
  const res = await download(
    t,
    as,
    `/api/${resource}/export?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`,
    lang,
  );
  expect(res.status, res.bytes.toString()).toBe(200);
  const [sheet] = await xlsxSheets(res.bytes);
  const all = sheet!.rows;
  const titleAt = all.findIndex((r) => r[0] === (lang === 'zh' ? '序号' : 'No.'));
  expect(titleAt).toBe(5); // five lines of header block above the titles
  const titles = all[titleAt]!.slice(1).map(String);
  const rows = all
    .slice(titleAt + 1)
    .filter((r) => typeof r[0] === 'number')
    .map((r) => Object.fromEntries(titles.map((title, i) => [title, r[i + 1] ?? null])) as Record<string, Cell>);
  return { header: all.slice(0, titleAt).map((r) => String(r[0] ?? '')), titles, rows, all };
}

const sorted = (keys: string[]) => [...keys].sort();
const han = /\p{Script=Han}/u;

/** The words an enum column may show: the dictionary's, or those the export itself owns. */
async function wordsOf(exp: ListExport): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const c of exp.columns.filter((x) => x.dict)) {
    const own = exp.words?.[c.dict!];
    const labels = own
      ? Object.values(own).map((l) => l.zh)
      : (await t.db.selectFrom('dictionary').select('label_zh').where('category', '=', c.dict!).execute()).map(
          (r) => r.label_zh,
        );
    out.set(c.label.zh, new Set(labels));
  }
  return out;
}

beforeAll(async () => {
  t = await testApp({ history: true });
  const { rows } = await sql<{ closed: string[] }>`
    SELECT array_agg(business_date::text ORDER BY business_date) AS closed FROM day_end_runs WHERE status = 'completed'`.execute(
    t.db,
  );
  closed = rows[0]!.closed;
  teller = await t.login('teller');
  hq = await t.login('hq');
  const rights = ALL.flatMap((r) => [`${r}.list`, `${r}.export`]);
  const here = (
    await t.db.selectFrom('operators').select('branch_id').where('username', '=', 'teller').executeTakeFirstOrThrow()
  ).branch_id;
  exporter = await operatorWith('exp_here', here, rights);

  // the second branch, and a day of its business through the API
  const branch = await t.db
    .insertInto('branches')
    .values({ code: '0998', name: '测试第二营业部' })
    .returning('id')
    .executeTakeFirstOrThrow();
  other = await operatorWith('exp_other', branch.id, rights);
  // its own trading unit on the Shanghai market, which its orders go through
  await t.db
    .insertInto('seats')
    .values({
      market: 'SH-A',
      seat_no: '39998',
      name: '测试第二营业部上海席位',
      type: 'ordinary',
      branch_id: branch.id,
    })
    .execute();
  const roleId = async (code: string) =>
    (await t.db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const staff: Record<string, Session> = {};
  for (const code of ['teller', 'clerk']) {
    const op = await t.db
      .insertInto('operators')
      .values({
        username: `other_${code}`,
        name: `他部${code}`,
        branch_id: branch.id,
        password_hash: await hashPassword(TEST_PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('operator_roles')
      .values({ operator_id: op.id, role_id: await roleId(code) })
      .execute();
    staff[code] = await t.login(`other_${code}`);
  }
  const as = staff.teller!;
  const ok = (res: { status: number; json: unknown }, status = 201) => {
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    return res.json as Row;
  };
  const client = ok(
    await t.call('POST', '/api/clients', { as, body: { name: '他部客户', id_number: '11010519491231002X' } }),
  );
  otherClientId = Number(client.id);
  const account = Number(client.fund_account_id);
  const bank = (await t.db.selectFrom('banks').select('code').orderBy('code').executeTakeFirstOrThrow()).code;
  for (const [i, body] of [
    { type: 'deposit', amount: '200000.00' },
    { type: 'bank_in', amount: '5000.00', bank_code: bank },
  ].entries())
    ok(
      await t.call('POST', '/api/fund_journal', {
        as,
        body: { account_id: account, ...body, idempotency_key: `exp-other-${i}` },
      }),
    );
  const holder = ok(
    await t.call('POST', '/api/shareholder_accounts', {
      as,
      body: { client_id: otherClientId, market: 'SH-A', code: 'A099800001' },
    }),
  );
  ok(
    await t.call('POST', '/api/positions/transfer', {
      as,
      body: {
        shareholder_account_id: holder.id,
        code: '600000',
        type: 'transfer_in',
        quantity: 1000,
        idempotency_key: 'exp-other-transfer',
      },
    }),
  );
  const prev = (
    await t.db.selectFrom('securities').select('prev_close').where('code', '=', '600000').executeTakeFirstOrThrow()
  ).prev_close;
  for (const [i, side] of ['buy', 'sell'].entries())
    ok(
      await t.call('POST', '/api/orders', {
        as,
        body: {
          client_id: otherClientId,
          code: '600000',
          side,
          price: prev,
          quantity: 100,
          idempotency_key: `exp-other-order-${i}`,
        },
      }),
    );
  for (let seed = 1; seed < 30; seed++) {
    await t.call('POST', '/api/trades/simulate', { as: staff.clerk!, body: { seed } });
    const n = await t.db
      .selectFrom('trades')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('branch_id', '=', branch.id)
      .executeTakeFirstOrThrow();
    if (Number(n.n) > 0) break;
  }
  await t.login('other_teller'); // a sign-in of the second branch in the trail
}, 240_000);
afterAll(() => t.close());

describe.each(CASES.map((c) => [c.exp.resource, c] as const))('%s export', (resource, c) => {
  it('holds exactly the rows the list shows for the same filter, every one', async () => {
    for (const filter of [{}, ...c.filters()]) {
      const list = await listAll(exporter, resource, filter);
      const file = await exported(exporter, resource, filter);
      expect(sorted(file.rows.map(c.fileKey)), JSON.stringify(filter)).toEqual(sorted(list.map(c.listKey)));
      if (Object.keys(filter).length) expect(file.header[4], JSON.stringify(filter)).not.toContain('参数：全部');
    }
  });

  it('titles its columns in Chinese and shows names and words, never ids or codes', async () => {
    const file = await exported(exporter, resource, {});
    expect(file.rows.length).toBeGreaterThan(0);
    expect(file.titles).toEqual(c.exp.columns.filter((x) => x.key !== 'branch_name').map((x) => x.label.zh));
    for (const title of file.titles) expect(title).toMatch(han);
    // no column is an id: each title is the export's own, none is a bare field name
    for (const title of file.titles) expect(title).not.toMatch(/_id$|^id$/);
    const words = await wordsOf(c.exp);
    for (const row of file.rows)
      for (const [title, allowed] of words) {
        const v = row[title];
        if (v === null || v === '') continue;
        expect(allowed.has(String(v)), `${resource} ${title} = ${String(v)}`).toBe(true);
      }
    for (const row of file.rows) for (const v of Object.values(row)) expect(String(v ?? '')).not.toMatch(/^未知\(/);
    expect(file.header[2]).toBe(c.exp.title.zh);
    expect(file.all.some((r) => String(r[0] ?? '').startsWith('制表人：'))).toBe(true);
  });

  it('as CSV: UTF-8 with a BOM, the same titles and rows; GBK on request', async () => {
    const filter = encodeURIComponent(JSON.stringify(c.stable ?? {}));
    const xlsx = await exported(exporter, resource, c.stable ?? {});
    const res = await download(t, exporter, `/api/${resource}/export?format=csv&filter=${filter}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('.csv');
    expect(res.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const table = csvRows(res.bytes.toString('utf8'));
    expect(table[0]).toEqual(['序号', ...xlsx.titles]);
    const body = table.slice(1).filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(body.length).toBe(xlsx.rows.length);
    const gbk = await download(t, exporter, `/api/${resource}/export?format=csv&encoding=gbk&filter=${filter}`);
    expect(gbk.headers.get('content-type')).toContain('gbk');
    expect(csvRows(iconv.decode(gbk.bytes, 'gbk'))[0]).toEqual(['序号', ...xlsx.titles]);
  });

  it("stays in the operator's branch: the second branch's rows are not in this branch's file, nor the other way", async () => {
    const mine = (await exported(exporter, resource, {})).rows.map(c.fileKey);
    const theirs = (await exported(other, resource, {})).rows.map(c.fileKey);
    expect(theirs.length, `${resource}: the second branch has rows`).toBeGreaterThan(0);
    // company-wide roles (内置) are every branch's
    const shared = resource === 'roles' ? new Set(mine.filter((k) => theirs.includes(k))) : new Set<string>();
    if (resource === 'roles') for (const k of shared) expect(k).not.toMatch(/^exp_/);
    expect(mine.filter((k) => theirs.includes(k) && !shared.has(k))).toEqual([]);
    // head office sees both, with the branch named on each row
    const all = await exported(hq, resource, {});
    const keys = new Set(all.rows.map(c.fileKey));
    for (const k of [...mine, ...theirs]) expect(keys.has(k), k).toBe(true);
    if (c.exp.columns.some((x) => x.key === 'branch_name')) {
      expect(all.titles).toContain('营业部');
      expect(new Set(all.rows.map((r) => r.营业部))).toContain('测试第二营业部');
    }
  });

  it('is refused without the export right (403), with the list right or not', async () => {
    const res = await t.call('GET', `/api/${resource}/export`, { as: teller });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('FORBIDDEN');
  });

  it('says the filter in words, and refuses a filter the list refuses', async () => {
    const bad = await t.call('GET', `/api/${resource}/export?filter=${encodeURIComponent('{"nope":1}')}`, {
      as: exporter,
    });
    expect(bad.status).toBe(400);
    const format = await t.call('GET', `/api/${resource}/export?format=pdf`, { as: exporter });
    expect(format.status).toBe(400);
  });
});

describe('the header words the filter', () => {
  it('enums through the dictionary, dates as given, a client by number and name', async () => {
    const client = (await listAll(exporter, 'clients', {}))[0]!;
    const file = await exported(exporter, 'orders', {
      status: 'filled',
      business_date_gte: closed[0],
      client_id: client.id,
    });
    expect(file.header[4]).toContain(
      `参数：客户：${String(client.client_no)} ${String(client.name)}；委托状态：已成交；委托日期起：${closed[0]}`,
    );
  });

  it("never names another branch's record: its id only, as the list shows nothing for it", async () => {
    const file = await exported(exporter, 'fund_journal', { client_id: otherClientId });
    expect(file.header[4]).toContain(`客户：#${otherClientId}`);
    expect(file.header.join()).not.toContain('他部客户');
    expect(file.rows).toEqual([]);
    expect(file.all.some((r) => r[0] === '本期无数据')).toBe(true);
  });

  it('in English when the operator reads English', async () => {
    const res = await download(
      t,
      exporter,
      `/api/orders/export?filter=${encodeURIComponent('{"status":"filled"}')}`,
      'en',
    );
    const [sheet] = await xlsxSheets(res.bytes);
    expect(String(sheet!.rows[4]![0])).toContain('Status: Filled');
    expect(sheet!.rows[5]).toContain('Order no.');
  });

  it('sums the trades in a 合计 row; a list of names has no currency or unit line', async () => {
    const trades = await exported(exporter, 'trades', {});
    const total = trades.all.find((r) => r[0] === '合计')!;
    expect(total).toBeTruthy();
    const amounts = trades.rows.reduce((s, r) => s + Number(r.成交金额), 0);
    expect(Number(total[trades.titles.indexOf('成交金额') + 1])).toBeCloseTo(amounts, 2);
    const ops = await exported(exporter, 'operators', {});
    expect(ops.header[3]).not.toContain('单位');
    expect(ops.all.some((r) => r[0] === '合计')).toBe(false);
  });
});

describe('parameter exports: the report renderer, words for codes, names for references', () => {
  let admin: Session | undefined;
  const hqAdmin = async () =>
    (admin ??= await t.headOfficeOperator(
      'exp_hqadmin',
      RESOURCES.flatMap((d) => [`${d.name}.list`, `${d.name}.export`]),
    ));
  it('every declared resource: enums and yes/no in words, references by name, never an id', async () => {
    const as = await hqAdmin();
    for (const def of RESOURCES) {
      const exp = resourceExport(def, { field: 'id', order: 'asc' });
      const file = await exported(as, def.name, {});
      expect(file.titles, def.name).toEqual(def.fields.map((f) => f.label.zh));
      const words = await wordsOf(exp);
      for (const row of file.rows) {
        for (const [title, allowed] of words) {
          const v = row[title];
          if (v === null || v === '') continue;
          expect(allowed.has(String(v)), `${def.name} ${title} = ${String(v)}`).toBe(true);
        }
        for (const f of def.fields.filter((x) => x.type === 'reference')) {
          const v = row[f.label.zh];
          if (v === null) continue;
          expect(typeof v, `${def.name}.${f.name}`).toBe('string');
          expect(String(v), `${def.name}.${f.name}`).toMatch(han);
        }
      }
    }
    const securities = await exported(as, 'securities', { code: '600000' });
    expect(securities.rows[0]).toMatchObject({ 市场: '上海A股', 证券类别: '股票', ST: '否' });
  });

  /** Every dictionary category's codes and words in one language: category → code → word. */
  async function dictionary(lang: 'zh' | 'en') {
    const out = new Map<string, Map<string, string>>();
    for (const r of await t.db.selectFrom('dictionary').select(['category', 'code', 'label_zh', 'label_en']).execute())
      out.set(r.category, (out.get(r.category) ?? new Map()).set(r.code, lang === 'zh' ? r.label_zh : r.label_en));
    return out;
  }

  it('no cell holds a dictionary code the dictionary has a word for, TRUE/FALSE never: in Chinese and in English', async () => {
    const as = await hqAdmin();
    // a yes/no parameter (none is seeded): its value reads 是/否 like any yes/no field
    await t.db
      .insertInto('system_params')
      .values({
        key: 'exp_flag',
        value: 'true',
        type: 'boolean',
        category: 'business',
        name_zh: '导出测试开关',
        name_en: 'Export test flag',
      })
      .execute();
    for (const lang of ['zh', 'en'] as const) {
      const dict = await dictionary(lang);
      const yes = lang === 'zh' ? '是' : 'Yes';
      const no = lang === 'zh' ? '否' : 'No';
      for (const def of RESOURCES) {
        const file = await exported(as, def.name, {}, '', lang);
        expect(file.titles, def.name).toEqual(def.fields.map((f) => f.label[lang]));
        expect(file.rows.length, `${def.name} has rows`).toBeGreaterThan(0);
        for (const row of file.rows)
          for (const f of def.fields) {
            const v = row[f.label[lang]];
            const where = `${def.name}.${f.name} (${lang}) = ${String(v)}`;
            if (v === null || v === '') continue;
            // (the dictionary itself lists the codes, yes_no's true and false among them)
            if (def.name !== 'dictionary') expect(String(v), where).not.toMatch(/^(true|false)$/i);
            if (f.type === 'boolean') expect([yes, no], where).toContain(v);
            if (f.type === 'enum') expect([...dict.get(f.dict!)!.values()], where).toContain(v);
            if (f.dictBy) {
              // the category the row's other field chooses (that field's word back to its code)
              const by = def.fields.find((x) => x.name === f.dictBy!.field)!;
              const chosen = [...dict.get(by.dict!)!].find(([, word]) => word === row[by.label[lang]])?.[0];
              const category = f.dictBy.categories[chosen ?? ''];
              if (!category) continue;
              const words = dict.get(category)!;
              expect([...words.values()], where).toContain(v);
              // a code shows as itself only where it is its own word (ETF)
              if (words.has(String(v))) expect(words.get(String(v)), where).toBe(v);
            }
          }
      }
      const flag = await exported(as, 'system_params', { key: 'exp_flag' }, '', lang);
      expect(flag.rows[0]![lang === 'zh' ? '参数值' : 'Value']).toBe(yes);
      expect(flag.rows[0]![lang === 'zh' ? '只读' : 'Read-only']).toBe(no);
      expect(flag.rows[0]![lang === 'zh' ? '类型' : 'Type']).toBe(dict.get('param_type')!.get('boolean'));
      // the fee schedules' 适用对象 by its 适用范围: a client class, a security type by their words
      const fees = (await exported(as, 'fee_schedules', {}, '', lang)).rows;
      const appliesTo = lang === 'zh' ? '适用对象' : 'Applies to';
      expect(fees.map((r) => r[appliesTo])).toContain(dict.get('client_class')!.get('vip'));
      expect(fees.map((r) => r[appliesTo])).toContain(dict.get('security_type')!.get('bond'));
      expect(fees.map((r) => r[appliesTo])).not.toContain('vip');
    }
    const csv = await download(
      t,
      as,
      `/api/system_params/export?format=csv&filter=${encodeURIComponent('{"key":"exp_flag"}')}`,
    );
    expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const [titles, line] = csvRows(csv.bytes.toString('utf8'));
    expect(line![titles!.indexOf('参数值')]).toBe('是');
    await t.db.deleteFrom('system_params').where('key', '=', 'exp_flag').execute();
  });
});

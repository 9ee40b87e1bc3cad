import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { priceBand } from '../orders/order-checks.calc.js';
import { simulateCloses } from '../trades/exchange.sim.js';
import { CLOSING_PRICES_HEADER, formatClosingPrices } from './closing-prices.csv.js';

/** 收盘价: the quotation file's import, the simulated exchange's closes, and day-end's step. */
const D = '2026-11-23';
const NEXT = '2026-11-24';
const HEADER = CLOSING_PRICES_HEADER.join(',');

let t: TestApp;
let clerk: Session;
let teller: Session;
let admin: Session;
let manager: Session;
let hq: Session;

const importCsv = (text: string, as: Session = clerk, headers: Record<string, string> = {}) =>
  t.call('POST', '/api/closing_prices/import_csv', {
    as,
    body: text,
    headers: { 'content-type': 'text/csv; charset=utf-8', ...headers },
  });
const closesOf = async (date: string) =>
  (
    await sql<{
      code: string;
      market: string;
      close_price: string;
      source: string;
      version: number;
      security_id: number;
    }>`
    SELECT s.code, s.market, c.close_price, c.source, c.version, c.security_id FROM closing_prices c JOIN securities s ON s.id = c.security_id
    WHERE c.business_date = ${date}::date ORDER BY s.market, s.code`.execute(t.db)
  ).rows;
const security = async (market: string, code: string) =>
  t.db
    .selectFrom('securities')
    .select(['id', 'prev_close', 'price_limit_pct', 'tick', 'status'])
    .where('market', '=', market)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await testApp();
  clerk = await t.login('clerk');
  teller = await t.login('teller');
  admin = await t.login('admin');
  manager = await t.login('manager');
  hq = await t.login('hq');
});
afterAll(() => t.close());

describe('the quotation file import (行情导入)', () => {
  const file = formatClosingPrices([
    { trade_date: D, market: 'SH-A', security_code: '600000', close_price: '10.520' },
    { trade_date: D, market: 'SZ-A', security_code: '000001', close_price: '11.3' },
    { trade_date: D, market: 'SH-A', security_code: '601318', close_price: '52.01' },
  ]);

  it('writes every good line for the open day, with one audit row', async () => {
    const r = await importCsv(`\uFEFF${file}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toEqual({ business_date: D, lines: 3, created: 3, updated: 0, unchanged: 0, problems: [] });
    expect(await closesOf(D)).toEqual([
      expect.objectContaining({ market: 'SH-A', code: '600000', close_price: '10.520', source: 'import', version: 1 }),
      expect.objectContaining({ market: 'SH-A', code: '601318', close_price: '52.010', source: 'import', version: 1 }),
      expect.objectContaining({ market: 'SZ-A', code: '000001', close_price: '11.300', source: 'import', version: 1 }),
    ]);
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['action', 'username', 'detail'])
      .where('resource', '=', 'closing_prices')
      .execute();
    expect(audits).toEqual([
      { action: 'import', username: 'clerk', detail: expect.stringContaining('新增 3，更新 0，未变 0，有误 0 行') },
    ]);
  });

  it('is idempotent: the same file again changes nothing; a changed price updates that line only', async () => {
    const again = await importCsv(file);
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 3, problems: [] });
    expect((await closesOf(D)).every((c) => c.version === 1)).toBe(true);
    const changed = await importCsv(file.replace('10.520', '10.530'));
    expect(changed.json).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await closesOf(D)).find((c) => c.code === '600000')).toMatchObject({ close_price: '10.530', version: 2 });
    expect(await closesOf(D)).toHaveLength(3);
  });

  it('takes the file as multipart field "file" too', async () => {
    const r = await t.upload('/api/closing_prices/import_csv', clerk, Buffer.from(file, 'utf8'), 'mktdt-20261123.csv');
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('resource', '=', 'closing_prices')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toContain('mktdt-20261123.csv');
  });

  it('lists each bad line with its reason, in the request language, and writes the others', async () => {
    const text = [
      HEADER,
      `${D},SH-A,600036,40.01`,
      `${D},SH-A,999999,1.00`,
      `${D},SH-A,600519,0`,
      `${D},SH-A,600519,1688.0001`,
      '2026-11-31,SH-A,600519,1688',
      `${D},SH-A,600036,40.02`,
      `${D},SH-A`,
      `${D},SZ-A,600036,40.01`,
      `${D},,000002,8.5`,
      '',
    ].join('\n');
    const r = await importCsv(text);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ lines: 9, created: 1, updated: 0, unchanged: 0 });
    expect(r.json.problems.map((p: { line: number; reason: string }) => [p.line, p.reason])).toEqual([
      [3, 'unknown_security'],
      [4, 'price'],
      [5, 'price'],
      [6, 'date'],
      [7, 'duplicate'],
      [8, 'columns'],
      [9, 'unknown_security'],
      [10, 'blank_field'],
    ]);
    const byLine = Object.fromEntries(
      r.json.problems.map((p: { line: number; message: string; text: string }) => [p.line, p]),
    );
    expect(byLine[3]).toMatchObject({ message: '市场 SH-A 没有证券代码 999999', text: `${D},SH-A,999999,1.00` });
    expect(byLine[7].message).toBe('与第 2 行是同一证券');
    expect(byLine[4].message).toBe('收盘价应为大于 0 的数，最多 3 位小数');
    expect((await closesOf(D)).find((c) => c.code === '600036')).toMatchObject({ close_price: '40.010' });
    const en = await importCsv(`${HEADER}\n${D},SZ-A,999999,1\n`, clerk, { 'accept-language': 'en' });
    expect(en.json.problems).toEqual([
      {
        line: 2,
        reason: 'unknown_security',
        message: 'Market SZ-A has no security 999999',
        text: `${D},SZ-A,999999,1`,
      },
    ]);
    const header = await importCsv(`code,close\n600000,10.5\n`);
    expect(header.json).toMatchObject({ lines: 0, created: 0, problems: [{ line: 1, reason: 'header' }] });
  });

  it('refuses a day that has not closed yet (409), writing nothing', async () => {
    const before = await closesOf(D);
    const r = await importCsv(file.replaceAll(D, NEXT));
    expect(r.status).toBe(409);
    expect(r.json.error).toEqual({
      code: 'CLOSING_PRICES_DATE',
      message: `${NEXT} 晚于当前业务日期 ${D}，尚未收盘：只能录入或导入 ${D} 的收盘价`,
    });
    // one bad date refuses the whole file
    const mixed = await importCsv(`${file}${NEXT},SH-A,600036,40.50\n`);
    expect(mixed.status).toBe(409);
    expect(await closesOf(D)).toEqual(before);
    expect(await closesOf(NEXT)).toEqual([]);
  });

  it('is the clerk’s: the teller and head office cannot import, admin and manager only read', async () => {
    for (const who of [teller, admin, manager, hq]) {
      const r = await importCsv(file, who);
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('FORBIDDEN');
    }
    for (const who of [admin, manager, hq, clerk]) {
      const list = await t.call(
        'GET',
        `/api/closing_prices?filter=${encodeURIComponent(JSON.stringify({ business_date_gte: D }))}`,
        {
          as: who,
        },
      );
      expect(list.status).toBe(200);
      expect(list.json.length).toBeGreaterThanOrEqual(4);
    }
    expect((await t.call('GET', '/api/closing_prices', { as: teller })).status).toBe(403);
  });

  it('the generic screen takes the open day only, by hand as source "import"', async () => {
    const sec = await security('SH-A', '600030');
    const made = await t.call('POST', '/api/closing_prices', {
      as: clerk,
      body: { business_date: D, security_id: sec.id, close_price: '21.5' },
    });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    expect(made.json).toMatchObject({ close_price: '21.500', source: 'import' });
    const future = await t.call('POST', '/api/closing_prices', {
      as: clerk,
      body: { business_date: NEXT, security_id: sec.id, close_price: '21.5' },
    });
    expect(future.status).toBe(400);
    expect(future.json.error.fields.business_date).toContain('晚于当前业务日期');
    expect((await t.call('DELETE', `/api/closing_prices/${made.json.id}`, { as: clerk })).status).toBe(404);
  });
});

describe('the simulated exchange’s closes', () => {
  it('records a close on its tick inside its band for every listed security, keeping the clerk’s imports', async () => {
    const imported = await closesOf(D);
    const listed = await t.db
      .selectFrom('securities')
      .select(['id', 'prev_close', 'price_limit_pct', 'tick'])
      .where('status', '=', 'listed')
      .where('prev_close', '>', '0')
      .execute();
    const r = await t.call('POST', '/api/trades/simulate', { as: clerk, body: { seed: 9 } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.closes).toBe(listed.length - imported.length);
    const closes = await closesOf(D);
    expect(closes).toHaveLength(listed.length);
    for (const i of imported) expect(closes.find((c) => c.security_id === i.security_id)).toEqual(i);
    const bySecurity = new Map(listed.map((s) => [s.id, s]));
    for (const c of closes.filter((c) => c.source === 'exchange')) {
      const s = bySecurity.get(c.security_id)!;
      const { down, up } = priceBand(s);
      expect(new Decimal(c.close_price).mod(s.tick).isZero(), `${c.code} ${c.close_price}`).toBe(true);
      expect(new Decimal(c.close_price).gte(down) && new Decimal(c.close_price).lte(up), c.code).toBe(true);
    }
    expect(new Set(closes.filter((c) => c.source === 'exchange').map((c) => c.close_price)).size).toBeGreaterThan(20);
  });

  it('gives the same closes for the same seed and others for another; a second run rewrites nothing', async () => {
    const a = await simulateCloses(t.db, 9);
    const b = await simulateCloses(t.db, 9);
    const c = await simulateCloses(t.db, 10);
    expect(a).toEqual(b);
    expect(c.closes).not.toEqual(a.closes);
    const stored = new Map((await closesOf(D)).map((x) => [x.security_id, x]));
    for (const x of a.closes) {
      const s = stored.get(x.security_id)!;
      if (s.source === 'exchange') expect(s.close_price).toBe(x.close_price);
    }
    const before = await closesOf(D);
    const again = await t.call('POST', '/api/trades/simulate', { as: clerk, body: { seed: 9 } });
    expect(again.json.closes).toBe(before.filter((x) => x.source === 'exchange').length);
    expect(await closesOf(D)).toEqual(before);
  });
});

describe('day-end’s 收盘价 step', () => {
  it('carries a close forward where there is none (a suspended stock closes where it was), then rolls the previous close', async () => {
    // a stock suspended and a delisted one, unquoted since, and a listed one whose quote is missing
    await sql`UPDATE securities SET status = 'suspended' WHERE market = 'SH-A' AND code = '600887'`.execute(t.db);
    await sql`UPDATE securities SET status = 'delisted' WHERE market = 'SZ-A' AND code = '000002'`.execute(t.db);
    const missing = await security('SH-A', '601988');
    await sql`DELETE FROM closing_prices WHERE business_date = ${D}::date AND (security_id = ${missing.id} OR security_id IN (SELECT id FROM securities WHERE (market, code) IN (('SZ-A', '000002'), ('SH-A', '600887'))))`.execute(
      t.db,
    );
    const suspended = await security('SH-A', '600887');
    const delisted = await security('SZ-A', '000002');
    const before = await closesOf(D);
    const quoted = await t.db
      .selectFrom('securities')
      .select(['id', 'prev_close'])
      .where('status', '<>', 'delisted')
      .where('prev_close', '>', '0')
      .execute();

    const r = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: D } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const step = r.json.steps.find((s: { name: string }) => s.name === 'closing_prices');
    const imported = before.filter((c) => c.source === 'import').length;
    const exchange = before.filter((c) => c.source === 'exchange').length;
    expect(step).toMatchObject({ status: 'completed', rows: quoted.length });
    expect(step.detail).toMatch(
      new RegExp(`^收盘价 ${quoted.length} 只（导入 ${imported}，撮合 ${exchange}，沿用 2）；前收盘价更新 \\d+ 只$`),
    );

    const after = await closesOf(D);
    expect(after).toHaveLength(quoted.length);
    const closeOf = (id: number) => after.find((c) => c.security_id === id);
    expect(closeOf(suspended.id)).toMatchObject({ close_price: suspended.prev_close, source: 'carried' });
    expect(closeOf(missing.id)).toMatchObject({ close_price: missing.prev_close, source: 'carried' });
    expect(closeOf(delisted.id)).toBeUndefined();
    // tomorrow's band starts from today's close, for every security that closed
    const { rows: off } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM securities s JOIN closing_prices c ON c.security_id = s.id AND c.business_date = ${D}::date
      WHERE s.prev_close <> c.close_price`.execute(t.db);
    expect(off[0]!.n).toBe(0);
    expect((await security('SH-A', '600000')).prev_close).toBe('10.520');
    expect((await security('SZ-A', '000002')).prev_close).toBe(delisted.prev_close);
  });

  it('leaves a closed day’s closes as they are: no import, no edit; the next day is open', async () => {
    const before = await closesOf(D);
    const r = await importCsv(`${HEADER}\n${D},SH-A,600000,10.99\n`);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toBe(
      `${D} 已闭市（日终已完成），其收盘价不能再录入或导入：只能录入或导入当前业务日期 ${NEXT} 的收盘价`,
    );
    const row = await t.call(
      'GET',
      `/api/closing_prices?filter=${encodeURIComponent(JSON.stringify({ business_date_gte: D, business_date_lte: D }))}&range=[0,0]`,
      { as: clerk },
    );
    const edit = await t.call('PUT', `/api/closing_prices/${row.json[0].id}`, {
      as: clerk,
      body: { close_price: '10.99', version: row.json[0].version },
    });
    expect(edit.status).toBe(400);
    expect(edit.json.error.fields.business_date).toContain('已闭市');
    expect(await closesOf(D)).toEqual(before);
    const next = await importCsv(`${HEADER}\n${NEXT},SH-A,600000,10.99\n`);
    expect(next.status, JSON.stringify(next.json)).toBe(200);
    expect(next.json).toMatchObject({ business_date: NEXT, created: 1 });
  });

  it('a day with no quotes at all carries every close forward and moves no previous close', async () => {
    await sql`DELETE FROM closing_prices WHERE business_date = ${NEXT}::date`.execute(t.db);
    const prev = await t.db.selectFrom('securities').select(['id', 'prev_close']).orderBy('id').execute();
    const r = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: NEXT } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.steps.find((s: { name: string }) => s.name === 'closing_prices').detail).toMatch(
      /（导入 0，撮合 0，沿用 \d+）；前收盘价更新 0 只$/,
    );
    expect(await t.db.selectFrom('securities').select(['id', 'prev_close']).orderBy('id').execute()).toEqual(prev);
    expect((await closesOf(NEXT)).every((c) => c.source === 'carried')).toBe(true);
  });
});

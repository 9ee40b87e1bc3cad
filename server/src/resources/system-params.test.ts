import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../test/harness.js';
import { paramValueProblem } from './system-params.resource.js';

/**
 * System parameters (typed values, the read-only business date), the security code change
 * (代码更换) and the next trading day from the trading calendar.
 */

let t: TestApp;
let admin: Session;
let teller: Session;
let hq: Session;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  teller = await t.login('teller');
  hq = await t.login('hq');
});
afterAll(() => t.close());

const param = (key: string) =>
  t.db.selectFrom('system_params').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
const put = async (key: string, value: string, as = admin) => {
  const p = await param(key);
  return t.call('PUT', `/api/system_params/${p.id}`, { as, body: { value, version: p.version } });
};

describe('system parameters', () => {
  it('the business date is read-only: PUT → 400 read_only_record, nothing changes', async () => {
    const before = await param('business_date');
    expect(before).toMatchObject({ type: 'date', read_only: true });
    const res = await put('business_date', '2026-11-24');
    expect(res.status, JSON.stringify(res.json)).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(res.json.error.message).toBe('该记录只读，不能修改');
    // nor its note, nor in English
    const note = await t.call('PUT', `/api/system_params/${before.id}`, {
      as: admin,
      body: { description: 'x', version: before.version },
      headers: { 'accept-language': 'en' },
    });
    expect(note.status).toBe(400);
    expect(note.json.error.message).toBe('This record is read-only');
    expect(await param('business_date')).toEqual(before);
  });

  it("a value is validated by the parameter's type", async () => {
    const bad: [string, string][] = [
      ['active_account_days', 'abc'], // integer
      ['active_account_days', '1.5'],
      ['active_account_days', ''],
      ['interest_rate_annual', '1.2.3'], // decimal
      ['interest_rate_annual', 'abc'],
      ['interest_rate_annual', '0.123456789'], // more than 8 decimals
      ['interest_capitalisation_dates', '13-40'], // date_list
      ['interest_capitalisation_dates', '03-20,'],
      ['interest_capitalisation_dates', '02-30x'],
      ['interest_capitalisation_dates', '03-20,02-30'], // a day no year has
      ['interest_capitalisation_dates', '04-31'],
    ];
    for (const [key, value] of bad) {
      const before = await param(key);
      const res = await put(key, value);
      expect(res.status, `${key} = ${JSON.stringify(value)}: ${JSON.stringify(res.json)}`).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.json.error.fields ?? {}), `${key} = ${value}`).toContain('value');
      expect(await param(key)).toEqual(before);
    }
    const good: [string, string][] = [
      ['active_account_days', '180'],
      ['interest_rate_annual', '0.0025'],
      ['interest_capitalisation_dates', '03-21,06-21,09-21,12-21'],
      ['company_name', '辽沈证券股份有限公司本溪分公司'],
    ];
    for (const [key, value] of good) {
      const before = await param(key);
      const res = await put(key, value);
      expect(res.status, `${key} = ${value}: ${JSON.stringify(res.json)}`).toBe(200);
      expect(res.json).toMatchObject({ key, value, version: before.version + 1 });
    }
  });

  it('every declared type checks its values (including the date type, which only read-only parameters use today)', () => {
    expect(paramValueProblem('date', '2026-11-23')).toBeNull();
    expect(paramValueProblem('date', '2028-02-29')).toBeNull();
    expect(paramValueProblem('date', '2026-02-29')).not.toBeNull();
    expect(paramValueProblem('date', '2026-02-30')).not.toBeNull();
    expect(paramValueProblem('date', '2026-13-01')).not.toBeNull();
    expect(paramValueProblem('date_list', '02-29')).toBeNull();
    expect(paramValueProblem('boolean', 'true')).toBeNull();
    expect(paramValueProblem('boolean', 'yes')).not.toBeNull();
    expect(paramValueProblem('integer', '-12')).toBeNull();
    expect(paramValueProblem('integer', '12345678901')).not.toBeNull();
    expect(paramValueProblem('decimal', '-0.5')).toBeNull();
    expect(paramValueProblem('decimal', '1e5')).not.toBeNull();
  });

  it('the key, type and name are not editable through the API', async () => {
    const p = await param('active_account_days');
    for (const body of [{ type: 'text' }, { key: 'other' }, { read_only: true }, { name_zh: '改名' }]) {
      const res = await t.call('PUT', `/api/system_params/${p.id}`, {
        as: admin,
        body: { ...body, value: 'abc', version: p.version },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await param('active_account_days')).toEqual(p);
  });

  it('there are no create or delete routes (404), and a teller cannot edit (403)', async () => {
    const p = await param('company_name');
    const count = (await t.db.selectFrom('system_params').select('id').execute()).length;
    expect((await t.call('POST', '/api/system_params', { as: admin, body: { key: 'x', value: '1' } })).status).toBe(
      404,
    );
    expect((await t.call('DELETE', `/api/system_params/${p.id}`, { as: admin })).status).toBe(404);
    expect((await t.db.selectFrom('system_params').select('id').execute()).length).toBe(count);
    expect(
      (await t.call('PUT', `/api/system_params/${p.id}`, { as: teller, body: { value: 'x', version: p.version } }))
        .status,
    ).toBe(403);
    expect(
      (await t.call('PUT', `/api/system_params/${p.id}`, { as: hq, body: { value: 'x', version: p.version } })).status,
    ).toBe(403);
    expect(await param('company_name')).toEqual(p);
  });
});

describe('security code change (代码更换)', () => {
  it('keeps the id with the new code, records the old code, and refuses a code already taken', async () => {
    const sec = await t.db
      .selectFrom('securities')
      .selectAll()
      .where('market', '=', 'SH-A')
      .where('code', '=', '600519')
      .executeTakeFirstOrThrow();
    const res = await t.call('POST', `/api/securities/${sec.id}/change_code`, {
      as: admin,
      body: { new_code: '600520', new_name: '茅台新', effective_on: '2026-11-24' },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({
      id: sec.id,
      market: 'SH-A',
      code: '600520',
      name: '茅台新',
      version: sec.version + 1,
      prev_close: sec.prev_close,
    });
    const changes = await t.db
      .selectFrom('security_code_changes')
      .selectAll()
      .where('security_id', '=', sec.id)
      .execute();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      market: 'SH-A',
      old_code: '600519',
      new_code: '600520',
      old_name: sec.name,
      new_name: '茅台新',
      effective_on: '2026-11-24',
    });
    expect(
      await t.db
        .selectFrom('securities')
        .select('id')
        .where('market', '=', 'SH-A')
        .where('code', '=', '600519')
        .executeTakeFirst(),
    ).toBeUndefined();
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('resource', '=', 'securities')
      .where('record_id', '=', String(sec.id))
      .where('action', '=', 'change_code')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'admin', before: { code: '600519' }, after: { code: '600520' } });

    // a code another security of the market already has: 400 on new_code, nothing changes
    const other = await t.db
      .selectFrom('securities')
      .select(['code'])
      .where('market', '=', 'SH-A')
      .where('id', '!=', sec.id)
      .where('type', '=', 'stock')
      .executeTakeFirstOrThrow();
    const changed = await t.db.selectFrom('securities').selectAll().where('id', '=', sec.id).executeTakeFirstOrThrow();
    const dup = await t.call('POST', `/api/securities/${sec.id}/change_code`, {
      as: admin,
      body: { new_code: other.code, new_name: '重复', effective_on: '2026-11-24' },
    });
    expect(dup.status, JSON.stringify(dup.json)).toBe(400);
    expect(dup.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(dup.json.error.fields)).toContain('new_code');
    expect(await t.db.selectFrom('securities').selectAll().where('id', '=', sec.id).executeTakeFirstOrThrow()).toEqual(
      changed,
    );
    expect(
      await t.db.selectFrom('security_code_changes').select('id').where('security_id', '=', sec.id).execute(),
    ).toHaveLength(1);
  });

  it('refuses bad input, unknown securities and operators without the right', async () => {
    const sec = await t.db
      .selectFrom('securities')
      .selectAll()
      .where('market', '=', 'SZ-A')
      .limit(1)
      .executeTakeFirstOrThrow();
    const call = (body: unknown, as = admin, id = sec.id) =>
      t.call('POST', `/api/securities/${id}/change_code`, { as, body });
    expect((await call({ new_code: '12345', new_name: 'x', effective_on: '2026-11-24' })).status).toBe(400);
    expect((await call({ new_code: '123456', new_name: '', effective_on: '2026-11-24' })).status).toBe(400);
    expect((await call({ new_code: '123456', new_name: 'x', effective_on: '2026-13-01' })).status).toBe(400);
    expect(
      (await call({ new_code: '123456', new_name: 'x', effective_on: '2026-11-24' }, admin, 99_999_999)).status,
    ).toBe(404);
    expect((await call({ new_code: '123456', new_name: 'x', effective_on: '2026-11-24' }, teller)).status).toBe(403);
    expect((await call({ new_code: '123456', new_name: 'x', effective_on: '2026-11-24' }, hq)).status).toBe(403);
    expect(await t.db.selectFrom('securities').selectAll().where('id', '=', sec.id).executeTakeFirstOrThrow()).toEqual(
      sec,
    );
  });
});

describe('next trading day', () => {
  /** The expectation worked out from the calendar rows themselves, via the list API. */
  async function fromCalendar(market: string, date: string) {
    const filter = { market, date_gte: date, date_lte: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` };
    const rows = await t.call(
      'GET',
      `/api/trading_calendar?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["date","ASC"]')}&range=[0,999]`,
      { as: admin },
    );
    expect(rows.status).toBe(200);
    const days = rows.json as { date: string; is_trading_day: boolean; note: string }[];
    expect(days[0]!.date).toBe(date);
    return { next: days.find((d) => d.date > date && d.is_trading_day)!.date, days };
  }
  const next = (market: string, date: string, as = admin) =>
    t.call('GET', `/api/calendar/next_trading_day?market=${encodeURIComponent(market)}&date=${date}`, { as });

  it('2026-09-30 (SH-A): the first trading day after the National Day holiday', async () => {
    const { next: expected, days } = await fromCalendar('SH-A', '2026-09-30');
    // every day between is closed, and the holiday is the reason for the weekdays among them
    const closed = days.filter((d) => d.date > '2026-09-30' && d.date < expected);
    expect(closed.length).toBeGreaterThanOrEqual(7);
    expect(closed.every((d) => !d.is_trading_day)).toBe(true);
    expect(closed.filter((d) => d.note === '国庆节').length).toBeGreaterThanOrEqual(5);
    expect(expected >= '2026-10-08').toBe(true);
    const res = await next('SH-A', '2026-09-30');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toEqual({ market: 'SH-A', date: '2026-09-30', next_trading_day: expected });
    // the same for Shenzhen
    expect((await next('SZ-A', '2026-09-30')).json.next_trading_day).toBe(
      (await fromCalendar('SZ-A', '2026-09-30')).next,
    );
  });

  it('a Friday rolls to the next Monday; a holiday eve skips the holiday', async () => {
    // 2026-11-27 is a Friday (the test database's business week)
    expect(new Date('2026-11-27T00:00:00Z').getUTCDay()).toBe(5);
    expect((await fromCalendar('SH-A', '2026-11-27')).next).toBe('2026-11-30');
    expect((await next('SH-A', '2026-11-27')).json.next_trading_day).toBe('2026-11-30');
    // Saturday and Sunday roll there too; a Monday rolls to Tuesday
    expect((await next('SH-A', '2026-11-28')).json.next_trading_day).toBe('2026-11-30');
    expect((await next('SH-A', '2026-11-29')).json.next_trading_day).toBe('2026-11-30');
    expect((await next('SH-A', '2026-11-23')).json.next_trading_day).toBe('2026-11-24');
    // the last trading day of 2026 rolls over New Year into 2027
    const newYear = await fromCalendar('SH-A', '2026-12-31');
    expect(newYear.next.startsWith('2027-01-')).toBe(true);
    expect((await next('SH-A', '2026-12-31')).json.next_trading_day).toBe(newYear.next);
  });

  it('follows the calendar as edited: a day declared closed is skipped', async () => {
    const day = await t.db
      .selectFrom('trading_calendar')
      .selectAll()
      .where('market', '=', 'SH-A')
      .where('date', '=', '2026-12-01')
      .executeTakeFirstOrThrow();
    expect(day.is_trading_day).toBe(true);
    const res = await t.call('PUT', `/api/trading_calendar/${day.id}`, {
      as: admin,
      body: { is_trading_day: false, note: '临时休市', version: day.version },
    });
    expect(res.status).toBe(200);
    expect((await next('SH-A', '2026-11-30')).json.next_trading_day).toBe('2026-12-02');
    expect((await next('SZ-A', '2026-11-30')).json.next_trading_day).toBe('2026-12-01');
  });

  it('404 past the end of the calendar; 400 for an unknown market or a bad date; needs the right', async () => {
    const last = await t.db
      .selectFrom('trading_calendar')
      .select((eb) => eb.fn.max('date').as('d'))
      .where('market', '=', 'SH-A')
      .executeTakeFirstOrThrow();
    expect((await next('SH-A', String(last.d))).status).toBe(404);
    const unknown = await next('XX', '2026-11-27');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields.market).toBe('引用的记录不存在');
    expect((await next('SH-A', '2026-02-30')).status).toBe(400);
    expect((await next('SH-A', 'tomorrow')).status).toBe(400);
    expect((await next('SH-A', '2026-11-27', teller)).status).toBe(403);
    expect((await next('SH-A', '2026-11-27', hq)).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../test/harness.js';

/** What the generic resource suite cannot know: a market's turnover belongs to a day it traded. */
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('market_totals', () => {
  it("refuses a day the market is closed (交易日历), in the request's language", async () => {
    const res = await t.call('POST', '/api/market_totals', {
      as: admin,
      body: { business_date: '2026-10-01', market: 'SH-A', turnover: '0' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.business_date).toBe('该市场当日休市，不是交易日');
    const weekend = await t.call('POST', '/api/market_totals', {
      as: admin,
      body: { business_date: '2026-11-28', market: 'SZ-A', turnover: '1.00' },
      headers: { 'accept-language': 'en' },
    });
    expect(weekend.status).toBe(400);
    expect(weekend.json.error.fields.business_date).toBe('The market does not trade on that day');
  });

  it('takes a trading day once per market, and a day the calendar does not cover', async () => {
    const ok = await t.call('POST', '/api/market_totals', {
      as: admin,
      body: { business_date: '2026-11-25', market: 'SZ-A', turnover: '798765432109.87', note: '深交所公布' },
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    const twice = await t.call('POST', '/api/market_totals', {
      as: admin,
      body: { business_date: '2026-11-25', market: 'SZ-A', turnover: '1.00' },
    });
    expect(twice.status).toBe(400);
    const old = await t.call('POST', '/api/market_totals', {
      as: admin,
      body: { business_date: '2019-06-03', market: 'SH-A', turnover: '250000000000.00' },
    });
    expect(old.status, JSON.stringify(old.json)).toBe(201);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../test/harness.js';
import { JSON_MAX_DEPTH, jsonDepth } from './json-body.js';
import { safeFileName } from './upload.js';

/**
 * The three families of 500 an independent probe found (Issue 14), each fixed where the input
 * enters: JSON nested past any form's needs, oversized bodies, control characters in uploaded
 * file names, and dates PostgreSQL cannot hold.
 */
let t: TestApp;
let admin: Session;
let clerk: Session;
beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  clerk = await t.login('clerk');
});
afterAll(() => t.close());

const nested = (open: string, close: string, n: number, inner = '1') => open.repeat(n) + inner + close.repeat(n);

describe('bounded bodies', () => {
  it('measures nesting without parsing, skipping strings and escapes', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth(nested('[', ']', 100_000))).toBe(100_000);
  });

  it('answers 400 on JSON nested 100,000 deep (objects and arrays), before any parser or walker sees it', async () => {
    for (const body of [
      `{"username":${nested('{"a":', '}', 100_000)}}`,
      `{"username":${nested('[', ']', 100_000)}}`,
      nested('[', ']', 200_000),
      `{"x":${nested('[', ']', JSON_MAX_DEPTH)}}`,
    ]) {
      const r = await t.call('POST', '/api/operators', { as: admin, body });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('VALIDATION_FAILED');
      expect(r.json.error.fields._).toMatch(/嵌套层数过多/);
    }
    // at the bound it is the schema that answers (a nested body is no operator)
    const ok = await t.call('POST', '/api/operators', {
      as: admin,
      body: `{"username":${nested('[', ']', JSON_MAX_DEPTH - 1)}}`,
    });
    expect(ok.status).toBe(400);
    expect(ok.json.error.fields._).toBeUndefined();
  });

  it('answers 413 on a JSON body over 1 MB, in words', async () => {
    const r = await t.call('POST', '/api/operators', {
      as: admin,
      body: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'accept-language': 'en' },
    });
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: 'The request body is too large (at most 1 MB)',
    });
  });
});

describe('uploaded file names', () => {
  it('loses control and format characters, directories and length; nothing left → the fallback', () => {
    expect(safeFileName('a\u0000b\u0007\r\n.csv', 'f')).toBe('ab.csv');
    expect(safeFileName('..\\..\\etc/passwd', 'f')).toBe('passwd');
    expect(safeFileName('report\u202Efdp.exe', 'f')).toBe('reportfdp.exe'); // a bidi override disguising .pdf
    expect(safeFileName('\u200B\u0000', 'f')).toBe('f');
    expect(safeFileName('..', 'f')).toBe('f');
    expect(safeFileName('成交回报'.repeat(40), 'f')).toHaveLength(100);
  });

  it('a trade report named with NUL, BEL and CR/LF is a 400 about its content, never a 500', async () => {
    const r = await t.upload('/api/trades/import', clerk, Buffer.from('not a trade report'), 'a\u0000b\u0007\r\n.txt');
    expect(r.status, JSON.stringify(r.json)).toBeLessThan(500);
  });
});

describe('dates', () => {
  it('refuses dates PostgreSQL cannot hold on filters, bodies and queries, naming the field', async () => {
    for (const date of ['0000-01-01', '9999-12-31', '1899-12-31']) {
      const list = await t.call(
        'GET',
        `/api/fund_journal?filter=${encodeURIComponent(JSON.stringify({ business_date_gte: date }))}`,
        { as: clerk },
      );
      expect(list.status, date).toBe(400);
      const cal = await t.call('GET', `/api/calendar/next_trading_day?market=SH-A&date=${date}`, { as: admin });
      expect(cal.status, date).toBe(400);
      expect(cal.json.error.fields.date).toMatch(/1900-01-01/);
    }
  });
});

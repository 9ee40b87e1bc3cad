import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_CATALOG } from '../../src/modules/roles/permission-catalog.js';
import { testApp, type Session, type TestApp } from '../harness.js';
import { type Case, hostileCases, type OpenApi } from './cases.js';
import { corpus } from './corpus.js';

/**
 * The standing bad-input campaign (Issue 14), generated from /api/openapi.json: every route ×
 * every field × the hostile corpus, as an operator holding every right of every branch, so each
 * request gets past the rights check to the validation it attacks. Expected: no 5xx, no error body
 * that carries a stack trace or the database's own words, no download cut after its 200, and a
 * refused request (4xx) changes no row (a fingerprint of every table but the audit trail and the
 * sessions, per route). HOSTILE_FULL=1 adds the whole naughty-string list (≈ 440,000 cases in all).
 */
let t: TestApp;
let root: Session;
let cases: Case[];

/** Routes the campaign leaves to their own tests: signing out would end its session. */
const skip = (method: string, path: string) => method === 'POST' && path === '/auth/logout';
/** A refused login counts the failure against the operator: that row change is the point of it. */
const mayChangeRows = new Set(['POST /auth/login']);

const LEAK =
  /(\bat [\w.<>]+ \(|node_modules|\.[jt]s:\d+:\d+|\bstack\b|SQLSTATE|syntax error at|violates .* constraint|duplicate key value|invalid input syntax|invalid byte sequence|relation "|column "[^"]+" (does not exist|of relation)|out of range for type|PGlite|kysely)/i;

/**
 * Every table's row count and the sum of its rows' 64-bit hashes: any row added, removed or changed
 * shows (order-free, so no sort: the campaign takes a thousand of these).
 */
async function fingerprint(): Promise<string> {
  const tables = (
    await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_log', 'sessions', 'kysely_migration', 'kysely_migration_lock')
      ORDER BY 1`.execute(t.db)
  ).rows.map((r) => r.name);
  const parts = await Promise.all(
    tables.map(
      async (name) =>
        (
          await sql<{
            f: string;
          }>`SELECT ${name} || ':' || count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)::numeric), 0) AS f FROM ${sql.table(name)} x`.execute(
            t.db,
          )
        ).rows[0]!.f,
    ),
  );
  return parts.join('|');
}

beforeAll(async () => {
  if (engineSkipped) return;
  t = await testApp();
  const everything = PERMISSION_CATALOG.flatMap((e) => e.actions.map((a) => `${e.resource}.${a}`));
  root = await t.headOfficeOperator('hostile_root', everything);
  const doc = (await t.call('GET', '/api/openapi.json', { as: root })).json as OpenApi;
  cases = hostileCases(doc, corpus(process.env.HOSTILE_FULL ? Number.POSITIVE_INFINITY : 0), skip);
}, 120_000);
afterAll(() => t?.close());

// ≈ 10 minutes on two cores: every CI run takes it on PGlite; on PostgreSQL with HOSTILE_PG=1
const engineSkipped = !!process.env.DATABASE_URL && !process.env.HOSTILE_PG;
describe.skipIf(engineSkipped)('hostile input on every route (generated from openapi.json)', () => {
  it('answers every case below 500, without leaks, and a refused request changes nothing', async () => {
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let accepted = 0;
    const routes = [...new Set(cases.map((c) => c.route))];
    for (const route of routes) {
      let before = await fingerprint();
      for (const c of cases.filter((x) => x.route === route)) {
        const headers = { ...c.headers, cookie: root.cookie, 'x-csrf-token': root.csrf };
        let status = 0;
        let text = '';
        try {
          const res = await t.app.request(c.url, { method: c.method, headers, body: c.body });
          status = res.status;
          text = await res.text(); // a download cut after its 200 rejects here
        } catch (e) {
          problems.push(
            `${c.route} ${c.field}: ${status ? `cut after ${status}` : 'threw'} (${String(e).slice(0, 120)})`,
          );
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) problems.push(`${c.route} ${c.field}: ${status} ${text.slice(0, 200)}`);
        else if (status >= 400 && LEAK.test(text)) problems.push(`${c.route} ${c.field}: leaks ${text.slice(0, 200)}`);
        if (status < 300 && c.method !== 'GET') {
          // a hostile value that is still valid (a name in emoji): its change is legitimate
          accepted++;
          before = await fingerprint();
        }
      }
      if (!mayChangeRows.has(route) && (await fingerprint()) !== before)
        problems.push(`${route}: a refused request changed rows`);
      // the session lives through the campaign (nothing hostile may end it)
      if ((await t.call('GET', '/api/auth/me', { as: root })).status !== 200) {
        problems.push(`${route}: the session ended`);
        root = await t.login('hostile_root');
      }
    }
    console.log(
      `hostile input: ${cases.length.toLocaleString('en-US')} cases on ${routes.length} routes; statuses ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}; ${accepted} mutations accepted; ${problems.length} problems`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(50_000);
    expect(problems.slice(0, 50)).toEqual([]);
  }, 3_600_000);
});

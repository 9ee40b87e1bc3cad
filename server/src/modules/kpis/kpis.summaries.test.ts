import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportWorld, type World } from '../../../../reports/test/world.js';
import { figures, figuresPerBranch, kpiRules, type KpiScope, managers, tiers } from './kpis.queries.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

/** Numbers as numbers: the summaries keep scales as computed, but a sum of no rows may read 0.00. */
const plain = (x: unknown): unknown =>
  typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x)
    ? new Decimal(x).toFixed(4)
    : Array.isArray(x)
      ? x.map(plain)
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]))
        : x;

describe("KPIs of closed days read day-end's summaries", () => {
  it('the summaries hold every closed day, and reading them gives what the live computation gives', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM daily_summaries WHERE accounts_total IS NULL`.execute(w.t.db);
    expect(rows[0]!.n).toBe(0);
    const rules = await kpiRules(w.t.db);
    const first = w.closed[0]!;
    const spans = [
      { from: w.last, to: w.last },
      { from: first, to: w.last },
      { from: `${w.last.slice(0, 8)}01`, to: w.last },
      { from: `${w.last.slice(0, 4)}-01-01`, to: w.last },
      { from: first, to: w.closed[1] ?? first },
    ];
    for (const branchId of [w.s.manager.me.branch.id, null]) {
      const s: KpiScope = { db: w.t.db, branchId, openDate: w.open };
      for (const span of spans) {
        // a span ending on the open date is computed live; pretending `to` is open forces that
        const live: KpiScope = { ...s, openDate: span.to };
        expect(plain(await figures(s, span, rules)), JSON.stringify(span)).toEqual(
          plain(await figures(live, span, rules)),
        );
        expect(plain(await figuresPerBranch(s, span, rules))).toEqual(plain(await figuresPerBranch(live, span, rules)));
        expect(plain(await managers(s, span))).toEqual(plain(await managers(live, span)));
      }
      for (const date of w.closed)
        expect(plain(await tiers(s, date, rules))).toEqual(plain(await tiers({ ...s, openDate: date }, date, rules)));
    }
  });
});

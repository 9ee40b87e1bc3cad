import { sql } from 'kysely';
import type { Db } from '../../../server/src/db/connect.js';
import { DISTRICTS, GIVEN_NAME_CHARS, ID_AREA_CODES, MOBILE_PREFIXES, STREETS, SURNAMES } from '../data/people.data.js';
import { BANK_WEIGHTS, MANAGER_SKEW } from './profile.js';

/**
 * The lists a generated client is drawn from, as one temporary table `pop_pick(kind, idx, …)`:
 * a weighted list is expanded so that each value occupies as many consecutive idx as its weight,
 * and a draw u picks `idx = floor(u × size)` by an equi-join — a hash join over the whole
 * population instead of a range search per row.
 */
export type PickKind =
  | 'surname'
  | 'given_M'
  | 'given_F'
  | 'area'
  | 'mobile'
  | 'street'
  | 'bank'
  | 'manager'
  | 'sec'
  | 'cheap';
export type PickSizes = Record<PickKind, number>;

/**
 * The national surname frequencies, leaned towards Liaoning: the northern 王/李/张/刘 and
 * especially 于/孙 are commoner there, the southern 黄/林/梁/韦/覃/… rarer (people.data.ts notes it).
 */
const LIAONING_LEAN: Record<string, number> = {
  王: 1.2,
  李: 1.2,
  张: 1.2,
  刘: 1.2,
  于: 2.5,
  孙: 1.8,
  黄: 0.4,
  林: 0.4,
  梁: 0.4,
  韦: 0.2,
  覃: 0.1,
  莫: 0.3,
  黎: 0.3,
  钟: 0.5,
  曾: 0.4,
  谭: 0.5,
  廖: 0.4,
  邓: 0.6,
};

/** Cheap enough that a few thousand yuan buys a lot: what a small holder's budget falls back to. */
const CHEAP_PRICE = 20;

interface Row {
  kind: PickKind;
  idx: number;
  val: string;
  val2: string;
}

function expand(kind: PickKind, items: { val: string; val2?: string; weight: number }[]): Row[] {
  const rows: Row[] = [];
  for (const it of items)
    for (let w = 0; w < Math.max(1, Math.round(it.weight)); w++)
      rows.push({ kind, idx: rows.length, val: it.val, val2: it.val2 ?? '' });
  return rows;
}

/** The material from seeds/src/data: names, ID-number areas, phones, addresses. */
function fromData(): Row[] {
  const districtName = new Map(DISTRICTS.map((d) => [d.code, d.name_zh]));
  const districtWeight = new Map(DISTRICTS.map((d) => [d.code, d.weight]));
  const streetsIn = (code: string) => STREETS.filter((s) => s.district === code).length;
  return [
    ...expand(
      'surname',
      SURNAMES.map((s) => ({ val: s.surname, weight: s.weight * (LIAONING_LEAN[s.surname] ?? 1) })),
    ),
    ...expand(
      'given_M',
      GIVEN_NAME_CHARS.filter((c) => c.gender !== 'f').map((c) => ({ val: c.char, weight: 1 })),
    ),
    ...expand(
      'given_F',
      GIVEN_NAME_CHARS.filter((c) => c.gender !== 'm').map((c) => ({ val: c.char, weight: 1 })),
    ),
    ...expand(
      'area',
      ID_AREA_CODES.map((a) => ({ val: a.code, weight: a.weight })),
    ),
    ...expand(
      'mobile',
      MOBILE_PREFIXES.map((m) => ({ val: m.prefix, weight: 1 })),
    ),
    // a district's weight is shared by its streets, so the population spreads as DISTRICTS says
    ...expand(
      'street',
      STREETS.map((s) => ({
        val: s.name,
        val2: districtName.get(s.district) ?? '',
        weight: (10 * (districtWeight.get(s.district) ?? 1)) / streetsIn(s.district),
      })),
    ),
  ];
}

/**
 * Creates `pop_pick` for this transaction: the data lists, the branch's depository banks, its
 * active client managers (skewed: rank^-MANAGER_SKEW), and the securities a client can hold —
 * listed A-share stocks and ETFs in SH-A/SZ-A, not ST — in a popularity order that depends on
 * the seed, plus the cheap ones.
 */
export async function createPickTable(trx: Db, opts: { seed: number; branchId: number }): Promise<PickSizes> {
  await sql`DROP TABLE IF EXISTS pop_pick`.execute(trx);
  // val, val2, val3, num: the value and what goes with it (a street's district; a security's board, market and previous close)
  await sql`CREATE TEMP TABLE pop_pick (kind text NOT NULL, idx int NOT NULL, val text NOT NULL, val2 text NOT NULL DEFAULT '', val3 text NOT NULL DEFAULT '', num numeric, PRIMARY KEY (kind, idx)) ON COMMIT DROP`.execute(
    trx,
  );
  await sql`INSERT INTO pop_pick (kind, idx, val, val2) SELECT kind, idx, val, val2 FROM jsonb_to_recordset(${JSON.stringify(fromData())}::jsonb) AS r(kind text, idx int, val text, val2 text)`.execute(
    trx,
  );
  const bankWeights = Object.entries(BANK_WEIGHTS).map(([code, weight]) => ({ code, weight }));
  await sql`
    INSERT INTO pop_pick (kind, idx, val)
    SELECT 'bank', (row_number() OVER (ORDER BY b.code, g) - 1)::int, b.code
    FROM banks b LEFT JOIN jsonb_to_recordset(${JSON.stringify(bankWeights)}::jsonb) AS w(code text, weight int) ON w.code = b.code,
         generate_series(1, coalesce(w.weight, 2)) g
    WHERE b.status = 'active'`.execute(trx);
  await sql`
    INSERT INTO pop_pick (kind, idx, val)
    SELECT 'manager', (row_number() OVER (ORDER BY m.rank, g) - 1)::int, m.id::text
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank FROM client_managers WHERE branch_id = ${opts.branchId} AND status = 'active') m,
         generate_series(1, greatest(1, round(100 / power(m.rank, ${MANAGER_SKEW}::float8)))::int) g`.execute(trx);
  await sql`
    INSERT INTO pop_pick (kind, idx, val, val2, val3, num)
    SELECT 'sec', (row_number() OVER (ORDER BY hashint8extended(id, ${opts.seed}::bigint), id) - 1)::int, id::text, board, market, prev_close
    FROM securities WHERE market IN ('SH-A', 'SZ-A') AND type IN ('stock', 'etf') AND NOT st AND status = 'listed' AND prev_close > 0`.execute(
    trx,
  );
  await sql`
    INSERT INTO pop_pick (kind, idx, val, val2, val3, num)
    SELECT 'cheap', (row_number() OVER (ORDER BY id) - 1)::int, val, val2, val3, num
    FROM (SELECT val::bigint AS id, val, val2, val3, num FROM pop_pick WHERE kind = 'sec' AND num < ${CHEAP_PRICE} AND val2 <> 'star') s`.execute(
    trx,
  );
  await sql`ANALYZE pop_pick`.execute(trx);
  const { rows } = await sql<{
    kind: PickKind;
    n: number;
  }>`SELECT kind, count(*)::int AS n FROM pop_pick GROUP BY kind`.execute(trx);
  const sizes = Object.fromEntries(rows.map((r) => [r.kind, r.n])) as Partial<PickSizes>;
  for (const k of ['surname', 'given_M', 'given_F', 'area', 'mobile', 'street', 'sec', 'cheap'] as const) {
    if (!sizes[k]) throw new Error(`population: no ${k} to draw from (are the parameters seeded?)`);
  }
  return { bank: 0, manager: 0, ...sizes } as PickSizes;
}

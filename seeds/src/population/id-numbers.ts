import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../server/src/db/connect.js';
import { CHECK, WEIGHTS } from '../../../server/src/modules/clients/id-number.calc.js';
import { drawText, type Streams } from './draws.js';

/**
 * Unique 身份证 numbers without retries. A number is area (6) + birth date (8) + sequence (3,
 * odd for men) + check character, so two people collide only on the same area, birthday and
 * sequence. Within each (area, birthday, sex) group of the stage, the j-th client takes the
 * sequence start + 2j from a start drawn per group (kept low enough that the group fits below
 * 999). A group where the database already holds numbers (earlier openings, other seeds) takes
 * instead the free sequences of its parity, in a drawn rotation, so nothing is ever duplicated.
 * Result: `pop_ids(k, id_number)`.
 */
export async function assignIdNumbers(trx: Db, streams: Streams): Promise<void> {
  await sql`DROP TABLE IF EXISTS pop_ids`.execute(trx);
  await sql`
    CREATE TEMP TABLE pop_ids ON COMMIT DROP AS
    SELECT k, p14, parity, j, cnt, taken,
      CASE WHEN NOT taken THEN 2 * floor(${drawText(streams, 60, sql`p14 || parity`)} * (500 - cnt))::int + parity + 2 * j END AS seq
    FROM (
      SELECT r.*, EXISTS (SELECT 1 FROM clients c WHERE ${samePrefix(sql`r.p14`)} AND substr(c.id_number, 17, 1)::int % 2 = r.parity) AS taken
      FROM (
        SELECT k, p14, parity, (row_number() OVER w - 1)::int AS j, count(*) OVER (PARTITION BY p14, parity)::int AS cnt
        FROM (SELECT s.k, a.val || to_char(s.birth, 'YYYYMMDD') AS p14, CASE s.gender WHEN 'M' THEN 1 ELSE 0 END AS parity
              FROM pop_stage s JOIN pop_pick a ON a.kind = 'area' AND a.idx = s.area_idx) s
        WINDOW w AS (PARTITION BY p14, parity ORDER BY k)
      ) r
    ) x`.execute(trx);
  const { rows: big } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pop_ids WHERE cnt > 500`.execute(trx);
  if (big[0]!.n > 0)
    throw new Error('population: more than 500 people of one sex share an area and birthday; lower the scale');
  await sql`
    WITH t AS (SELECT DISTINCT p14, parity, floor(${drawText(streams, 61, sql`p14 || parity`)} * 1000)::int AS start FROM pop_ids WHERE taken),
    used AS (SELECT t.p14, substr(c.id_number, 15, 3)::int AS seq FROM t JOIN clients c ON ${samePrefix(sql`t.p14`)}),
    free AS (
      SELECT t.p14, t.parity, v AS seq, (row_number() OVER (PARTITION BY t.p14, t.parity ORDER BY (v + 1000 - t.start) % 1000) - 1)::int AS slot
      FROM t, generate_series(t.parity, 999, 2) AS v
      WHERE NOT EXISTS (SELECT 1 FROM used WHERE used.p14 = t.p14 AND used.seq = v)
    )
    UPDATE pop_ids i SET seq = f.seq FROM free f WHERE i.taken AND f.p14 = i.p14 AND f.parity = i.parity AND f.slot = i.j`.execute(
    trx,
  );
  const { rows: left } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pop_ids WHERE seq IS NULL`.execute(
    trx,
  );
  if (left[0]!.n > 0) throw new Error('population: an area and birthday has no free ID sequence left');
}

/** Existing clients whose ID number starts with the 14-character prefix (an index range on the unique key). */
function samePrefix(p14: RawBuilder<unknown>) {
  return sql`c.id_number BETWEEN ${p14} || '0000' AND ${p14} || '999X' AND left(c.id_number, 14) = ${p14}`;
}

/** The 18-character number of a `pop_ids` row `i`: the 17 digits and GB 11643's check character. */
export function idNumberSql(): RawBuilder<string> {
  const first17 = sql`(i.p14 || lpad(i.seq::text, 3, '0'))`;
  const sum = sql.join(
    WEIGHTS.map((w, n) => sql`substr(${first17}, ${n + 1}::int, 1)::int * ${w}::int`),
    sql` + `,
  );
  return sql<string>`(${first17} || substr(${CHECK}::text, (${sum}) % 11 + 1, 1))`;
}

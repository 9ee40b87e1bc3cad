import { sql } from 'kysely';
import type { Db } from '../../server/src/db/connect.js';
import type { ColumnType, ReportColumn, ReportQuery, Row } from './define-report.js';

/** How a column's values are typed when rows come in as JSON (numbers stay exact decimals). */
const SQL_TYPE: Record<ColumnType, string> = {
  text: 'text',
  code: 'text',
  enum: 'text',
  date: 'text',
  amount_words: 'text',
  money: 'numeric',
  price: 'numeric',
  rate: 'numeric',
  count: 'int',
  quantity: 'bigint',
};

/**
 * Rows already computed in JS (the KPI tables, whose figures come from their own queries) as a
 * report query, so they render through the same engine as every report: one jsonb parameter
 * turned into a typed record set (`jsonb_to_recordset`), the rows numbered `__n` in the given
 * order (the engine's order key). Meant for tables of a screen's size, not for millions of rows.
 */
export function rowsQuery(db: Db, columns: ReportColumn[], rows: Row[]): ReportQuery {
  const defs = sql.join(
    [sql`__n int`, ...columns.map((c) => sql`${sql.ref(c.key)} ${sql.raw(SQL_TYPE[c.type])}`)],
    sql`, `,
  );
  const json = JSON.stringify(rows.map((r, i) => ({ ...r, __n: i + 1 })));
  return db
    .selectFrom(sql<Row>`jsonb_to_recordset(${json}::jsonb)`.as<'v'>(sql`v(${defs})`))
    .selectAll() as unknown as ReportQuery;
}

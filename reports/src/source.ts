import { type SqlBool, sql } from 'kysely';
import type { ReportContext, ReportDef, Row } from './define-report.js';

/** Rows a batch holds: small enough to keep memory flat, large enough to keep round trips few. */
export const BATCH = 5000;

/** The report's query as a subquery `r`, so the engine can order, page, count and sum it by output column. */
export function wrapped(def: ReportDef, ctx: ReportContext, params: Record<string, unknown>) {
  return ctx.db.selectFrom(def.query(ctx, params).as('r'));
}

function ordered(def: ReportDef, ctx: ReportContext, params: Record<string, unknown>) {
  let q = wrapped(def, ctx, params).selectAll();
  for (const [k, dir] of def.order) q = q.orderBy(sql.ref(`r.${k}`), dir);
  return q;
}

/**
 * The report's rows in order, in batches: through a server-side cursor on PostgreSQL, by keyset
 * pages on PGlite (which has no cursor): each page continues after the last row's order key, an
 * index range rather than an ever-growing OFFSET. A bounded report (`maxRows`) is one batch.
 */
export async function* rowBatches(
  def: ReportDef,
  ctx: ReportContext & { cursor?: boolean; onRows?: (n: number) => void },
  params: Record<string, unknown>,
  size = BATCH,
): AsyncGenerator<Row[]> {
  for await (const batch of batches(def, ctx, params, size)) {
    yield batch;
    // counted once the renderer has taken the batch: progress is rows written, not rows read
    ctx.onRows?.(batch.length);
  }
}

async function* batches(
  def: ReportDef,
  ctx: ReportContext & { cursor?: boolean },
  params: Record<string, unknown>,
  size: number,
): AsyncGenerator<Row[]> {
  if (def.maxRows !== undefined) {
    yield await ordered(def, ctx, params).limit(def.maxRows).execute();
    return;
  }
  if (ctx.cursor) {
    // one snapshot for the whole file, and a plan for reading every row rather than the first
    // few (PostgreSQL plans a cursor for its first 10 % by default: nested loops where a million
    // rows want hash joins and one sort)
    const trx = await ctx.db
      .startTransaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute();
    try {
      await sql`SET LOCAL cursor_tuple_fraction = 1`.execute(trx);
      // read ahead: the next row is asked for before a full batch is handed on, so the cursor's
      // next FETCH is on its way while the renderer works (the server and Node overlap)
      const rows = ordered(def, { ...ctx, db: trx }, params)
        .stream(size)
        [Symbol.asyncIterator]();
      let next = rows.next();
      for (;;) {
        const batch: Row[] = [];
        let done = false;
        while (batch.length < size) {
          const r = await next;
          if (r.done) {
            done = true;
            break;
          }
          batch.push(r.value);
          next = rows.next();
        }
        if (batch.length) yield batch;
        if (done) break;
      }
    } finally {
      await trx.rollback().execute();
    }
    return;
  }
  const dirs = new Set(def.order.map(([, d]) => d));
  if (dirs.size !== 1) throw new Error(`${def.id}: keyset pages need one direction (or maxRows)`);
  const after = def.order[0]![1] === 'asc' ? '>' : '<';
  const keys = def.order.map(([k]) => k);
  let last: Row | undefined;
  for (;;) {
    let q = ordered(def, ctx, params);
    if (last) {
      const row = last;
      // (k1, k2, …) > ($1, $2, …): the row comparison PostgreSQL answers from the order's index
      const refs = sql.join(keys.map((k) => sql.ref(`r.${k}`)));
      const values = sql.join(keys.map((k) => row[k]));
      q = q.where(sql<SqlBool>`(${refs}) ${sql.raw(after)} (${values})`);
    }
    const rows = await q.limit(size).execute();
    if (rows.length) yield rows;
    if (rows.length < size) return;
    last = rows[rows.length - 1];
  }
}

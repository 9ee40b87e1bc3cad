import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connect.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../http/errors.js';
import type { Lang } from '../../http/lang.js';
import { t, type MsgKey } from '../../http/messages.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { closeDateProblem, type CloseDateProblem } from './closing-prices.calc.js';
import { parseClosingPrices, type CloseLineReason } from './closing-prices.csv.js';

type Source = 'exchange' | 'import' | 'carried';

/** The open business date; `forShare` inside a write, so day-end (which locks it) and the write go one after the other. */
async function openDate(db: Db, forShare = false): Promise<string> {
  const { rows } = await sql<{ value: string }>`
    SELECT value FROM system_params WHERE key = 'business_date' ${forShare ? sql`FOR SHARE` : sql``}`.execute(db);
  return rows[0]!.value;
}

/** Why `date` cannot take closes now (see closeDateProblem), or null: a field message for the generic layer. */
export async function closedDayProblem(db: Db, date: string): Promise<CloseDateProblem | null> {
  return closeDateProblem(date, await openDate(db));
}

/**
 * Writes closes of the open day `date` with their source, in the caller's transaction: new ones
 * are inserted, differing ones updated (version + 1); `keep` names the sources a close already on
 * file keeps (the simulated exchange does not overwrite the clerk's import). Returns what it did.
 */
export async function upsertCloses(
  trx: Db,
  actor: Actor,
  date: string,
  source: Source,
  closes: { security_id: number; close_price: string }[],
  keep: Source[] = [],
) {
  const ids = closes.map((c) => c.security_id);
  const existing = new Map(
    (ids.length
      ? await trx
          .selectFrom('closing_prices')
          .select(['security_id', 'close_price', 'source'])
          .where('business_date', '=', date)
          .where('security_id', 'in', ids)
          .execute()
      : []
    ).map((r) => [r.security_id, r]),
  );
  const write: typeof closes = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let kept = 0;
  for (const c of closes) {
    const had = existing.get(c.security_id);
    if (had && keep.includes(had.source)) kept++;
    else if (had && had.source === source && new Decimal(had.close_price).eq(c.close_price)) unchanged++;
    else {
      write.push(c);
      if (had) updated++;
      else created++;
    }
  }
  for (let i = 0; i < write.length; i += 5000)
    await sql`
      INSERT INTO closing_prices (business_date, security_id, close_price, source, created_at, updated_at)
      SELECT ${date}::date, v.security_id, v.close_price, ${source}, ${actor.at}::timestamptz, ${actor.at}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(write.slice(i, i + 5000))}::jsonb) AS v(security_id bigint, close_price numeric)
      ORDER BY v.security_id
      ON CONFLICT (business_date, security_id) DO UPDATE SET close_price = EXCLUDED.close_price, source = EXCLUDED.source,
        version = closing_prices.version + 1, updated_at = EXCLUDED.updated_at`.execute(trx);
  return { created, updated, unchanged, kept };
}

export interface ClosingPricesImport {
  business_date: string;
  /** the file's lines, header and blank lines aside */
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: { line: number; reason: CloseLineReason | 'unknown_security'; message: string; text: string }[];
}

/**
 * 行情导入: the closes of a quotation file (closing-prices.csv.ts) for the open business date, in
 * one transaction with its audit row. Every line is checked; those that fail are listed with the
 * reason and the rest are written (source 'import', over any close on file for the day); the
 * same file again changes nothing. A file dated after the open day, or on a day day-end has
 * closed, is refused whole (409): only the open day's closes can be imported.
 */
export async function importClosingPrices(
  db: Db,
  actor: Actor,
  text: string,
  fileName: string,
  lang: Lang,
): Promise<ClosingPricesImport> {
  const parsed = parseClosingPrices(text);
  return inTransaction(db, async (trx) => {
    const open = await openDate(trx, true);
    for (const date of [...new Set(parsed.lines.map((l) => l.trade_date))].sort()) {
      const problem = closeDateProblem(date, open);
      if (problem) throw new AppError(409, 'CLOSING_PRICES_DATE', problem.key, problem.params);
    }
    const problems: ClosingPricesImport['problems'] = parsed.problems.map((p) => ({
      line: p.line,
      reason: p.reason,
      message: t(lang, `close_line_${p.reason}` as MsgKey, { line: p.first_line ?? '' }),
      text: p.text,
    }));
    const wanted = parsed.lines.map((l) => ({ market: l.market, code: l.security_code }));
    const { rows: known } = wanted.length
      ? await sql<{ id: number; market: string; code: string }>`
          SELECT s.id, s.market, s.code FROM securities s
          JOIN jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS w(market text, code text) ON w.market = s.market AND w.code = s.code`.execute(
          trx,
        )
      : { rows: [] };
    const idOf = new Map(known.map((s) => [`${s.market}|${s.code}`, s.id]));
    const closes: { security_id: number; close_price: string }[] = [];
    for (const l of parsed.lines) {
      const id = idOf.get(`${l.market}|${l.security_code}`);
      if (id === undefined)
        problems.push({
          line: l.line,
          reason: 'unknown_security',
          message: t(lang, 'close_line_unknown_security', { market: l.market, code: l.security_code }),
          text: l.text,
        });
      else closes.push({ security_id: id, close_price: l.close_price });
    }
    problems.sort((a, b) => a.line - b.line);
    const r = await upsertCloses(trx, actor, open, 'import', closes);
    await audit(trx, actor, {
      action: 'import',
      resource: 'closing_prices',
      detail: `${fileName} ${open}: 新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}，有误 ${problems.length} 行`,
    });
    return {
      business_date: open,
      lines: parsed.lines.length + parsed.problems.filter((p) => p.reason !== 'header').length,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      problems,
    };
  });
}

/**
 * Day-end's 收盘价 step for D: every security still quoted (listed or suspended) without a close
 * for D gets its previous close carried forward (source 'carried': a suspended stock closes where
 * it was), then every security's previous close becomes its close of D, so tomorrow's price band
 * starts from today's close. One audit row for the step.
 */
export async function closeTheDay(trx: Db, actor: Actor, date: string) {
  await sql`
    INSERT INTO closing_prices (business_date, security_id, close_price, source, created_at, updated_at)
    SELECT ${date}::date, s.id, s.prev_close, 'carried', ${actor.at}::timestamptz, ${actor.at}::timestamptz
    FROM securities s
    WHERE s.status <> 'delisted' AND s.prev_close > 0
      AND NOT EXISTS (SELECT 1 FROM closing_prices c WHERE c.business_date = ${date}::date AND c.security_id = s.id)
    ORDER BY s.id`.execute(trx);
  const rolled = await sql`
    UPDATE securities s SET prev_close = c.close_price, version = s.version + 1, updated_at = ${actor.at}::timestamptz
    FROM closing_prices c
    WHERE c.business_date = ${date}::date AND c.security_id = s.id AND s.prev_close <> c.close_price`.execute(trx);
  const { rows } = await sql<{ source: Source; n: number }>`
    SELECT source, count(*)::int AS n FROM closing_prices WHERE business_date = ${date}::date GROUP BY source`.execute(
    trx,
  );
  const n = (s: Source) => rows.find((r) => r.source === s)?.n ?? 0;
  const r = {
    closes: n('import') + n('exchange') + n('carried'),
    imported: n('import'),
    exchange: n('exchange'),
    carried: n('carried'),
    rolled: Number(rolled.numAffectedRows ?? 0),
  };
  await audit(trx, actor, {
    action: 'close_day',
    resource: 'closing_prices',
    detail: `${date}: 收盘价 ${r.closes} 只（导入 ${r.imported}，撮合 ${r.exchange}，沿用 ${r.carried}），前收盘价更新 ${r.rolled} 只`,
  });
  return r;
}

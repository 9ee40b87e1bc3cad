import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connect.js';
import { inTransaction } from '../../db/transaction.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { feesForTrade } from '../fees/fees.service.js';
import { businessDate } from '../ledger/ledger.service.js';
import { parseTradeReport, type TradeLine } from './trade-report.csv.js';

export type Unmatched = { line: number; trade_id?: string; reason: string; text?: string };

interface OrderRow {
  id: number;
  order_no: string;
  business_date: string;
  client_id: number;
  fund_account_id: number;
  shareholder_account_id: number;
  security_id: number;
  market: string;
  code: string;
  side: 'buy' | 'sell';
  price: string;
  quantity: number;
  filled_quantity: number;
  frozen_cash: string;
  status: string;
  seat_no: string;
  branch_id: number;
}

/**
 * Records one fill against its order, in the caller's transaction (成交配对). Nothing moves yet:
 * a buy's cash stays frozen by its order and a sell's shares stay frozen until day-end delivery
 * (交割) settles the day's trades netted per client, market and seat. The fees shown meanwhile
 * come from the schedules in force on the trade date — the function the order estimate uses;
 * clearing recomputes them for the record.
 */
async function applyFill(
  trx: Db,
  actor: Actor,
  o: OrderRow,
  l: TradeLine,
  client: { client_class: string; client_no: string },
  shareholderCode: string,
  source: string,
) {
  const security = await trx
    .selectFrom('securities')
    .select(['type', 'board'])
    .where('id', '=', o.security_id)
    .executeTakeFirstOrThrow();
  const fees = await feesForTrade(trx, {
    date: l.trade_date,
    side: o.side,
    market: o.market,
    security_type: security.type,
    board: security.board,
    client_class: client.client_class,
    client_id: client.client_no,
    price: l.price,
    quantity: l.quantity,
  });
  const remaining = Number(o.quantity) - Number(o.filled_quantity) - l.quantity;
  const status = remaining === 0 ? 'filled' : 'partially_filled';
  await sql`UPDATE orders SET filled_quantity = filled_quantity + ${l.quantity}, filled_amount = filled_amount + ${fees.amount}, status = ${status}, version = version + 1 WHERE id = ${o.id}`.execute(
    trx,
  );
  const { rows: trade } = await sql<{ id: number }>`
    INSERT INTO trades (market, trade_no, business_date, order_id, client_id, security_id, code, side, quantity, price, amount, commission, stamp_duty, transfer_fee, handling_fee, regulatory_fee, net_amount, seat_no, shareholder_code, source, branch_id, created_at)
    VALUES (${o.market}, ${l.trade_id}, ${l.trade_date}, ${o.id}, ${o.client_id}, ${o.security_id}, ${o.code}, ${o.side}, ${l.quantity}, ${l.price}, ${fees.amount}, ${fees.commission}, ${fees.stamp_duty}, ${fees.transfer_fee}, ${fees.handling_fee}, ${fees.regulatory_fee}, ${fees.net_amount}, ${l.seat}, ${shareholderCode}, ${source}, ${o.branch_id}, ${actor.at})
    RETURNING id`.execute(trx);
  await audit(trx, actor, { action: 'fill', resource: 'trades', record_id: trade[0]!.id, after: { ...l, fees } });
}

/** Why a line does not match its order (成交配对), or null when it does. */
function mismatch(o: OrderRow | undefined, l: TradeLine, holderCode: string | undefined, date: string): string | null {
  if (!o) return 'unknown_order';
  if (l.trade_date !== date || o.business_date !== date) return 'wrong_date';
  if (o.market !== l.market || o.code !== l.security_code || o.side !== l.side || o.seat_no !== l.seat)
    return 'order_mismatch';
  if (holderCode !== l.shareholder_account) return 'account_mismatch';
  if (o.status !== 'open' && o.status !== 'partially_filled') return 'order_closed';
  if (l.quantity > Number(o.quantity) - Number(o.filled_quantity)) return 'overfill';
  if (o.side === 'buy' ? new Decimal(l.price).gt(o.price) : new Decimal(l.price).lt(o.price))
    return 'price_beyond_limit';
  return null;
}

/**
 * 成交数据转换 + 成交配对: imports a trade-report file for the open business date. Each line is
 * matched to its order and recorded with its fill in its own transaction; a line already imported
 * (same market and trade id) adds nothing; lines that do not match are listed with the reason.
 */
export async function importTradeReport(db: Db, actor: Actor, scope: number | null, text: string, source: string) {
  const { lines, problems } = parseTradeReport(text);
  const unmatched: Unmatched[] = problems.map((p) => ({ line: p.line, reason: `format_${p.reason}`, text: p.text }));
  const date = await businessDate(db);
  let recorded = 0;
  let duplicates = 0;
  for (const l of lines) {
    const outcome = await inTransaction(db, async (trx) => {
      if (
        await trx
          .selectFrom('trades')
          .select('id')
          .where('market', '=', l.market)
          .where('trade_no', '=', l.trade_id)
          .executeTakeFirst()
      )
        return 'duplicate';
      const { rows } =
        await sql<OrderRow>`SELECT * FROM orders WHERE order_no = ${l.order_no} ${scope === null ? sql`` : sql`AND branch_id = ${scope}`} FOR UPDATE`.execute(
          trx,
        );
      const o = rows[0];
      const holder = o
        ? await trx
            .selectFrom('shareholder_accounts')
            .select('code')
            .where('id', '=', o.shareholder_account_id)
            .executeTakeFirst()
        : undefined;
      const why = mismatch(o, l, holder?.code, date);
      if (why) return why;
      const client = await trx
        .selectFrom('clients')
        .select(['client_class', 'client_no'])
        .where('id', '=', o!.client_id)
        .executeTakeFirstOrThrow();
      await applyFill(trx, actor, o!, l, client, holder!.code, source);
      return 'recorded';
    });
    if (outcome === 'recorded') recorded++;
    else if (outcome === 'duplicate') duplicates++;
    else unmatched.push({ line: l.line, trade_id: l.trade_id, reason: outcome });
  }
  // the import itself is on record (成交数据转换): the day-end pre-check asks whether the day's report came in
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('trade_report_imports')
      .values({
        business_date: date,
        source: source.slice(0, 200),
        branch_id: scope,
        lines: lines.length + problems.length,
        recorded,
        duplicates,
        unmatched: unmatched.length,
        operator_id: actor.operator_id,
        created_at: actor.at,
      })
      .execute();
    await audit(trx, actor, {
      action: 'import',
      resource: 'trades',
      detail: `${source}: ${recorded} recorded, ${duplicates} already imported, ${unmatched.length} unmatched`,
    });
  });
  return { lines: lines.length + problems.length, recorded, duplicates, unmatched };
}

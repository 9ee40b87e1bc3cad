import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { FEE_ITEMS, resolveSchedules, type FeeItem, type Side } from '../fees/fees.calc.js';
import { schedulesInForce } from '../fees/fees.service.js';

/** The facts that decide which schedules govern a trade (the fee key); client_no only where a client schedule exists. */
interface FeeKey {
  side: Side;
  market: string;
  type: string;
  board: string;
  client_class: string;
  client_no: string;
}

/**
 * 成交清算, set-based: every trade of the day gets its fees from the schedules in force on its
 * date. Which schedule governs is decided once per distinct fee key by `resolveSchedules` — the
 * resolution the order estimate and the trade import use — and the per-trade arithmetic of
 * `computeFees` (amount = price × quantity; each item amount × rate, half-up to the cent;
 * commission at least its minimum, none on a zero amount) runs in one UPDATE, which writes only
 * the trades whose stored figures differ. Returns the trades cleared and the ones corrected.
 */
export async function clearTrades(trx: Db, date: string) {
  const schedules = await schedulesInForce(trx, date);
  const clientScoped = JSON.stringify([
    ...new Set(schedules.filter((s) => s.scope === 'client').map((s) => s.scope_value)),
  ]);
  // the clients with a schedule of their own: a small table joined on equality (hashable), not a
  // subquery per trade
  const scoped = sql`cs AS MATERIALIZED (SELECT DISTINCT value AS client_no FROM jsonb_array_elements_text(${clientScoped}::jsonb))`;
  const { rows: keys } = await sql<FeeKey>`
    WITH ${scoped}
    SELECT DISTINCT t.side, t.market, s.type, s.board, c.client_class, coalesce(cs.client_no, '') AS client_no
    FROM trades t JOIN securities s ON s.id = t.security_id JOIN clients c ON c.id = t.client_id LEFT JOIN cs ON cs.client_no = c.client_no
    WHERE t.business_date = ${date}`.execute(trx);
  const rates = keys.map((k) => {
    const picked = resolveSchedules(schedules, {
      date,
      side: k.side,
      market: k.market,
      security_type: k.type,
      board: k.board,
      client_class: k.client_class,
      client_id: k.client_no || null,
    });
    const item = (i: FeeItem) => picked[i] ?? null;
    return {
      ...k,
      ...Object.fromEntries(FEE_ITEMS.map((i) => [`${i}_rate`, item(i)?.rate ?? null])),
      commission_min: item('commission')?.min_fee ?? '0',
    };
  });
  const fee = (item: FeeItem) => sql.raw(`coalesce(round(f.amount * f.${item}_rate, 2), 0)`);
  const { rows } = await sql<{ cleared: number; corrected: number }>`
    WITH ${scoped},
    k AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rates)}::jsonb) AS x(side text, market text, type text, board text, client_class text, client_no text,
        commission_rate numeric, stamp_duty_rate numeric, transfer_fee_rate numeric, handling_fee_rate numeric, regulatory_fee_rate numeric, commission_min numeric)
    ),
    -- each trade's facts first, then its rates by the fee key: a hash join on the key, whatever
    -- the planner guesses of the day's row count
    tf AS MATERIALIZED (
      SELECT t.id, t.side, t.market, s.type, s.board, c.client_class, coalesce(cs.client_no, '') AS client_no, round(t.price * t.quantity, 2) AS amount
      FROM trades t JOIN securities s ON s.id = t.security_id JOIN clients c ON c.id = t.client_id LEFT JOIN cs ON cs.client_no = c.client_no
      WHERE t.business_date = ${date}
    ),
    f AS (
      SELECT tf.id, tf.side, tf.amount,
        k.commission_rate, k.stamp_duty_rate, k.transfer_fee_rate, k.handling_fee_rate, k.regulatory_fee_rate, k.commission_min
      FROM tf JOIN k ON k.side = tf.side AND k.market = tf.market AND k.type = tf.type AND k.board = tf.board AND k.client_class = tf.client_class AND k.client_no = tf.client_no
    ),
    g AS (
      SELECT f.id, f.side, f.amount,
        CASE WHEN f.commission_rate IS NULL OR f.amount = 0 THEN 0 ELSE greatest(round(f.amount * f.commission_rate, 2), f.commission_min) END AS commission,
        ${fee('stamp_duty')} AS stamp_duty, ${fee('transfer_fee')} AS transfer_fee, ${fee('handling_fee')} AS handling_fee, ${fee('regulatory_fee')} AS regulatory_fee
      FROM f
    ),
    n AS (
      SELECT g.*, CASE WHEN g.side = 'buy' THEN g.amount + g.commission + g.stamp_duty + g.transfer_fee
                       ELSE g.amount - g.commission - g.stamp_duty - g.transfer_fee END AS net_amount
      FROM g
    ),
    upd AS (
      UPDATE trades t SET amount = n.amount, commission = n.commission, stamp_duty = n.stamp_duty, transfer_fee = n.transfer_fee,
             handling_fee = n.handling_fee, regulatory_fee = n.regulatory_fee, net_amount = n.net_amount
      FROM n
      WHERE t.id = n.id AND (t.amount, t.commission, t.stamp_duty, t.transfer_fee, t.handling_fee, t.regulatory_fee, t.net_amount)
            IS DISTINCT FROM (n.amount, n.commission, n.stamp_duty, n.transfer_fee, n.handling_fee, n.regulatory_fee, n.net_amount)
      RETURNING t.id
    )
    SELECT (SELECT count(*)::int FROM n) AS cleared, (SELECT count(*)::int FROM upd) AS corrected`.execute(trx);
  return { ...rows[0]!, keys: keys.length };
}

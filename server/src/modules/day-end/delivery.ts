import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { postSet } from '../ledger/ledger.batch.js';
import { movePositionsSet } from '../orders/positions.batch.js';

/**
 * 交割: the day's cleared trades settle, set-based. Cash: one journal entry per fund account,
 * market and seat — sells' net proceeds minus buys' net cost — which also releases what the
 * traded buy orders froze. Holdings: per position, the day's sells leave (out of the frozen
 * shares their orders held, cost reduced in proportion) and the day's buys arrive (not sellable
 * before the next trading day, at their net cost).
 */
export async function deliver(trx: Db, actor: Actor, date: string) {
  const cash = await postSet(
    trx,
    actor,
    date,
    '交割',
    sql`
    SELECT o.fund_account_id AS account_id, t.market || ' ' || t.seat_no AS seq,
      CASE WHEN sum(CASE WHEN t.side = 'sell' THEN t.net_amount ELSE -t.net_amount END) < 0 THEN 'trade_buy'
           WHEN sum(CASE WHEN t.side = 'sell' THEN t.net_amount ELSE -t.net_amount END) > 0 THEN 'trade_sell' ELSE 'unfreeze' END AS type,
      sum(CASE WHEN t.side = 'sell' THEN t.net_amount ELSE -t.net_amount END) AS amount,
      -coalesce(max(fr.frozen), 0) AS frozen_delta,
      CASE WHEN coalesce(max(fr.frozen), 0) <> 0 THEN 'same_day' END AS freeze_kind, NULL AS bank_code,
      '交割 ' || t.market || ' ' || t.seat_no || ' 成交 ' || count(*) || ' 笔' AS reference
    FROM trades t JOIN orders o ON o.id = t.order_id
    LEFT JOIN (SELECT fund_account_id, market, seat_no, sum(frozen_cash) AS frozen FROM orders
               WHERE business_date = ${date} AND filled_quantity > 0 AND frozen_cash > 0 GROUP BY fund_account_id, market, seat_no) fr
      ON fr.fund_account_id = o.fund_account_id AND fr.market = t.market AND fr.seat_no = t.seat_no
    WHERE t.business_date = ${date}
    GROUP BY o.fund_account_id, t.market, t.seat_no`,
  );
  await sql`UPDATE orders SET frozen_cash = 0, version = version + 1 WHERE business_date = ${date} AND filled_quantity > 0 AND frozen_cash > 0`.execute(
    trx,
  );

  // holdings the client already has (or had): moved through the position journal
  const held = await movePositionsSet(
    trx,
    actor,
    date,
    '交割',
    sql`
    SELECT p.id AS position_id, CASE WHEN t.side = 'sell' THEN 1 ELSE 2 END AS seq, t.side AS type,
      CASE WHEN t.side = 'buy' THEN sum(t.quantity) ELSE -sum(t.quantity) END AS quantity_delta,
      CASE WHEN t.side = 'sell' THEN -sum(t.quantity) ELSE 0 END AS frozen_delta,
      CASE WHEN t.side = 'buy' THEN sum(t.quantity) ELSE 0 END AS today_bought_delta,
      CASE WHEN t.side = 'buy' THEN sum(t.net_amount) ELSE -coalesce(round(p.cost * sum(t.quantity)::numeric / nullif(p.quantity, 0), 2), 0) END AS cost_delta,
      '交割 成交 ' || count(*) || ' 笔' AS reference, NULL::bigint AS order_id
    FROM trades t JOIN orders o ON o.id = t.order_id
    JOIN positions p ON p.shareholder_account_id = o.shareholder_account_id AND p.security_id = o.security_id
    WHERE t.business_date = ${date}
    GROUP BY p.id, p.cost, p.quantity, t.side`,
  );
  // securities new to the client: the holding is created as bought, with its journal entry (its cost the entry's)
  const { rows } = await sql<{ n: number }>`
    WITH b AS (
      SELECT o.client_id, o.shareholder_account_id, o.security_id, o.branch_id, sum(t.quantity) AS quantity, sum(t.net_amount) AS cost, count(*) AS trades
      FROM trades t JOIN orders o ON o.id = t.order_id
      WHERE t.business_date = ${date} AND t.side = 'buy'
        AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.shareholder_account_id = o.shareholder_account_id AND p.security_id = o.security_id)
      GROUP BY o.client_id, o.shareholder_account_id, o.security_id, o.branch_id
    ),
    created AS (
      INSERT INTO positions (client_id, shareholder_account_id, security_id, quantity, today_bought, cost, branch_id, updated_at)
      SELECT client_id, shareholder_account_id, security_id, quantity, quantity, cost, branch_id, ${actor.at}::timestamptz FROM b
      RETURNING id, shareholder_account_id, security_id, quantity, cost, branch_id
    ),
    journal AS (
      INSERT INTO position_journal (business_date, position_id, type, quantity_delta, frozen_delta, quantity_after, frozen_after, cost_delta, reference, order_id, operator_id, branch_id, created_at)
      SELECT ${date}::date, c.id, 'buy', c.quantity, 0, c.quantity, 0, c.cost, '交割 成交 ' || b.trades || ' 笔', NULL, ${actor.operator_id}::bigint, c.branch_id, ${actor.at}::timestamptz
      FROM created c JOIN b ON b.shareholder_account_id = c.shareholder_account_id AND b.security_id = c.security_id
      ORDER BY c.id
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM journal`.execute(trx);
  const created = rows[0]!.n;
  if (created > 0)
    await audit(trx, actor, {
      action: 'move_set',
      resource: 'positions',
      detail: `${date} 交割: 新建持仓 ${created} 个`,
    });
  const holdings = { entries: held.entries + created, positions: held.positions + created };
  return { cash, holdings };
}

/**
 * 解冻: orders still open at day-end expire; what unfilled buys froze returns to available cash
 * (one entry per account), unfilled sells' shares return to sellable, and same-day cash freezes
 * still held (manual 当日冻结) are released.
 */
export async function expireOrders(trx: Db, actor: Actor, date: string) {
  const cash = await postSet(
    trx,
    actor,
    date,
    '日终解冻',
    sql`
    SELECT fund_account_id AS account_id, 0 AS seq, 'unfreeze' AS type, 0::numeric AS amount, -sum(frozen_cash) AS frozen_delta,
      'same_day' AS freeze_kind, NULL AS bank_code, '日终解冻 未成交委托 ' || count(*) || ' 笔' AS reference
    FROM orders WHERE business_date = ${date} AND status IN ('open', 'partially_filled') AND side = 'buy' AND frozen_cash > 0
    GROUP BY fund_account_id`,
  );
  const shares = await movePositionsSet(
    trx,
    actor,
    date,
    '日终解冻',
    sql`
    SELECT p.id AS position_id, 0 AS seq, 'unfreeze' AS type, 0::bigint AS quantity_delta, -sum(o.quantity - o.filled_quantity) AS frozen_delta,
      0::bigint AS today_bought_delta, 0::numeric AS cost_delta, '日终解冻 未成交委托 ' || count(*) || ' 笔' AS reference, NULL::bigint AS order_id
    FROM orders o JOIN positions p ON p.shareholder_account_id = o.shareholder_account_id AND p.security_id = o.security_id
    WHERE o.business_date = ${date} AND o.status IN ('open', 'partially_filled') AND o.side = 'sell'
    GROUP BY p.id`,
  );
  const expired =
    await sql`UPDATE orders SET status = 'expired', frozen_cash = 0, version = version + 1 WHERE business_date = ${date} AND status IN ('open', 'partially_filled')`.execute(
      trx,
    );
  const sameDay = await postSet(
    trx,
    actor,
    date,
    '日终解除当日冻结',
    sql`
    SELECT account_id, 0 AS seq, 'unfreeze' AS type, 0::numeric AS amount, -sum(frozen_delta) AS frozen_delta, 'same_day' AS freeze_kind, NULL AS bank_code, '日终解除当日冻结' AS reference
    FROM fund_journal WHERE business_date = ${date} AND freeze_kind = 'same_day' GROUP BY account_id HAVING sum(frozen_delta) > 0`,
  );
  return { orders: Number(expired.numAffectedRows ?? 0), cash, shares, sameDay };
}

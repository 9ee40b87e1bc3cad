import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import { audit, type Actor } from '../audit/audit.service.js';

/**
 * Set-based holding movements, the position journal's counterpart of `postSet` (day-end delivery
 * and expiry of sell orders): one journal row per entry with running quantity and frozen and the
 * entry's change of cost (so cost at a past date = cost − Σ cost_delta after it), the positions'
 * totals in the same statement, one audit row. `entries` yields position_id, seq, type,
 * quantity_delta, frozen_delta, today_bought_delta, cost_delta, reference, order_id; the
 * positions' CHECKs refuse any result that breaks an invariant.
 */
export async function movePositionsSet(
  trx: Db,
  actor: Actor,
  date: string,
  what: string,
  entries: RawBuilder<unknown>,
) {
  const { rows } = await sql<{ entries: number; positions: number }>`
    WITH e AS (${entries}),
    ins AS (
      INSERT INTO position_journal (business_date, position_id, type, quantity_delta, frozen_delta, quantity_after, frozen_after, cost_delta, reference, order_id, operator_id, branch_id, created_at)
      SELECT ${date}::date, e.position_id, e.type, e.quantity_delta, e.frozen_delta,
             p.quantity + sum(e.quantity_delta) OVER w, p.frozen + sum(e.frozen_delta) OVER w, e.cost_delta,
             e.reference, e.order_id, ${actor.operator_id}::bigint, p.branch_id, ${actor.at}::timestamptz
      FROM e JOIN positions p ON p.id = e.position_id
      WHERE e.quantity_delta <> 0 OR e.frozen_delta <> 0 OR e.cost_delta <> 0
      WINDOW w AS (PARTITION BY e.position_id ORDER BY e.seq ROWS UNBOUNDED PRECEDING)
      ORDER BY e.position_id, e.seq
      RETURNING position_id
    ),
    upd AS (
      UPDATE positions p SET quantity = p.quantity + s.q, frozen = p.frozen + s.f, today_bought = p.today_bought + s.b, cost = p.cost + s.c,
             version = p.version + 1, updated_at = ${actor.at}::timestamptz
      FROM (SELECT position_id, sum(quantity_delta) AS q, sum(frozen_delta) AS f, sum(today_bought_delta) AS b, sum(cost_delta) AS c FROM e GROUP BY position_id) s
      WHERE p.id = s.position_id
      RETURNING p.id
    )
    SELECT (SELECT count(*)::int FROM ins) AS entries, (SELECT count(*)::int FROM upd) AS positions`.execute(trx);
  const r = rows[0]!;
  if (r.entries > 0)
    await audit(trx, actor, {
      action: 'move_set',
      resource: 'positions',
      detail: `${date} ${what}: ${r.entries} 笔, ${r.positions} 个持仓`,
    });
  return r;
}

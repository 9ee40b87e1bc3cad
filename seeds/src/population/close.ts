import { sql } from 'kysely';
import type { Db } from '../../../server/src/db/connect.js';
import type { Actor } from '../../../server/src/modules/audit/audit.service.js';
import { postSet } from '../../../server/src/modules/ledger/ledger.batch.js';
import { annualRate, baseBefore, lastTradingDayBefore } from '../../../server/src/modules/day-end/interest.js';
import { draw, type Streams } from './draws.js';
import { CLOSING } from './profile.js';

/**
 * 销户 of dormant clients on a business date, as the counter does it one by one: only a normal
 * client with nothing held, nothing frozen, no cash left and its interest settled may close, so a
 * candidate is first paid the interest it is due (销户结息, settleClosingInterest: the accrual
 * base brought forward to the day before, base × rate / 360 half-up to the cent, posted as an
 * 'interest' entry, the base restarted), then its remaining cash (less than CLOSING.maxCash plus
 * that interest, all of it withdrawable) is paid out with a withdrawal entry — both through the
 * ledger's set-based posting; then its accounts and shareholder accounts close and the client gets
 * status 'closed' and closed_on. One audit row per account settled and per client closed
 * (settle_interest, status_closed, as the services write) plus each posting batch's own.
 *
 * Candidates are found by walking client ids from a point drawn for the day (the index on the
 * primary key), so picking a handful among millions costs a handful of index reads.
 */
export async function closeDormantClients(
  trx: Db,
  opts: { streams: Streams; date: string; count: number; branchId: number; actor: Actor },
): Promise<{ closed: number; withdrawals: number; amount: string }> {
  const { date, count, branchId, actor } = opts;
  if (count <= 0) return { closed: 0, withdrawals: 0, amount: '0.00' };
  const eligible = sql`
    c.branch_id = ${branchId}::bigint AND c.status = 'normal' AND c.opened_on <= ${date}::date - ${CLOSING.minAgeDays}::int
    AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.client_id = c.id AND (p.quantity <> 0 OR p.frozen <> 0))
    AND NOT EXISTS (SELECT 1 FROM fund_accounts a WHERE a.client_id = c.id
                    AND (a.status <> 'active' OR a.frozen <> 0 OR a.unwithdrawable <> 0 OR a.balance < 0 OR a.balance >= ${CLOSING.maxCash}::numeric))
    AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.client_id = c.id AND o.business_date > ${date}::date - ${CLOSING.dormantDays}::int)`;
  const { rows: span } = await sql<{
    lo: number | null;
    hi: number | null;
  }>`SELECT min(id) AS lo, max(id) AS hi FROM clients WHERE branch_id = ${branchId}::bigint`.execute(trx);
  if (span[0]!.lo === null) return { closed: 0, withdrawals: 0, amount: '0.00' };
  const { rows: start } = await sql<{
    id: number;
  }>`SELECT (${span[0]!.lo}::bigint + floor(${draw(opts.streams, 0, sql`1`)} * ${span[0]!.hi! - span[0]!.lo + 1}::bigint))::bigint AS id`.execute(
    trx,
  );
  const from = start[0]!.id;
  const pick = async (where: ReturnType<typeof sql>, limit: number) =>
    (
      await sql<{
        id: number;
      }>`SELECT c.id FROM clients c WHERE ${where} AND ${eligible} ORDER BY c.id LIMIT ${limit}::int`.execute(trx)
    ).rows.map((r) => Number(r.id));
  let ids = await pick(sql`c.id >= ${from}::bigint`, count);
  if (ids.length < count) ids = [...ids, ...(await pick(sql`c.id < ${from}::bigint`, count - ids.length))];
  if (!ids.length) return { closed: 0, withdrawals: 0, amount: '0.00' };

  // lock, then keep only those still eligible: a posting may have come in meanwhile
  await sql`SELECT id FROM fund_accounts WHERE client_id = ANY(${ids}::bigint[]) ORDER BY id FOR UPDATE`.execute(trx);
  ids = (
    await sql<{
      id: number;
    }>`SELECT c.id FROM clients c WHERE c.id = ANY(${ids}::bigint[]) AND ${eligible} ORDER BY c.id FOR UPDATE`.execute(
      trx,
    )
  ).rows.map((r) => Number(r.id));
  if (!ids.length) return { closed: 0, withdrawals: 0, amount: '0.00' };

  const rate = await annualRate(trx);
  const { rows: day } = await sql<{ through: string }>`SELECT ${lastTradingDayBefore(date)}::text AS through`.execute(
    trx,
  );
  const through = day[0]!.through;
  const settled = await sql<{ id: number; account_no: string; base: string; interest: string; before: unknown }>`
    SELECT a.id, a.account_no, ${baseBefore(date)} AS base, round(${baseBefore(date)} * ${rate}::numeric / 360, 2) AS interest,
      jsonb_build_object('interest_base', a.interest_base, 'interest_accrued_to', a.interest_accrued_to, 'interest_settled_to', a.interest_settled_to) AS before
    FROM fund_accounts a WHERE a.client_id = ANY(${ids}::bigint[]) AND a.status = 'active' ORDER BY a.id`.execute(trx);
  await postSet(
    trx,
    actor,
    date,
    '销户结息',
    sql`
    SELECT a.id AS account_id, 0 AS seq, 'interest' AS type, round(${baseBefore(date)} * ${rate}::numeric / 360, 2) AS amount, 0::numeric AS frozen_delta,
      NULL AS freeze_kind, NULL AS bank_code, ${`销户结息 ${through}`} AS reference
    FROM fund_accounts a WHERE a.client_id = ANY(${ids}::bigint[]) AND a.status = 'active'`,
  );
  await sql`UPDATE fund_accounts SET interest_base = 0, interest_accrued_to = ${through}::date, interest_settled_to = ${through}::date
    WHERE client_id = ANY(${ids}::bigint[]) AND status = 'active'`.execute(trx);
  await sql`
    INSERT INTO audit_log (at, operator_id, username, branch_id, ip, request_id, action, resource, record_id, before, after, detail)
    SELECT ${actor.at}::timestamptz, ${actor.operator_id}::bigint, ${actor.username}, ${actor.branch_id}::bigint, ${actor.ip}, ${actor.request_id}, 'settle_interest', 'fund_accounts', s.id::text,
      s.before, jsonb_build_object('interest_base', 0, 'interest_accrued_to', ${through}::text, 'interest_settled_to', ${through}::text),
      '销户结息 ' || s.account_no || ' 至 ' || ${through}::text || '：积数 ' || s.base || ' × ' || ${rate}::text || ' / 360 = ' || s.interest
    FROM jsonb_to_recordset(${JSON.stringify(settled.rows)}::jsonb) AS s(id bigint, account_no text, base numeric, interest numeric, before jsonb)
    ORDER BY s.id`.execute(trx);
  const paid = await postSet(
    trx,
    actor,
    date,
    '销户取款',
    sql`
    SELECT id AS account_id, 0 AS seq, 'withdrawal' AS type, -balance AS amount, 0::numeric AS frozen_delta, NULL AS freeze_kind, NULL AS bank_code, '销户取款' AS reference
    FROM fund_accounts WHERE client_id = ANY(${ids}::bigint[]) AND balance > 0`,
  );
  await sql`UPDATE fund_accounts SET status = 'closed', version = version + 1, updated_at = ${actor.at}::timestamptz WHERE client_id = ANY(${ids}::bigint[])`.execute(
    trx,
  );
  await sql`UPDATE shareholder_accounts SET status = 'closed', version = version + 1, updated_at = ${actor.at}::timestamptz WHERE client_id = ANY(${ids}::bigint[]) AND status <> 'closed'`.execute(
    trx,
  );
  await sql`UPDATE clients SET status = 'closed', closed_on = ${date}::date, version = version + 1, updated_at = ${actor.at}::timestamptz WHERE id = ANY(${ids}::bigint[])`.execute(
    trx,
  );
  await sql`
    INSERT INTO audit_log (at, operator_id, username, branch_id, ip, request_id, action, resource, record_id, before, after, detail)
    SELECT ${actor.at}::timestamptz, ${actor.operator_id}::bigint, ${actor.username}, ${actor.branch_id}::bigint, ${actor.ip}, ${actor.request_id}, 'status_closed', 'clients', id::text,
      '{"status":"normal"}'::jsonb, '{"status":"closed"}'::jsonb, '销户（沉寂客户）'
    FROM unnest(${ids}::bigint[]) AS id ORDER BY id`.execute(trx);
  return { closed: ids.length, withdrawals: paid.entries, amount: paid.amount };
}

import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import { audit, type Actor } from '../audit/audit.service.js';

/**
 * Set-based postings, for day-end (delivery netted per client, market and seat; expiry of order
 * freezes; interest): the same journal rows, running balances, account totals and audit as
 * single postings, written by three statements instead of one round trip per entry. `entries`
 * yields one row per posting: account_id, seq (orders an account's entries), type, amount,
 * frozen_delta, freeze_kind, bank_code, reference. Entries that move nothing are dropped. The caller holds
 * the business date (day-end does), so no single posting runs alongside; the accounts' CHECKs
 * still refuse any result that breaks an invariant, aborting the caller's transaction.
 */
export async function postSet(trx: Db, actor: Actor, date: string, what: string, entries: RawBuilder<unknown>) {
  const { rows } = await sql<{ entries: number; accounts: number; amount: string | null }>`
    WITH e AS (${entries}),
    ins AS (
      INSERT INTO fund_journal (business_date, account_id, type, amount, frozen_delta, balance_after, frozen_after, freeze_kind, bank_code, reference, operator_id, branch_id, created_at)
      SELECT ${date}::date, e.account_id, e.type, e.amount, e.frozen_delta,
             a.balance + sum(e.amount) OVER w, a.frozen + sum(e.frozen_delta) OVER w,
             e.freeze_kind, e.bank_code, e.reference, ${actor.operator_id}::bigint, a.branch_id, ${actor.at}::timestamptz
      FROM e JOIN fund_accounts a ON a.id = e.account_id
      WHERE e.amount <> 0 OR e.frozen_delta <> 0
      WINDOW w AS (PARTITION BY e.account_id ORDER BY e.seq ROWS UNBOUNDED PRECEDING)
      ORDER BY e.account_id, e.seq
      RETURNING account_id, amount, frozen_delta
    ),
    upd AS (
      UPDATE fund_accounts a SET balance = a.balance + s.amount, frozen = a.frozen + s.frozen, version = a.version + 1, updated_at = ${actor.at}::timestamptz
      FROM (SELECT account_id, sum(amount) AS amount, sum(frozen_delta) AS frozen FROM ins GROUP BY account_id) s
      WHERE a.id = s.account_id
      RETURNING a.id
    )
    SELECT (SELECT count(*)::int FROM ins) AS entries, (SELECT count(*)::int FROM upd) AS accounts, (SELECT sum(amount) FROM ins) AS amount`.execute(
    trx,
  );
  const r = { entries: rows[0]!.entries, accounts: rows[0]!.accounts, amount: rows[0]!.amount ?? '0' };
  if (r.entries > 0)
    await audit(trx, actor, {
      action: 'post_set',
      resource: 'fund_journal',
      detail: `${date} ${what}: ${r.entries} 笔, ${r.accounts} 户, 净额 ${r.amount}`,
    });
  return r;
}

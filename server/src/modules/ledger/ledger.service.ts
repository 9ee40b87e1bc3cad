import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError, badRequest, isUniqueViolation, notFound } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { submitApproval, type Applier } from '../approvals/approvals.service.js';
import {
  post,
  reverse,
  OUTFLOW_TYPES,
  type AccountState,
  type PostingType,
  type LedgerProblem,
} from './ledger.calc.js';
import { Decimal } from 'decimal.js';

export interface PostingRequest {
  account_id: number;
  type: PostingType;
  amount: string;
  reference?: string;
  bank_code?: string | null;
  freeze_kind?: 'same_day' | 'long_term' | null;
  idempotency_key: string;
}

const PROBLEM_FIELD: Record<LedgerProblem, string> = {
  amount_not_positive: 'amount',
  amount_precision: 'amount',
  insufficient_withdrawable: 'amount',
  insufficient_available: 'amount',
  insufficient_frozen: 'amount',
  reversal_breaks_balance: 'id',
};

/** The open business date (system parameter, rolled only by day-end): every posting is dated on it. */
export async function businessDate(db: Db): Promise<string> {
  // FOR SHARE: while day-end holds the date, postings wait for it and then date on the next day
  const { rows } = await sql<{
    value: string;
  }>`SELECT value FROM system_params WHERE key = 'business_date' FOR SHARE`.execute(db);
  return rows[0]!.value;
}

const requestHash = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/**
 * Runs a money request once per idempotency key: a replay with the same payload returns the
 * first answer and posts nothing; the same key with another payload is a 409.
 */
export async function once<T>(
  db: Db,
  actor: Actor,
  clientKey: string,
  payload: unknown,
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  // keys are the client's: one operator's key never answers for another's request
  const key = `${actor.operator_id}:${clientKey}`;
  const hash = requestHash(payload);
  const replay = async () => {
    const prior = (await db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst()) as
      | { request_hash: string; response: T }
      | undefined;
    if (!prior) return undefined;
    if (prior.request_hash !== hash) throw new AppError(409, 'IDEMPOTENCY_CONFLICT', 'idempotency_conflict');
    return prior.response;
  };
  const prior = await replay();
  if (prior !== undefined) return prior;
  try {
    return await inTransaction(db, async (trx) => {
      const result = await fn(trx);
      await sql`INSERT INTO idempotency_keys (key, operator_id, request_hash, response, status, created_at) VALUES (${key}, ${actor.operator_id}, ${hash}, ${JSON.stringify(result)}, 200, ${actor.at})`.execute(
        trx,
      );
      return result;
    });
  } catch (e) {
    // a concurrent request with the same key committed first: answer as it did
    if (isUniqueViolation(e, 'idempotency_keys_pkey')) {
      const r = await replay();
      if (r !== undefined) return r;
    }
    throw e;
  }
}

interface LockedAccount extends AccountState {
  id: number;
  client_id: number;
  branch_id: number;
  status: string;
  client_status: string;
}

/** Locks an account row for the rest of the transaction (concurrent postings queue here). */
async function lockAccount(db: Db, accountId: number, scope: number | null): Promise<LockedAccount> {
  const { rows } = await sql<LockedAccount>`
    SELECT a.id, a.client_id, a.branch_id, a.status, a.balance, a.frozen, a.unwithdrawable, a.credit_line, c.status AS client_status
    FROM fund_accounts a JOIN clients c ON c.id = a.client_id
    WHERE a.id = ${accountId} ${scope === null ? sql`` : sql`AND a.branch_id = ${scope}`}
    FOR UPDATE OF a`.execute(db);
  const a = rows[0];
  if (!a) throw notFound();
  return a;
}

/** A closed account (销户) takes no posting, a same-day reversal included. */
function checkOpen(acct: { status: string; client_status: string }) {
  if (acct.status !== 'active' || acct.client_status === 'closed')
    throw badRequest({ account_id: { key: 'account_closed' } });
}

async function singleLimit(db: Db, type: PostingType): Promise<string | null> {
  const key =
    type === 'deposit' || type === 'bank_in'
      ? 'single_deposit_limit'
      : (OUTFLOW_TYPES as readonly string[]).includes(type)
        ? 'single_withdrawal_limit'
        : null;
  if (!key) return null;
  const row = await db.selectFrom('system_params').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/**
 * The ledger service: the only way money moves (DOMAIN.md §3.3). Checks the client, the amount,
 * the limits and the account's invariants, then writes the journal entry, the new balances and
 * the audit row in one transaction.
 */
export async function postEntry(db: Db, actor: Actor, scope: number | null, req: PostingRequest) {
  return once(db, actor, req.idempotency_key, { op: 'post', ...req }, (trx) =>
    postInTransaction(trx, actor, scope, req, { byHand: true }),
  );
}

/**
 * What of an account's frozen cash a teller may not release by hand (DOMAIN.md §3.2–3.3): the
 * cash its buy orders of the open day hold (what they can cost, or what their fills will cost at
 * delivery) — the orders' until they are cancelled or day-end releases it — and, for a long-term
 * unfreeze, the open day's same-day freezes too (day-end releases those, so the long-term part is
 * what is left: frozen − max(held by orders, the day's net same-day freezes, orders' included)).
 */
async function frozenFloor(trx: Db, accountId: number, date: string, kind: string | null): Promise<Decimal> {
  const { rows } = await sql<{ held: string; same_day: string }>`
    SELECT (SELECT coalesce(sum(frozen_cash), 0) FROM orders WHERE fund_account_id = ${accountId} AND business_date = ${date} AND side = 'buy') AS held,
           (SELECT coalesce(sum(frozen_delta), 0) FROM fund_journal WHERE account_id = ${accountId} AND business_date = ${date} AND freeze_kind = 'same_day') AS same_day`.execute(
    trx,
  );
  const held = new Decimal(rows[0]!.held);
  return kind === 'long_term' ? Decimal.max(held, rows[0]!.same_day) : held;
}

/**
 * One posting inside the caller's transaction (orders freeze and unfreeze through this): locks
 * the account, checks client, limits and invariants, writes entry + balances + audit row.
 */
export async function postInTransaction(
  trx: Db,
  actor: Actor,
  scope: number | null,
  req: Omit<PostingRequest, 'idempotency_key'>,
  opts: { byHand?: boolean } = {},
) {
  const date = await businessDate(trx);
  const acct = await lockAccount(trx, req.account_id, scope);
  checkOpen(acct);
  const outflow = (OUTFLOW_TYPES as readonly string[]).includes(req.type);
  if (outflow && acct.client_status !== 'normal')
    throw badRequest({ account_id: { key: acct.client_status === 'lost' ? 'client_lost' : 'client_frozen' } });
  if (req.type === 'bank_in' || req.type === 'bank_out') {
    const bank = req.bank_code
      ? await trx.selectFrom('banks').select('status').where('code', '=', req.bank_code).executeTakeFirst()
      : undefined;
    if (bank?.status !== 'active')
      throw badRequest({ bank_code: { key: req.bank_code ? 'unknown_reference' : 'bank_required' } });
  }
  const limit = await singleLimit(trx, req.type);
  if (limit && new Decimal(req.amount).gt(limit))
    throw badRequest({ amount: { key: 'over_single_limit', params: { limit } } });
  const r = post(acct, req.type, req.amount);
  if ('problem' in r)
    throw badRequest({ [PROBLEM_FIELD[r.problem]]: { key: r.problem, params: { amount: req.amount } } });
  // an unfreeze by hand releases only what no order holds (an order's cancel releases its own),
  // a long-term one only the long-term part
  if (
    opts.byHand &&
    req.type === 'unfreeze' &&
    new Decimal(r.state.frozen).lt(await frozenFloor(trx, acct.id, date, req.freeze_kind ?? 'same_day'))
  )
    throw badRequest({ amount: { key: 'insufficient_frozen', params: { amount: req.amount } } });
  return write(trx, actor, acct, date, req.type, r.state, r.effect, {
    reference: req.reference ?? '',
    bank_code: req.bank_code ?? null,
    freeze_kind: req.type === 'freeze' || req.type === 'unfreeze' ? (req.freeze_kind ?? 'same_day') : null,
    reverses_id: null,
  });
}

async function write(
  trx: Db,
  actor: Actor,
  acct: LockedAccount,
  date: string,
  type: string,
  state: AccountState,
  effect: { amount: Decimal; frozen_delta: Decimal },
  extra: { reference: string; bank_code: string | null; freeze_kind: string | null; reverses_id: number | null },
) {
  const { rows } = await sql<Record<string, unknown> & { id: number }>`
    INSERT INTO fund_journal (business_date, account_id, type, amount, frozen_delta, balance_after, frozen_after, freeze_kind, reference, bank_code, reverses_id, operator_id, branch_id, created_at)
    VALUES (${date}, ${acct.id}, ${type}, ${effect.amount.toFixed(2)}, ${effect.frozen_delta.toFixed(2)}, ${state.balance}, ${state.frozen}, ${extra.freeze_kind}, ${extra.reference}, ${extra.bank_code}, ${extra.reverses_id}, ${actor.operator_id}, ${acct.branch_id}, ${actor.at})
    RETURNING *`.execute(trx);
  await sql`UPDATE fund_accounts SET balance = ${state.balance}, frozen = ${state.frozen}, unwithdrawable = ${state.unwithdrawable}, version = version + 1, updated_at = ${actor.at} WHERE id = ${acct.id}`.execute(
    trx,
  );
  const entry = rows[0]!;
  await audit(trx, actor, {
    action: type === 'reversal' ? 'reverse' : 'post',
    resource: 'fund_journal',
    record_id: entry.id,
    after: entry,
  });
  return entry;
}

/** 当日冲销: asks for a same-day reversal of an entry; a second operator approves it (复核). */
export async function requestReversal(db: Db, actor: Actor, scope: number | null, entryId: number, reason: string) {
  const entry = await findEntry(db, scope, entryId);
  await checkReversible(db, entry);
  checkOpen(
    await db
      .selectFrom('fund_accounts as a')
      .innerJoin('clients as c', 'c.id', 'a.client_id')
      .select(['a.status', 'c.status as client_status'])
      .where('a.id', '=', entry.account_id)
      .executeTakeFirstOrThrow(),
  );
  const approval = await submitApproval(db, actor, {
    resource: 'fund_journal',
    operation: 'reverse',
    record_id: String(entryId),
    payload: { entry_id: entryId, reason },
    before: entry,
    summary: reason,
    branch_id: (entry as unknown as { branch_id: number }).branch_id,
  });
  return { approval_id: approval.id };
}

async function findEntry(db: Db, scope: number | null, id: number) {
  let q = db.selectFrom('fund_journal_all').selectAll().where('id', '=', id);
  if (scope !== null) q = q.where('branch_id', '=', scope);
  const entry = (await q.executeTakeFirst()) as
    | {
        id: number;
        account_id: number;
        type: string;
        amount: string;
        frozen_delta: string;
        freeze_kind: string | null;
        business_date: string;
        reverses_id: number | null;
      }
    | undefined;
  if (!entry) throw notFound();
  return entry;
}

async function checkReversible(db: Db, entry: { id: number; type: string; business_date: string }) {
  if (entry.type === 'reversal') throw badRequest({ id: { key: 'reversal_of_reversal' } });
  // 销户结息 restarted the accrual base it paid: taking the interest back would lose that base
  if (entry.type === 'interest') throw badRequest({ id: { key: 'interest_not_reversible' } });
  if (entry.business_date !== (await businessDate(db))) throw badRequest({ id: { key: 'reversal_same_day_only' } });
  const already = await db
    .selectFrom('fund_journal_all')
    .select('id')
    .where('reverses_id', '=', entry.id)
    .executeTakeFirst();
  if (already) throw badRequest({ id: { key: 'already_reversed' } });
}

/** Applies an approved reversal (冲销) of a fund journal entry; registered in approvals/appliers.ts. */
export const fundJournalApplier: Applier = async (db, checker, a) => {
  const entry = await findEntry(db, null, Number(a.payload.entry_id));
  await checkReversible(db, entry);
  const acct = await lockAccount(db, entry.account_id, null);
  checkOpen(acct);
  const r = reverse(acct, entry);
  if ('problem' in r) throw badRequest({ id: { key: r.problem } });
  const date = await businessDate(db);
  // reversing a freeze releases only what an unfreeze of its kind could
  if (
    r.effect.frozen_delta.isNegative() &&
    new Decimal(r.state.frozen).lt(await frozenFloor(db, acct.id, date, entry.freeze_kind))
  )
    throw badRequest({ id: { key: 'reversal_breaks_balance' } });
  // the reversal keeps the entry's freeze kind, so day-end's release of the day's same-day
  // freezes nets a reversed one out (without it, day-end released the cash a second time)
  const written = await write(db, checker, acct, date, 'reversal', r.state, r.effect, {
    reference: `冲销 #${entry.id}: ${a.payload.reason ?? ''}`.slice(0, 200),
    bank_code: null,
    freeze_kind: entry.freeze_kind,
    reverses_id: entry.id,
  });
  return String(written.id);
};

import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { inTransaction } from '../../db/transaction.js';
import { badRequest, fieldError, isUniqueViolation, notFound, stale } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { businessDate, once } from '../ledger/ledger.service.js';
import { annualRate, baseBefore, settleInterest, type Settlement } from '../day-end/interest.js';
import { interestOn } from '../day-end/interest.calc.js';
import { addShareholderAccount } from '../orders/positions.service.js';
import { parseIdNumber } from './id-number.calc.js';

export interface ClientInput {
  name: string;
  phone: string;
  address: string;
  client_class: string;
  client_manager_id: number | null;
  allow_counter: boolean;
  allow_phone: boolean;
  allow_online: boolean;
  agent_name: string;
  agent_id_number: string;
  agent_phone: string;
}

async function checkRefs(db: Db, scope: number | null, input: Partial<ClientInput>) {
  if (input.client_class !== undefined) {
    const ok = await db
      .selectFrom('dictionary')
      .select('id')
      .where('category', '=', 'client_class')
      .where('code', '=', input.client_class)
      .executeTakeFirst();
    if (!ok) throw fieldError('client_class', 'unknown_code', { value: input.client_class });
  }
  if (input.client_manager_id) {
    let q = db.selectFrom('client_managers').select('id').where('id', '=', input.client_manager_id);
    if (scope !== null) q = q.where('branch_id', '=', scope);
    if (!(await q.executeTakeFirst())) throw fieldError('client_manager_id', 'unknown_reference');
  }
  if (input.agent_id_number) {
    const r = parseIdNumber(input.agent_id_number, '9999-12-31');
    if ('problem' in r) throw fieldError('agent_id_number', r.problem);
  }
}

export function findClient(db: Db, scope: number | null, id: number) {
  let q = db.selectFrom('clients as c').selectAll('c').where('c.id', '=', id);
  if (scope !== null) q = q.where('c.branch_id', '=', scope);
  return q.executeTakeFirst();
}

/**
 * 开户: a client is opened by ID number (format, birth date and check digit validated; one client
 * per ID number) with a CNY fund account and the shareholder accounts (股东账户) of the markets
 * asked for, all in one transaction, so a client leaves the counter able to trade; numbers are
 * the branch code + a sequence, shareholder codes the console's (shareholder-code.calc.ts).
 */
export async function openClient(
  db: Db,
  actor: Actor,
  scope: number | null,
  input: ClientInput & { id_number: string; markets?: string[] },
) {
  const { markets = [], ...fields } = input;
  const date = await businessDate(db);
  const id = parseIdNumber(input.id_number, date);
  if ('problem' in id) throw fieldError('id_number', id.problem);
  if (await db.selectFrom('clients').select('id').where('id_number', '=', id.normalized).executeTakeFirst())
    throw fieldError('id_number', 'id_duplicate');
  await checkRefs(db, scope, fields);
  const branchId = actor.branch_id!;
  // a simultaneous opening with the same ID number passes the check above too: the unique index
  // decides, and the loser gets the same 400 (not a 500)
  return inTransaction(db, async (trx) => {
    const branch = await trx.selectFrom('branches').select('code').where('id', '=', branchId).executeTakeFirstOrThrow();
    // serialise numbering per branch
    await sql`SELECT pg_advisory_xact_lock(${7_000_000 + branchId})`.execute(trx);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM clients WHERE branch_id = ${branchId}`.execute(trx);
    const clientNo = `${branch.code}${String(rows[0]!.n + 1).padStart(6, '0')}`;
    const client = await trx
      .insertInto('clients')
      .values({
        ...fields,
        id_number: id.normalized,
        birth_date: id.birth_date,
        gender: id.gender,
        client_no: clientNo,
        branch_id: branchId,
        opened_on: date,
        status: 'normal',
        created_at: actor.at,
        updated_at: actor.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const account = await trx
      .insertInto('fund_accounts')
      .values({
        account_no: `${clientNo}01`,
        client_id: client.id,
        currency: 'CNY',
        branch_id: branchId,
        opened_on: date,
        created_at: actor.at,
        updated_at: actor.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'create', resource: 'clients', record_id: client.id, after: client });
    await audit(trx, actor, { action: 'create', resource: 'fund_accounts', record_id: account.id, after: account });
    const holders = [];
    for (const market of [...new Set(markets)])
      holders.push(await addShareholderAccount(trx, actor, client, market, undefined, { date, field: 'markets' }));
    return { ...client, fund_account_id: account.id, shareholder_accounts: holders };
  }).catch((e: unknown) => {
    if (isUniqueViolation(e, 'clients_id_number_key')) throw fieldError('id_number', 'id_duplicate');
    throw e;
  });
}

export async function updateClient(
  db: Db,
  actor: Actor,
  scope: number | null,
  id: number,
  input: Partial<ClientInput> & { version: number },
) {
  const before = await findClient(db, scope, id);
  if (!before) throw notFound();
  if (before.status === 'closed') throw badRequest({ status: { key: 'client_closed' } });
  await checkRefs(db, scope, input);
  const { version, ...fields } = input;
  return inTransaction(db, async (trx) => {
    const after = await trx
      .updateTable('clients')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), updated_at: actor.at }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw stale();
    await audit(trx, actor, { action: 'update', resource: 'clients', record_id: id, before, after });
    return after;
  });
}

/**
 * Status changes (冻结, 挂失, 恢复正常, 销户). Closing is the last of three steps at the counter
 * (DOMAIN.md §3.4): 销户结息 first (settleClosingInterest: the accrual base brought forward to the
 * day before and its interest posted), then the client takes the whole balance (a withdrawal or a
 * 银证转出), then 销户 — refused while a base is unsettled, cash or frozen cash is left, or
 * shares are held. A refusal posts nothing.
 */
export async function setClientStatus(
  db: Db,
  actor: Actor,
  scope: number | null,
  id: number,
  status: 'normal' | 'frozen' | 'lost' | 'closed',
  version: number,
) {
  const before = await findClient(db, scope, id);
  if (!before) throw notFound();
  if (before.status === 'closed') throw badRequest({ status: { key: 'client_closed' } });
  return inTransaction(db, async (trx) => {
    if (status === 'closed') {
      // lock every account of the client (a posting in flight waits, then finds it closed);
      // PostgreSQL refuses FOR UPDATE on an aggregate, so the rows are read and checked here
      const date = await businessDate(trx);
      const { rows } = await sql<{
        balance: string;
        frozen: string;
        base: string;
      }>`SELECT a.balance, a.frozen, ${baseBefore(date)} AS base FROM fund_accounts a WHERE a.client_id = ${id} FOR UPDATE`.execute(
        trx,
      );
      const unsettled = rows.find((a) => !new Decimal(a.base).isZero());
      if (unsettled)
        throw badRequest({
          status: {
            key: 'close_needs_interest',
            params: { base: unsettled.base, interest: interestOn(unsettled.base, await annualRate(trx)) },
          },
        });
      if (rows.some((a) => !new Decimal(a.balance).isZero() || !new Decimal(a.frozen).isZero()))
        throw badRequest({ status: { key: 'close_needs_zero' } });
      const { rows: held } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM positions WHERE client_id = ${id} AND (quantity <> 0 OR frozen <> 0)`.execute(
        trx,
      );
      if (held[0]!.n > 0) throw badRequest({ status: { key: 'close_needs_no_holdings' } });
      await sql`UPDATE fund_accounts SET status = 'closed', updated_at = ${actor.at} WHERE client_id = ${id}`.execute(
        trx,
      );
    }
    const after = await trx
      .updateTable('clients')
      .set((eb) => ({
        status,
        closed_on:
          status === 'closed' ? sql<string>`(SELECT value::date FROM system_params WHERE key = 'business_date')` : null,
        version: eb('version', '+', 1),
        updated_at: actor.at,
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw stale();
    await audit(trx, actor, {
      action: `status_${status}`,
      resource: 'clients',
      record_id: id,
      before: { status: before.status },
      after: { status },
    });
    return after;
  });
}

/**
 * 销户结息 (DOMAIN.md §3.4): the interest a closing client is due, on every open fund account of
 * theirs — the accrual base brought forward to the day before the open business date, interest =
 * base × annual rate / 360 (half-up to the cent) posted through the ledger as type 'interest', the
 * base restarted — in one transaction with its audit rows, once per idempotency key. The teller
 * then pays the whole balance out (取款 / 银证转出) and closes the account (销户).
 */
export async function settleClosingInterest(
  db: Db,
  actor: Actor,
  scope: number | null,
  id: number,
  idempotencyKey: string,
): Promise<{ client_id: number; business_date: string; accounts: Settlement[] }> {
  const client = await findClient(db, scope, id);
  if (!client) throw notFound();
  if (client.status === 'closed') throw badRequest({ status: { key: 'client_closed' } });
  return once(db, actor, idempotencyKey, { op: 'settle_interest', client_id: id }, async (trx) => {
    const date = await businessDate(trx);
    const rate = await annualRate(trx);
    const accounts = await trx
      .selectFrom('fund_accounts')
      .select('id')
      .where('client_id', '=', id)
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    const settled: Settlement[] = [];
    for (const a of accounts) settled.push(await settleInterest(trx, actor, a.id, date, rate));
    return { client_id: id, business_date: date, accounts: settled };
  });
}

/** A fund account in another currency (B shares settle in USD or HKD), one per client and currency. */
export async function openFundAccount(
  db: Db,
  actor: Actor,
  scope: number | null,
  input: { client_id: number; currency: string },
) {
  const client = await findClient(db, scope, input.client_id);
  if (!client) throw fieldError('client_id', 'unknown_reference');
  if (client.status === 'closed') throw fieldError('client_id', 'client_closed');
  const known = await db
    .selectFrom('dictionary')
    .select('id')
    .where('category', '=', 'currency')
    .where('code', '=', input.currency)
    .executeTakeFirst();
  if (!known) throw fieldError('currency', 'unknown_code', { value: input.currency });
  if (
    await db
      .selectFrom('fund_accounts')
      .select('id')
      .where('client_id', '=', client.id)
      .where('currency', '=', input.currency)
      .executeTakeFirst()
  )
    throw fieldError('currency', 'duplicate', { value: input.currency });
  const suffix = { CNY: '01', USD: '02', HKD: '03' }[input.currency] ?? '09';
  const date = await businessDate(db);
  return inTransaction(db, async (trx) => {
    const account = await trx
      .insertInto('fund_accounts')
      .values({
        account_no: `${client.client_no}${suffix}`,
        client_id: client.id,
        currency: input.currency,
        branch_id: client.branch_id,
        opened_on: date,
        created_at: actor.at,
        updated_at: actor.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'create', resource: 'fund_accounts', record_id: account.id, after: account });
    return account;
  });
}

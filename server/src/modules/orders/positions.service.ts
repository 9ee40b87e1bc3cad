import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connect.js';
import { inTransaction } from '../../db/transaction.js';
import { badRequest, fieldError, isUniqueViolation, notFound } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { businessDate, once } from '../ledger/ledger.service.js';
import { findSecurity, moveFrozenShares } from './orders.service.js';
import { assignedShareholderCode, fitsShareholderFormat, SHAREHOLDER_MARKETS } from './shareholder-code.calc.js';

/**
 * Opens a client's shareholder account on a market inside the caller's transaction, with the
 * code the exchange assigned or, without one, the code the console assigns
 * (shareholder-code.calc.ts); the market must be in the markets table, active, with a code
 * format. One account per client and market, a code once per market. Writes its audit row.
 */
export async function addShareholderAccount(
  trx: Db,
  actor: Actor,
  client: { id: number; branch_id: number },
  market: string,
  code: string | undefined,
  opts: { date: string; field?: string },
) {
  const field = opts.field ?? 'market';
  const known = await trx.selectFrom('markets').select('status').where('code', '=', market).executeTakeFirst();
  if (known?.status !== 'active' || !SHAREHOLDER_MARKETS.includes(market))
    throw fieldError(field, 'shareholder_market_unknown', { market });
  if (code !== undefined && !fitsShareholderFormat(market, code)) throw fieldError('code', 'shareholder_code_format');
  if (
    await trx
      .selectFrom('shareholder_accounts')
      .select('id')
      .where('market', '=', market)
      .where('client_id', '=', client.id)
      .executeTakeFirst()
  )
    throw fieldError(field, 'shareholder_account_exists');
  let assigned = code;
  if (assigned === undefined) {
    // the console's code, past any taken by a code typed in by hand
    for (let attempt = 0; assigned === undefined; attempt++) {
      const candidate = assignedShareholderCode(market, client.id, attempt)!;
      const taken = await trx
        .selectFrom('shareholder_accounts')
        .select('id')
        .where('market', '=', market)
        .where('code', '=', candidate)
        .executeTakeFirst();
      if (!taken) assigned = candidate;
    }
  } else if (
    await trx
      .selectFrom('shareholder_accounts')
      .select('id')
      .where('market', '=', market)
      .where('code', '=', assigned)
      .executeTakeFirst()
  )
    throw fieldError('code', 'duplicate', { value: assigned });
  const row = await trx
    .insertInto('shareholder_accounts')
    .values({
      client_id: client.id,
      market,
      code: assigned,
      branch_id: client.branch_id,
      opened_on: opts.date,
      created_at: actor.at,
      updated_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, actor, { action: 'create', resource: 'shareholder_accounts', record_id: row.id, after: row });
  return row;
}

/**
 * 开股东账户: a client's shareholder account on a market, with the code the exchange assigned,
 * or (no code given) the one the console assigns.
 */
export async function openShareholderAccount(
  db: Db,
  actor: Actor,
  scope: number | null,
  input: { client_id: number; market: string; code?: string },
) {
  let q = db.selectFrom('clients').selectAll().where('id', '=', input.client_id);
  if (scope !== null) q = q.where('branch_id', '=', scope);
  const client = await q.executeTakeFirst();
  if (!client) throw fieldError('client_id', 'unknown_reference');
  if (client.status === 'closed') throw fieldError('client_id', 'client_closed');
  const date = await businessDate(db);
  return inTransaction(db, (trx) =>
    addShareholderAccount(trx, actor, client, input.market, input.code || undefined, { date }),
  ).catch((e: unknown) => {
    // a simultaneous opening of the same account or code: the unique index decides, a 400 not a 500
    if (isUniqueViolation(e, 'shareholder_accounts_client_id_market_key'))
      throw fieldError('market', 'shareholder_account_exists');
    if (isUniqueViolation(e, 'shareholder_accounts_market_code_key'))
      throw fieldError('code', 'duplicate', { value: input.code ?? '' });
    throw e;
  });
}

/**
 * 转托管转入 / 转出: securities move into or out of the branch (custody transfer), journalled in
 * the position journal. Transfer out takes only sellable shares.
 */
export async function transferSecurities(
  db: Db,
  actor: Actor,
  scope: number | null,
  req: {
    shareholder_account_id: number;
    code: string;
    type: 'transfer_in' | 'transfer_out';
    quantity: number;
    cost: string;
    idempotency_key: string;
  },
) {
  const { idempotency_key, ...body } = req;
  return once(db, actor, idempotency_key, { op: 'transfer', ...body }, async (trx) => {
    let q = trx.selectFrom('shareholder_accounts').selectAll().where('id', '=', body.shareholder_account_id);
    if (scope !== null) q = q.where('branch_id', '=', scope);
    const holder = await q.executeTakeFirst();
    if (!holder) throw notFound();
    const security = await findSecurity(trx, body.code, holder.market);
    const date = await businessDate(trx);
    await sql`INSERT INTO positions (client_id, shareholder_account_id, security_id, branch_id) VALUES (${holder.client_id}, ${holder.id}, ${security.id}, ${holder.branch_id}) ON CONFLICT (shareholder_account_id, security_id) DO NOTHING`.execute(
      trx,
    );
    const { rows } = await sql<{ id: number; quantity: number; frozen: number; today_bought: number; cost: string }>`
      SELECT id, quantity, frozen, today_bought, cost FROM positions WHERE shareholder_account_id = ${holder.id} AND security_id = ${security.id} FOR UPDATE`.execute(
      trx,
    );
    const p = rows[0]!;
    const sellable = Number(p.quantity) - Number(p.today_bought) - Number(p.frozen);
    if (body.type === 'transfer_out' && body.quantity > sellable)
      throw badRequest({ quantity: { key: 'insufficient_shares' } });
    const delta = body.type === 'transfer_in' ? body.quantity : -body.quantity;
    const costDelta =
      body.type === 'transfer_in'
        ? body.cost
        : sql<string>`-round(cost * ${body.quantity}::numeric / nullif(quantity, 0), 2)`;
    const { rows: after } = await sql<{ quantity: number; frozen: number; cost: string }>`
      UPDATE positions SET quantity = quantity + ${delta}, cost = cost + ${costDelta}, version = version + 1, updated_at = ${actor.at} WHERE id = ${p.id} RETURNING quantity, frozen, cost`.execute(
      trx,
    );
    // the entry carries the change of cost it made: the cost brought in, or the share of it taken out
    const costChange = new Decimal(after[0]!.cost).minus(p.cost).toFixed(2);
    await sql`INSERT INTO position_journal (business_date, position_id, type, quantity_delta, quantity_after, frozen_after, cost_delta, reference, operator_id, branch_id, created_at)
      VALUES (${date}, ${p.id}, ${body.type}, ${delta}, ${after[0]!.quantity}, ${after[0]!.frozen}, ${costChange}, ${'转托管'}, ${actor.operator_id}, ${holder.branch_id}, ${actor.at})`.execute(
      trx,
    );
    await audit(trx, actor, { action: body.type, resource: 'positions', record_id: p.id, before: p, after: after[0] });
    return { position_id: p.id, quantity: Number(after[0]!.quantity), frozen: Number(after[0]!.frozen) };
  });
}

/**
 * 证券冻结 / 解冻 (e.g. a judicial freeze, a pledge): shares move between sellable and frozen with a
 * journal entry; a freeze takes only sellable shares, an unfreeze only shares not held by open sell orders.
 */
export async function freezeSecurities(
  db: Db,
  actor: Actor,
  scope: number | null,
  req: { position_id: number; type: 'freeze' | 'unfreeze'; quantity: number; reason: string; idempotency_key: string },
) {
  const { idempotency_key, ...body } = req;
  return once(db, actor, idempotency_key, { op: 'securities_freeze', ...body }, async (trx) => {
    const { rows } = await sql<{
      id: number;
      quantity: number;
      frozen: number;
      today_bought: number;
      shareholder_account_id: number;
      security_id: number;
    }>`
      SELECT id, quantity, frozen, today_bought, shareholder_account_id, security_id FROM positions WHERE id = ${body.position_id} ${scope === null ? sql`` : sql`AND branch_id = ${scope}`} FOR UPDATE`.execute(
      trx,
    );
    const p = rows[0];
    if (!p) throw notFound();
    const sellable = Number(p.quantity) - Number(p.today_bought) - Number(p.frozen);
    // shares held by today's sell orders: the unfilled part of open ones and what filled (until delivery)
    const { rows: held } = await sql<{
      n: number;
    }>`SELECT coalesce(sum(CASE WHEN status IN ('open', 'partially_filled', 'filled') THEN quantity ELSE filled_quantity END), 0)::int AS n FROM orders
      WHERE side = 'sell' AND status <> 'expired' AND business_date = (SELECT value::date FROM system_params WHERE key = 'business_date')
        AND shareholder_account_id = ${p.shareholder_account_id} AND security_id = ${p.security_id}`.execute(trx);
    if (body.type === 'freeze' && body.quantity > sellable)
      throw badRequest({ quantity: { key: 'insufficient_shares' } });
    if (body.type === 'unfreeze' && body.quantity > Number(p.frozen) - Number(held[0]!.n))
      throw badRequest({ quantity: { key: 'insufficient_frozen_shares' } });
    const date = await businessDate(trx);
    await moveFrozenShares(
      trx,
      actor,
      date,
      p.id,
      body.type === 'freeze' ? body.quantity : -body.quantity,
      body.type,
      body.reason,
      null,
    );
    await audit(trx, actor, {
      action: body.type,
      resource: 'positions',
      record_id: p.id,
      before: p,
      detail: body.reason,
    });
    const after = await trx
      .selectFrom('positions')
      .select(['id', 'quantity', 'frozen', 'today_bought'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    return after;
  });
}

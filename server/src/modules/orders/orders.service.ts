import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { AppError, badRequest, fieldError, notFound } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { feesForTrade } from '../fees/fees.service.js';
import { businessDate, once, postInTransaction } from '../ledger/ledger.service.js';
import { confirmAbove } from '../system_params/system-params.service.js';
import {
  clientProblem,
  lotRule,
  orderProblem,
  priceBand,
  type OrderProblem,
  type SecurityFacts,
} from './order-checks.calc.js';
import { inTransaction } from '../../db/transaction.js';
import { Decimal } from 'decimal.js';
import { t, type MsgKey, type Params } from '../../http/messages.js';
import type { Lang } from '../../http/lang.js';

export interface OrderRequest {
  client_id: number;
  market?: string;
  code: string;
  side: 'buy' | 'sell';
  price: string;
  quantity: number;
  channel: 'counter' | 'phone' | 'online';
}

/** What the estimate is asked: the order as typed so far. Without a price or a quantity it answers what they are not needed for. */
export type EstimateRequest = Omit<OrderRequest, 'price' | 'quantity'> & { price?: string; quantity?: number };

/** A problem the estimate names: the order checks', and those of the client's account and holding. */
export type EstimateProblem =
  | OrderProblem
  | 'no_shareholder_account'
  | 'insufficient_shares'
  | 'insufficient_available';

const PROBLEM_FIELD: Record<OrderProblem, string> = {
  quantity_not_positive: 'quantity',
  lot_multiple: 'quantity',
  lot_minimum: 'quantity',
  odd_lot_sell: 'quantity',
  price_tick: 'price',
  price_band: 'price',
  security_not_trading: 'code',
  client_status: 'client_id',
  channel_not_allowed: 'channel',
};

/**
 * The message (messages.ts) that words a problem for the clerk, with the figures it names; the
 * order refusals of cash and shares have their own, as the ledger's and the holdings' say less.
 */
const PROBLEM_KEY: Record<EstimateProblem, MsgKey> = {
  quantity_not_positive: 'quantity_not_positive',
  lot_multiple: 'lot_multiple',
  lot_minimum: 'lot_minimum',
  odd_lot_sell: 'odd_lot_sell',
  price_tick: 'price_tick',
  price_band: 'price_band',
  security_not_trading: 'security_not_trading',
  client_status: 'client_status',
  channel_not_allowed: 'channel_not_allowed',
  no_shareholder_account: 'no_shareholder_account',
  insufficient_shares: 'order_insufficient_shares',
  insufficient_available: 'order_insufficient_available',
};

/**
 * Finds a security the way a clerk types it: "600519", "sh600519", "SH-A 600519" or "519" with
 * leading zeros left out; without a market, the code must be unambiguous.
 */
export async function findSecurity(db: Db, typed: string, market?: string) {
  const m = /^\s*(sh|sz|bj)?[-\s]?(a|b)?\s*(\d{1,6})\s*$/i.exec(typed);
  if (!m) throw fieldError('code', 'unknown_security', { code: typed.trim() });
  const code = m[3]!.padStart(6, '0');
  const prefix = m[1]?.toUpperCase();
  const wanted = market ?? (prefix ? (prefix === 'BJ' ? 'BJ' : `${prefix}-${(m[2] ?? 'A').toUpperCase()}`) : undefined);
  let q = db.selectFrom('securities').selectAll().where('code', '=', code);
  if (wanted) q = q.where('market', '=', wanted);
  const rows = await q.execute();
  if (rows.length !== 1) throw fieldError('code', rows.length ? 'ambiguous_security' : 'unknown_security', { code });
  return rows[0]!;
}

async function positionFor(db: Db, shareholderAccountId: number, securityId: number, lock: boolean) {
  const { rows } = await sql<{ id: number; quantity: number; frozen: number; today_bought: number }>`
    SELECT id, quantity, frozen, today_bought FROM positions WHERE shareholder_account_id = ${shareholderAccountId} AND security_id = ${securityId} ${lock ? sql`FOR UPDATE` : sql``}`.execute(
    db,
  );
  return rows[0];
}
const sellableOf = (p?: { quantity: number; frozen: number; today_bought: number }) =>
  p ? Number(p.quantity) - Number(p.today_bought) - Number(p.frozen) : 0;

/** The facts an order is checked against; `lock` takes the position row for the transaction. */
async function orderContext(db: Db, scope: number | null, req: EstimateRequest, lock: boolean) {
  const date = await businessDate(db);
  let cq = db.selectFrom('clients').selectAll().where('id', '=', req.client_id);
  if (scope !== null) cq = cq.where('branch_id', '=', scope);
  const client = await cq.executeTakeFirst();
  if (!client) throw fieldError('client_id', 'unknown_reference');
  const security = await findSecurity(db, req.code, req.market);
  const account = await db
    .selectFrom('fund_accounts')
    .selectAll()
    .where('client_id', '=', client.id)
    .where('currency', '=', 'CNY')
    .executeTakeFirstOrThrow();
  const holder = await db
    .selectFrom('shareholder_accounts')
    .selectAll()
    .where('client_id', '=', client.id)
    .where('market', '=', security.market)
    .executeTakeFirst();
  const position = holder ? await positionFor(db, holder.id, security.id, lock) : undefined;
  return { date, client, security, account, holder, position, sellable: sellableOf(position) };
}
type OrderContext = Awaited<ReturnType<typeof orderContext>>;

/** The fee estimate of the order (商品费率 in force, the client's class). */
const orderFees = (db: Db, x: OrderContext, req: Pick<OrderRequest, 'side' | 'price' | 'quantity'>) =>
  feesForTrade(db, {
    date: x.date,
    side: req.side,
    market: x.security.market,
    security_type: x.security.type,
    board: x.security.board,
    client_class: x.client.client_class,
    client_id: x.client.client_no,
    price: req.price,
    quantity: req.quantity,
  });

/** The figures the refusals are worded with (messages.ts): the lot, the tick, the band, what is sellable and available, the market. */
async function problemParams(db: Db, x: OrderContext): Promise<Params> {
  const band = priceBand(x.security);
  const market = await db
    .selectFrom('markets')
    .select(['name_zh', 'name_en'])
    .where('code', '=', x.security.market)
    .executeTakeFirst();
  return {
    lot: x.security.lot_size,
    tick: new Decimal(x.security.tick).toFixed(new Decimal(x.security.tick).decimalPlaces()),
    down: band.down,
    up: band.up,
    sellable: x.sellable,
    available: new Decimal(x.account.balance).minus(x.account.frozen).toFixed(2),
    market_zh: market?.name_zh ?? x.security.market,
    market_en: market?.name_en ?? x.security.market,
  };
}

/** A refusal of the order, worded by messages.ts under the input it is about. */
const refusal = async (db: Db, x: OrderContext, field: string, problem: EstimateProblem) =>
  fieldError(field, PROBLEM_KEY[problem], await problemParams(db, x));

/**
 * Everything the order screen shows while the clerk types: the security with its daily band and
 * lot rule, cash or shares, the fee estimate, the freeze, and the first problem, coded and worded
 * in the request's language. Asked before a price and a quantity are typed, it answers the
 * security, the account and the holding (fees, freeze and confirm are null then), and names only
 * the problems that need neither.
 */
export async function estimateOrder(db: Db, scope: number | null, req: EstimateRequest, lang: Lang = 'zh') {
  const x = await orderContext(db, scope, req, false);
  const confirmLine = await confirmAbove(db, 'order');
  const order =
    req.price !== undefined && req.quantity !== undefined ? { ...req, price: req.price, quantity: req.quantity } : null;
  const fees = order ? await orderFees(db, x, order) : null;
  const problem: EstimateProblem | null =
    (x.holder && x.holder.status === 'active' ? null : 'no_shareholder_account') ??
    (order
      ? (orderProblem(x.security as SecurityFacts, x.client, order, x.sellable) ??
        (order.side === 'sell' && order.quantity > x.sellable ? 'insufficient_shares' : null) ??
        (order.side === 'buy' && Number(fees!.net_amount) > 0 && !hasCash(x.account, fees!.net_amount)
          ? 'insufficient_available'
          : null))
      : x.security.status !== 'listed'
        ? 'security_not_trading'
        : clientProblem(x.client, req.channel));
  return {
    client: { id: x.client.id, client_no: x.client.client_no, name: x.client.name, status: x.client.status },
    security: {
      id: x.security.id,
      market: x.security.market,
      code: x.security.code,
      name: x.security.name,
      board: x.security.board,
      lot_size: x.security.lot_size,
      tick: x.security.tick,
      prev_close: x.security.prev_close,
      price_limit_pct: x.security.price_limit_pct,
    },
    // 涨跌停价, as the order is checked against them (order-checks.calc.ts)
    band: priceBand(x.security),
    // a buy's quantity: at least `minimum`, then in steps of `step` (a sell may also clear the holding)
    lot: lotRule(x.security),
    shareholder_account: x.holder?.code ?? null,
    cash: { balance: x.account.balance, frozen: x.account.frozen },
    sellable: x.sellable,
    fees,
    freeze: fees && req.side === 'buy' ? fees.net_amount : null,
    // 委托确认: above this amount (price × quantity) the counter confirms the order, in capitals
    confirm_above: confirmLine,
    confirm: fees ? new Decimal(fees.amount).gt(confirmLine) : false,
    problem,
    problem_text: problem ? t(lang, PROBLEM_KEY[problem], await problemParams(db, x)) : null,
  };
}

const hasCash = (a: { balance: string; frozen: string }, need: string) =>
  new Decimal(a.balance).minus(a.frozen).gte(need);

/**
 * The branch's next 委托编号 of the day: yyyymmdd, the branch id in 4 digits, a 6-digit number
 * from 000001 with no gap. The counter row (order_numbers) stays locked by this transaction until
 * it commits, so a refused or rolled-back order gives its number back; the first order of a day
 * starts after any number the day already holds (orders a seed or an import wrote).
 */
async function nextOrderNo(db: Db, date: string, branchId: number) {
  const bumped = await sql<{ n: number }>`
    UPDATE order_numbers SET last_no = last_no + 1 WHERE branch_id = ${branchId} AND business_date = ${date} RETURNING last_no AS n`.execute(
    db,
  );
  const n =
    bumped.rows[0]?.n ??
    (
      await sql<{ n: number }>`
    INSERT INTO order_numbers AS c (branch_id, business_date, last_no)
    VALUES (${branchId}, ${date}, 1 + (SELECT coalesce(max(right(order_no, 6)::int), 0) FROM orders WHERE business_date = ${date} AND branch_id = ${branchId}))
    ON CONFLICT (branch_id, business_date) DO UPDATE SET last_no = c.last_no + 1
    RETURNING last_no AS n`.execute(db)
    ).rows[0]!.n;
  return `${date.replaceAll('-', '')}${String(branchId).padStart(4, '0')}${String(n).padStart(6, '0')}`;
}

/** Moves shares between sellable and frozen (a sell order, its cancel, a manual freeze), journalled. */
export async function moveFrozenShares(
  db: Db,
  actor: Actor,
  date: string,
  positionId: number,
  delta: number,
  type: 'freeze' | 'unfreeze',
  reference: string,
  orderId: number | null,
) {
  const { rows } = await sql<{ quantity: number; frozen: number; branch_id: number }>`
    UPDATE positions SET frozen = frozen + ${delta}, version = version + 1, updated_at = ${actor.at} WHERE id = ${positionId} RETURNING quantity, frozen, branch_id`.execute(
    db,
  );
  const p = rows[0]!;
  await sql`INSERT INTO position_journal (business_date, position_id, type, frozen_delta, quantity_after, frozen_after, reference, order_id, operator_id, branch_id, created_at)
    VALUES (${date}, ${positionId}, ${type}, ${delta}, ${p.quantity}, ${p.frozen}, ${reference}, ${orderId}, ${actor.operator_id}, ${p.branch_id}, ${actor.at})`.execute(
    db,
  );
}

/**
 * 柜台委托: checks lot, tick, price band, client status and channel, then freezes what the order
 * can cost — a buy's amount at its price plus fees, through the ledger; a sell's shares — and
 * records the order, all in one transaction. Idempotent by key.
 */
export async function placeOrder(
  db: Db,
  actor: Actor,
  scope: number | null,
  req: OrderRequest & { idempotency_key: string },
) {
  const { idempotency_key, ...body } = req;
  return once(db, actor, idempotency_key, { op: 'order', ...body }, async (trx) => {
    const x = await orderContext(trx, scope, body, true);
    if (x.holder?.status !== 'active') throw await refusal(trx, x, 'code', 'no_shareholder_account');
    const problem = orderProblem(x.security as SecurityFacts, x.client, body, x.sellable);
    if (problem) throw await refusal(trx, x, PROBLEM_FIELD[problem], problem);
    // no short selling (自动防止卖空): a sell takes only sellable shares
    if (body.side === 'sell' && body.quantity > x.sellable)
      throw await refusal(trx, x, 'quantity', 'insufficient_shares');
    const fees = await orderFees(trx, x, body);
    const seat = await trx
      .selectFrom('seats')
      .select('seat_no')
      .where('market', '=', x.security.market)
      .where('branch_id', '=', x.client.branch_id)
      .where('status', '=', 'active')
      .where('type', '=', 'ordinary')
      .orderBy('seat_no')
      .executeTakeFirst();
    if (!seat) throw fieldError('code', 'no_seat', { market: x.security.market });
    // numbered last of the checks: the counter row is held from here to commit
    const orderNo = await nextOrderNo(trx, x.date, x.client.branch_id);
    const order = await trx
      .insertInto('orders')
      .values({
        order_no: orderNo,
        business_date: x.date,
        client_id: x.client.id,
        fund_account_id: x.account.id,
        shareholder_account_id: x.holder.id,
        security_id: x.security.id,
        market: x.security.market,
        code: x.security.code,
        side: body.side,
        price: body.price,
        quantity: body.quantity,
        seat_no: seat.seat_no,
        frozen_cash: body.side === 'buy' ? fees.net_amount : '0',
        status: 'open',
        channel: body.channel,
        operator_id: actor.operator_id,
        branch_id: x.client.branch_id,
        created_at: actor.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (body.side === 'buy') {
      try {
        await postInTransaction(trx, actor, scope, {
          account_id: x.account.id,
          type: 'freeze',
          amount: fees.net_amount,
          reference: `委托 ${orderNo}`,
          freeze_kind: 'same_day',
        });
      } catch (e) {
        // the ledger names its amount; the clerk typed a quantity and a price
        if (e instanceof AppError && e.fields?.amount)
          throw await refusal(trx, x, 'quantity', 'insufficient_available');
        throw e;
      }
    } else {
      await moveFrozenShares(trx, actor, x.date, x.position!.id, body.quantity, 'freeze', `委托 ${orderNo}`, order.id);
    }
    await audit(trx, actor, { action: 'create', resource: 'orders', record_id: order.id, after: order });
    return order;
  });
}

/** 撤单: the unfilled part is cancelled and what it froze is released (a buy keeps frozen what its fills will cost at delivery). */
export async function cancelOrder(db: Db, actor: Actor, scope: number | null, id: number) {
  return inTransaction(db, async (trx) => {
    const { rows } = await sql<
      Record<string, any>
    >`SELECT * FROM orders WHERE id = ${id} ${scope === null ? sql`` : sql`AND branch_id = ${scope}`} FOR UPDATE`.execute(
      trx,
    );
    const o = rows[0];
    if (!o) throw notFound();
    if (o.status !== 'open' && o.status !== 'partially_filled') throw badRequest({ id: { key: 'order_not_open' } });
    if (o.business_date !== (await businessDate(trx))) throw badRequest({ id: { key: 'order_not_open' } });
    const remaining = Number(o.quantity) - Number(o.filled_quantity);
    // what the fills already made will cost stays frozen until day-end delivery settles them
    const { rows: filled } = await sql<{
      cost: string;
    }>`SELECT coalesce(sum(net_amount), 0) AS cost FROM trades WHERE order_id = ${id}`.execute(trx);
    const held = Decimal.min(o.frozen_cash, filled[0]!.cost);
    const release = new Decimal(o.frozen_cash).minus(held);
    if (o.side === 'buy' && release.gt(0)) {
      await postInTransaction(trx, actor, scope, {
        account_id: o.fund_account_id,
        type: 'unfreeze',
        amount: release.toFixed(2),
        reference: `撤单 ${o.order_no}`,
        freeze_kind: 'same_day',
      });
    }
    if (o.side === 'sell' && remaining > 0) {
      const p = await positionFor(trx, o.shareholder_account_id, o.security_id, true);
      await moveFrozenShares(trx, actor, o.business_date, p!.id, -remaining, 'unfreeze', `撤单 ${o.order_no}`, o.id);
    }
    const status = Number(o.filled_quantity) > 0 ? 'partially_cancelled' : 'cancelled';
    const { rows: after } = await sql<
      Record<string, unknown>
    >`UPDATE orders SET status = ${status}, frozen_cash = ${o.side === 'buy' ? held.toFixed(2) : '0'}, cancelled_at = ${actor.at}, version = version + 1 WHERE id = ${id} RETURNING *`.execute(
      trx,
    );
    await audit(trx, actor, { action: 'cancel', resource: 'orders', record_id: id, before: o, after: after[0] });
    return after[0]!;
  });
}

/** 批量撤单: cancels each open order it can; reports the others with their reason. */
export async function cancelOrders(
  db: Db,
  actor: Actor,
  scope: number | null,
  ids: number[],
  word: (e: AppError) => { code: string; message: string },
) {
  const results: { id: number; ok: boolean; error?: { code: string; message: string } }[] = [];
  for (const id of ids) {
    try {
      await cancelOrder(db, actor, scope, id);
      results.push({ id, ok: true });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, error: word(e) });
    }
  }
  return results;
}

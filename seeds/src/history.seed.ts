import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import type { Db } from '../../server/src/db/connect.js';
import type { Actor } from '../../server/src/modules/audit/audit.service.js';
import { audit } from '../../server/src/modules/audit/audit.service.js';
import { computeFees, resolveSchedules, type Side } from '../../server/src/modules/fees/fees.calc.js';
import { schedulesInForce } from '../../server/src/modules/fees/fees.service.js';
import { orderProblem, priceBand, type SecurityFacts } from '../../server/src/modules/orders/order-checks.calc.js';
import { postSet } from '../../server/src/modules/ledger/ledger.batch.js';
import { movePositionsSet } from '../../server/src/modules/orders/positions.batch.js';
import { runDayEnd } from '../../server/src/modules/day-end/day-end.service.js';
import { rng } from '../../server/src/modules/trades/exchange.sim.js';
import { draw, dayStream } from './population/draws.js';
import { closeDailyClients, openDailyClients } from './population.seed.js';

/**
 * The branch's trading history, one business day at a time, by the rules of live operation
 * (DOMAIN.md §7): openings and closings, bank transfers and counter cash, orders that pass the
 * order checks of the counter (order-checks.calc) and freeze what the counter would, cancels,
 * fills at the order price with the fees of the fee function, the day's closing prices (a random
 * walk within each security's limit) — then the real day-end (clearing, delivery, expiry, the
 * closes rolled into the previous closes, interest, the invariant check, summaries, history, the
 * date roll). The rows are those the live services write; they are written in batches (the
 * ledger's and the positions' set-based postings, multi-row inserts) because a year of a large
 * branch would take hours one request at a time. Audit rows are one per batch, naming what it
 * did. Deterministic for a seed.
 */
export interface HistoryOptions {
  seed: number;
  scale: number;
  days: number;
  /** called after each day-end, e.g. for progress */
  onDay?: (date: string, i: number) => void;
}

/** The branch's shape per scale unit (DOMAIN.md §7): 16.85亿 a year ≈ 350 trades a day of ≈ 19,800 CNY. */
export const PER_DAY = {
  orders: 440,
  cashMovements: 40,
  openings: 1.3,
  closings: 0.45,
  /** of the day's orders: cancelled by the client, left unfilled (expire), filled in part */
  cancelled: 0.12,
  unfilled: 0.06,
  partial: 0.05,
  /** the share of clients who trade at all (the rest are dormant) — and most of the wealthier ones */
  activeClients: 0.12,
} as const;

const CHANNELS = [
  { channel: 'online', weight: 0.72 },
  { channel: 'phone', weight: 0.13 },
  { channel: 'counter', weight: 0.15 },
] as const;

interface Trader {
  client_id: number;
  client_no: string;
  client_class: string;
  status: string;
  allow_counter: boolean;
  allow_phone: boolean;
  allow_online: boolean;
  account_id: number;
  available: Decimal;
  holders: Record<string, { id: number; code: string }>;
}
interface Security extends SecurityFacts {
  id: number;
  market: string;
  code: string;
}
interface Order {
  order_no: string;
  trader: Trader;
  security: Security;
  side: Side;
  price: string;
  quantity: number;
  freeze: string;
  channel: (typeof CHANNELS)[number]['channel'];
  seat_no: string;
}

export async function seedHistory(db: Db, opts: HistoryOptions) {
  const op = async (username: string): Promise<Actor> => {
    const o = await db
      .selectFrom('operators')
      .select(['id', 'branch_id'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return {
      operator_id: o.id,
      username,
      branch_id: o.branch_id,
      ip: '',
      request_id: `seed-history-${opts.seed}`,
      at: new Date(),
    };
  };
  const teller = await op('teller');
  const clerk = await op('clerk');
  const branchId = teller.branch_id!;
  const seats = Object.fromEntries(
    (
      await db
        .selectFrom('seats')
        .select(['market', 'seat_no'])
        .where('branch_id', '=', branchId)
        .where('status', '=', 'active')
        .where('type', '=', 'ordinary')
        .orderBy('seat_no', 'desc')
        .execute()
    ).map((s) => [s.market, s.seat_no]),
  );
  const r = rng(opts.seed * 7_919 + 17);
  const started = Date.now();
  for (let i = 0; i < opts.days; i++) {
    const date = (
      await db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
    ).value;
    const at = new Date(`${date}T07:00:00Z`);
    const stamp = (a: Actor): Actor => ({ ...a, at });
    const quota = (perDay: number) => Math.floor((i + 1) * perDay * opts.scale) - Math.floor(i * perDay * opts.scale);
    await openDailyClients(db, { seed: opts.seed, date, count: quota(PER_DAY.openings), branchId, at });
    await closeDailyClients(db, { seed: opts.seed, date, count: quota(PER_DAY.closings), branchId, at });
    await cashMovements(db, stamp(teller), opts.seed, date, quota(PER_DAY.cashMovements));
    await trade(db, stamp(teller), r, date, quota(PER_DAY.orders), branchId, seats, opts.seed);
    // the exchange's closes of the day; day-end makes them tomorrow's previous closes
    await recordCloses(db, stamp(clerk), opts.seed, date);
    // no clerk reads the pre-check here: the seeded trades come without a report file and its
    // bank transfers without a statement, so the history accepts those warnings, explicitly
    await runDayEnd(db, stamp(clerk), date, { acknowledged: 'all' });
    opts.onDay?.(date, i);
  }
  return { days: opts.days, seconds: (Date.now() - started) / 1000 };
}

/**
 * The day's closing prices (收盘价) as the exchange's quotation gives them (source 'exchange'): a
 * random walk from the previous close within each security's limit, on its tick — walkClose's
 * formula (closing-prices.calc.ts), set-based. Day-end then rolls them into the previous closes,
 * so the next day's orders are priced from them.
 */
async function recordCloses(db: Db, actor: Actor, seed: number, date: string) {
  const s = { seed, stream: dayStream(date) + 500_000 };
  const u = draw(s, 0, sql`id`);
  await db.transaction().execute(async (trx) => {
    const r = await sql`
      INSERT INTO closing_prices (business_date, security_id, close_price, source, created_at, updated_at)
      SELECT ${date}::date, id, greatest(tick, round(prev_close * (1 + ((${u} - 0.5) * 0.7 * price_limit_pct / 100)::numeric) / tick) * tick),
        'exchange', ${actor.at}::timestamptz, ${actor.at}::timestamptz
      FROM securities WHERE status = 'listed' AND prev_close > 0
      ORDER BY id`.execute(trx);
    await audit(trx, actor, {
      action: 'seed_closes',
      resource: 'closing_prices',
      detail: `${date}: 收盘价 ${r.numAffectedRows ?? 0} 只`,
    });
  });
}

/** 银证转账 and counter cash of the day: deposits, and withdrawals of at most what is withdrawable. */
async function cashMovements(db: Db, actor: Actor, seed: number, date: string, count: number) {
  if (count <= 0) return;
  const s = { seed, stream: dayStream(date) + 600_000 };
  await db.transaction().execute(async (trx) => {
    await postSet(
      trx,
      actor,
      date,
      '银证转账与存取款',
      sql`
      WITH accts AS (
        SELECT a.id, a.balance - a.frozen - a.unwithdrawable AS withdrawable, row_number() OVER (ORDER BY a.id) AS k
        FROM fund_accounts a JOIN clients c ON c.id = a.client_id
        WHERE a.currency = 'CNY' AND a.status = 'active' AND c.status = 'normal' AND a.branch_id = ${actor.branch_id}
      ),
      -- the picks first, against the count, so they join the accounts on a plain key (a hash join)
      draws AS (SELECT g, 1 + floor(${draw(s, 0, sql`g`)} * (SELECT count(*) FROM accts))::bigint AS k FROM generate_series(1, ${count}) g),
      pick AS (
        SELECT DISTINCT ON (a.id) a.id, a.withdrawable, d.g
        FROM draws d JOIN accts a ON a.k = d.k
        ORDER BY a.id, d.g
      ),
      moves AS (
        SELECT id, g, ${draw(s, 1, sql`g`)} < 0.5 AS inflow, ${draw(s, 2, sql`g`)} < 0.75 AS by_bank,
          round((1000 + 60000 * power(${draw(s, 3, sql`g`)}, 2))::numeric, -2) AS amount, withdrawable,
          floor(${draw(s, 4, sql`g`)} * (SELECT count(*) FROM banks WHERE status = 'active'))::bigint AS bank_k
        FROM pick
      ),
      banks_k AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM banks WHERE status = 'active')
      SELECT id AS account_id, g AS seq,
        CASE WHEN inflow THEN (CASE WHEN by_bank THEN 'bank_in' ELSE 'deposit' END) ELSE (CASE WHEN by_bank THEN 'bank_out' ELSE 'withdrawal' END) END AS type,
        CASE WHEN inflow THEN amount ELSE -least(amount, greatest(withdrawable, 0)) END AS amount,
        0::numeric AS frozen_delta, NULL AS freeze_kind, CASE WHEN by_bank THEN b.code END AS bank_code,
        CASE WHEN by_bank THEN '银证转账' ELSE '柜台存取款' END AS reference
      FROM moves JOIN banks_k b ON b.k = moves.bank_k`,
    );
  });
}

/** A list of ids as one parameter, however many (a statement takes at most 65,535 parameters). */
const idsIn = (ids: number[]) =>
  sql`SELECT value::bigint FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)`;

/** The day's orders, cancels and fills, written as the counter, the ledger and the trade import write them. */
async function trade(
  db: Db,
  actor: Actor,
  r: () => number,
  date: string,
  count: number,
  branchId: number,
  seats: Record<string, string>,
  seed: number,
) {
  const traders = await loadTraders(db, seed, branchId);
  if (!traders.length || count <= 0) return;
  const securities = (await db
    .selectFrom('securities')
    .select(['id', 'market', 'code', 'type', 'board', 'lot_size', 'tick', 'price_limit_pct', 'prev_close', 'status'])
    .where('market', 'in', ['SH-A', 'SZ-A'])
    .where('type', 'in', ['stock', 'etf'])
    .where('st', '=', false)
    .where('board', 'not in', ['star', 'bse'])
    .where('prev_close', '>', '1')
    .orderBy('id')
    .execute()) as Security[];
  const byId = new Map(securities.map((s) => [s.id, s]));
  const schedules = await schedulesInForce(db, date);
  const fees = (t: Trader, s: Security, side: Side, price: string, quantity: number) =>
    computeFees(
      { side, price, quantity },
      resolveSchedules(schedules, {
        date,
        side,
        market: s.market,
        security_type: s.type,
        board: s.board,
        client_class: t.client_class,
        client_id: t.client_no,
      }),
    );
  const { rows: held } = await sql<{ position_id: number; client_id: number; security_id: number; sellable: number }>`
    SELECT p.id AS position_id, p.client_id, p.security_id, (p.quantity - p.today_bought - p.frozen)::int AS sellable
    FROM positions p WHERE p.branch_id = ${branchId} AND p.quantity - p.today_bought - p.frozen > 0 AND p.client_id IN (SELECT client_id FROM fund_accounts WHERE id IN (${idsIn(traders.map((t) => t.account_id))}))
    ORDER BY p.id`.execute(db);
  const holdings = new Map<number, { security_id: number; sellable: number }[]>();
  for (const h of held)
    (holdings.get(h.client_id) ?? holdings.set(h.client_id, []).get(h.client_id)!).push({
      security_id: h.security_id,
      sellable: h.sellable,
    });

  const orders: Order[] = [];
  const prefix = `${date.replaceAll('-', '')}${String(branchId).padStart(4, '0')}`;
  for (let n = 0; orders.length < count && n < count * 3; n++) {
    // a long tail: a few clients trade most days, most rarely
    const t = traders[Math.floor(traders.length * r() ** 2.2)]!;
    let x = r() * CHANNELS.reduce((a, c) => a + c.weight, 0);
    const channel =
      CHANNELS.find((c) => {
        x -= c.weight;
        return x < 0;
      })?.channel ?? 'online';
    const own = (holdings.get(t.client_id) ?? []).filter((h) => h.sellable >= 100 && byId.has(h.security_id));
    // a client short of cash sells more often: the branch's turnover is rotation, not fresh money
    const sell = own.length > 0 && r() < (t.available.lt(20_000) ? 0.75 : 0.4);
    const s = sell
      ? byId.get(own[Math.floor(r() * own.length)]!.security_id)!
      : securities[Math.floor(r() ** 1.6 * securities.length)]!;
    const holder = t.holders[s.market];
    if (!holder || !seats[s.market]) continue;
    const { down, up } = priceBand(s);
    const ticks = Math.round((r() - 0.5) * 8);
    const price = Decimal.min(
      up,
      Decimal.max(down, new Decimal(s.prev_close).plus(new Decimal(s.tick).times(ticks))),
    ).toFixed(new Decimal(s.tick).decimalPlaces());
    const h = own.find((o) => o.security_id === s.id);
    const wanted = Math.max(1, Math.round((15000 + 260000 * r() * r()) / Number(price) / 100)) * 100;
    // a buy the client cannot pay in full becomes the lots its cash covers, as a clerk would suggest
    const affordable = Math.floor(t.available.times(0.99).div(price).div(100).toNumber()) * 100;
    const quantity = sell
      ? Math.max(100, Math.floor((h!.sellable * (0.3 + 0.7 * r())) / 100) * 100)
      : Math.min(wanted, affordable);
    if (quantity < 100) continue;
    if (orderProblem(s, t, { side: sell ? 'sell' : 'buy', price, quantity, channel }, h?.sellable ?? 0)) continue;
    if (sell && quantity > h!.sellable) continue;
    const f = fees(t, s, sell ? 'sell' : 'buy', price, quantity);
    if (!sell && t.available.lt(f.net_amount)) continue; // the counter refuses what the client cannot pay
    if (sell) h!.sellable -= quantity;
    else t.available = t.available.minus(f.net_amount);
    orders.push({
      order_no: `${prefix}${String(orders.length + 1).padStart(6, '0')}`,
      trader: t,
      security: s,
      side: sell ? 'sell' : 'buy',
      price,
      quantity,
      freeze: sell ? '0' : f.net_amount,
      channel,
      seat_no: seats[s.market]!,
    });
  }
  if (!orders.length) return;

  await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (let i = 0; i < orders.length; i += 2000) {
      const rows = await trx
        .insertInto('orders')
        .values(
          orders.slice(i, i + 2000).map((o) => ({
            order_no: o.order_no,
            business_date: date,
            client_id: o.trader.client_id,
            fund_account_id: o.trader.account_id,
            shareholder_account_id: o.trader.holders[o.security.market]!.id,
            security_id: o.security.id,
            market: o.security.market,
            code: o.security.code,
            side: o.side,
            price: o.price,
            quantity: o.quantity,
            seat_no: o.seat_no,
            frozen_cash: o.freeze,
            status: 'open',
            channel: o.channel,
            operator_id: actor.operator_id,
            branch_id: branchId,
            created_at: actor.at,
          })),
        )
        .returning('id')
        .execute();
      ids.push(...rows.map((x) => x.id));
    }
    await postSet(
      trx,
      actor,
      date,
      '委托冻结',
      sql`
      SELECT fund_account_id AS account_id, id AS seq, 'freeze' AS type, 0::numeric AS amount, frozen_cash AS frozen_delta, 'same_day' AS freeze_kind, NULL AS bank_code, '委托 ' || order_no AS reference
      FROM orders WHERE business_date = ${date} AND side = 'buy' AND status = 'open' AND branch_id = ${branchId}`,
    );
    await movePositionsSet(
      trx,
      actor,
      date,
      '委托冻结',
      sql`
      SELECT p.id AS position_id, o.id AS seq, 'freeze' AS type, 0::bigint AS quantity_delta, o.quantity AS frozen_delta, 0::bigint AS today_bought_delta, 0::numeric AS cost_delta, '委托 ' || o.order_no AS reference, o.id AS order_id
      FROM orders o JOIN positions p ON p.shareholder_account_id = o.shareholder_account_id AND p.security_id = o.security_id
      WHERE o.business_date = ${date} AND o.side = 'sell' AND o.status = 'open' AND o.branch_id = ${branchId}`,
    );
    await audit(trx, actor, { action: 'seed_orders', resource: 'orders', detail: `${date}: ${orders.length} 笔委托` });

    // the day's outcome per order: cancelled, left open (expires at day-end), filled in part, or filled
    const fate = orders.map(() => r());
    const cancelled = ids.filter((_, i) => fate[i]! < PER_DAY.cancelled);
    const idList = idsIn(cancelled);
    if (cancelled.length) {
      await postSet(
        trx,
        actor,
        date,
        '撤单',
        sql`
        SELECT fund_account_id AS account_id, id AS seq, 'unfreeze' AS type, 0::numeric AS amount, -frozen_cash AS frozen_delta, 'same_day' AS freeze_kind, NULL AS bank_code, '撤单 ' || order_no AS reference
        FROM orders WHERE id IN (${idList}) AND side = 'buy'`,
      );
      await movePositionsSet(
        trx,
        actor,
        date,
        '撤单',
        sql`
        SELECT p.id AS position_id, o.id AS seq, 'unfreeze' AS type, 0::bigint AS quantity_delta, -o.quantity AS frozen_delta, 0::bigint AS today_bought_delta, 0::numeric AS cost_delta, '撤单 ' || o.order_no AS reference, o.id AS order_id
        FROM orders o JOIN positions p ON p.shareholder_account_id = o.shareholder_account_id AND p.security_id = o.security_id
        WHERE o.id IN (${idList}) AND o.side = 'sell'`,
      );
      await sql`UPDATE orders SET status = 'cancelled', frozen_cash = 0, cancelled_at = ${actor.at}, version = version + 1 WHERE id IN (${idList})`.execute(
        trx,
      );
    }
    const fills: { order: Order; id: number; quantity: number }[] = [];
    orders.forEach((o, i) => {
      const u = fate[i]!;
      if (u < PER_DAY.cancelled + PER_DAY.unfilled) return;
      const partial = u < PER_DAY.cancelled + PER_DAY.unfilled + PER_DAY.partial && o.quantity >= 200;
      fills.push({ order: o, id: ids[i]!, quantity: partial ? Math.floor(o.quantity / 200) * 100 : o.quantity });
    });
    for (let i = 0; i < fills.length; i += 2000) {
      const batch = fills.slice(i, i + 2000).map((x) => {
        const f = fees(x.order.trader, x.order.security, x.order.side, x.order.price, x.quantity);
        return { x, f };
      });
      await trx
        .insertInto('trades')
        .values(
          batch.map(({ x, f }) => ({
            market: x.order.security.market,
            trade_no: `${x.order.order_no}T`,
            business_date: date,
            order_id: x.id,
            client_id: x.order.trader.client_id,
            security_id: x.order.security.id,
            code: x.order.security.code,
            side: x.order.side,
            quantity: x.quantity,
            price: x.order.price,
            amount: f.amount,
            commission: f.commission,
            stamp_duty: f.stamp_duty,
            transfer_fee: f.transfer_fee,
            handling_fee: f.handling_fee,
            regulatory_fee: f.regulatory_fee,
            net_amount: f.net_amount,
            seat_no: x.order.seat_no,
            shareholder_code: x.order.trader.holders[x.order.security.market]!.code,
            source: `exchange-${date}.csv`,
            branch_id: branchId,
            created_at: actor.at,
          })),
        )
        .execute();
      await sql`
        UPDATE orders o SET filled_quantity = v.q, filled_amount = v.amount, status = CASE WHEN v.q = o.quantity THEN 'filled' ELSE 'partially_filled' END, version = o.version + 1
        FROM jsonb_to_recordset(${JSON.stringify(batch.map(({ x, f }) => ({ id: x.id, q: x.quantity, amount: f.amount })))}::jsonb) AS v(id bigint, q bigint, amount numeric)
        WHERE o.id = v.id`.execute(trx);
    }
    await audit(trx, actor, {
      action: 'seed_fills',
      resource: 'trades',
      detail: `${date}: 撤单 ${cancelled.length} 笔，成交 ${fills.length} 笔`,
    });
  });
}

/**
 * The clients who trade: a stable share of the branch's normal clients and most of those with
 * ≥ 100,000 CNY (chosen by a hash of the client, so the same people trade day after day), with
 * what they can spend and their accounts.
 */
async function loadTraders(db: Db, seed: number, branchId: number): Promise<Trader[]> {
  const pick = draw({ seed, stream: 900_000 }, 0, sql`c.id`);
  const { rows } = await sql<
    Omit<Trader, 'available' | 'holders'> & {
      available: string;
      holders: { market: string; id: number; code: string }[];
    }
  >`
    SELECT c.id AS client_id, c.client_no, c.client_class, c.status, c.allow_counter, c.allow_phone, c.allow_online, a.id AS account_id, a.balance - a.frozen AS available,
      (SELECT json_agg(json_build_object('market', s.market, 'id', s.id, 'code', s.code)) FROM shareholder_accounts s WHERE s.client_id = c.id AND s.status = 'active') AS holders
    FROM clients c JOIN fund_accounts a ON a.client_id = c.id AND a.currency = 'CNY' AND a.status = 'active'
    WHERE c.branch_id = ${branchId} AND c.status = 'normal' AND (${pick} < ${PER_DAY.activeClients} OR (a.balance >= 100000 AND ${pick} < 0.6))
    ORDER BY c.id`.execute(db);
  return rows
    .filter((t) => t.holders?.length)
    .map((t) => ({
      ...t,
      available: new Decimal(t.available),
      holders: Object.fromEntries(t.holders.map((h) => [h.market, { id: h.id, code: h.code }])),
    }));
}

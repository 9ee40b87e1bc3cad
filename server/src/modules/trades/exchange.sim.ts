import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connect.js';
import { priceBand } from '../orders/order-checks.calc.js';
import { businessDate } from '../ledger/ledger.service.js';
import { formatTradeReport, type TradeLine } from './trade-report.csv.js';
import { inTransaction } from '../../db/transaction.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { walkClose } from '../closing-prices/closing-prices.calc.js';
import { upsertCloses } from '../closing-prices/closing-prices.service.js';

/** mulberry32: a small, well-known seeded generator; the same seed gives the same fills. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A simulated exchange for demos without an exchange link: it fills the day's open orders — fully
 * (60%), partly (20%) or not at all (20%) — at prices within the order's limit and the daily band,
 * deterministically for a seed, and writes the same trade-report file a real one would.
 */
export async function simulateExchange(
  db: Db,
  scope: number | null,
  seed: number,
): Promise<{ csv: string; lines: number }> {
  const date = await businessDate(db);
  const { rows } = await sql<{
    id: number;
    order_no: string;
    market: string;
    code: string;
    side: 'buy' | 'sell';
    price: string;
    quantity: number;
    filled_quantity: number;
    seat_no: string;
    holder: string;
    tick: string;
    prev_close: string;
    price_limit_pct: string;
    board: string;
    lot_size: number;
  }>`
    SELECT o.id, o.order_no, o.market, o.code, o.side, o.price, o.quantity, o.filled_quantity, o.seat_no, h.code AS holder, s.tick, s.prev_close, s.price_limit_pct, s.board, s.lot_size
    FROM orders o JOIN shareholder_accounts h ON h.id = o.shareholder_account_id JOIN securities s ON s.id = o.security_id
    WHERE o.business_date = ${date} AND o.status IN ('open', 'partially_filled') ${scope === null ? sql`` : sql`AND o.branch_id = ${scope}`}
    ORDER BY o.id`.execute(db);
  const lines: Omit<TradeLine, 'line'>[] = [];
  for (const o of rows) {
    const r = rng(seed * 1_000_003 + o.id);
    const roll = r();
    const open = Number(o.quantity) - Number(o.filled_quantity);
    if (roll >= 0.8 || open <= 0) continue;
    const step = o.board === 'star' || o.board === 'bse' ? 1 : o.lot_size;
    let qty = open;
    if (roll >= 0.6 && open > step) qty = Math.max(step, Math.floor((open * (0.2 + r() * 0.6)) / step) * step);
    const band = priceBand(o);
    // a buy fills at or below its limit, a sell at or above, never outside the band
    const worst = new Decimal(o.side === 'buy' ? band.down : band.up);
    const limit = new Decimal(o.price);
    const span = limit.minus(worst).abs().div(o.tick).floor().toNumber();
    const ticks = Math.min(span, Math.floor(r() * 6));
    const price = (
      o.side === 'buy' ? limit.minus(new Decimal(o.tick).times(ticks)) : limit.plus(new Decimal(o.tick).times(ticks))
    ).toFixed(3);
    lines.push({
      trade_date: date,
      market: o.market,
      seat: o.seat_no,
      shareholder_account: o.holder,
      security_code: o.code,
      side: o.side,
      quantity: qty,
      price,
      order_no: o.order_no,
      trade_id: `SIM${date.replaceAll('-', '')}${String(o.id).padStart(8, '0')}${String(Number(o.filled_quantity)).padStart(9, '0')}`,
    });
  }
  return { csv: formatTradeReport(lines), lines: lines.length };
}

/**
 * The simulated exchange's closing prices (收盘价) of the open business date: for every listed
 * security with a previous close, a random walk from it inside its band and on its tick
 * (walkClose), deterministic for a seed — the same seed gives the same closes.
 */
export async function simulateCloses(db: Db, seed: number) {
  const date = await businessDate(db);
  const securities = await db
    .selectFrom('securities')
    .select(['id', 'prev_close', 'price_limit_pct', 'tick'])
    .where('status', '=', 'listed')
    .where('prev_close', '>', '0')
    .orderBy('id')
    .execute();
  // a stream of its own per security, apart from the fills' (seed × 1,000,003 + order id)
  const closes = securities.map((s) => ({
    security_id: s.id,
    close_price: walkClose(s, rng(seed * 2_000_029 + s.id * 7 + 3)()),
  }));
  return { business_date: date, closes };
}

/**
 * Records the simulated closes of the open day (source 'exchange'), with one audit row. A close
 * the clerk imported or entered for the day stays: the simulator stands in for the exchange's
 * quotation only where the branch has none. Returns how many of the day's closes are the simulator's.
 */
export async function recordSimulatedCloses(db: Db, actor: Actor, seed: number) {
  return inTransaction(db, async (trx) => {
    const { business_date, closes } = await simulateCloses(trx, seed);
    const r = await upsertCloses(trx, actor, business_date, 'exchange', closes, ['import']);
    await audit(trx, actor, {
      action: 'simulate',
      resource: 'closing_prices',
      detail: `${business_date} 模拟撮合收盘价 (seed ${seed}): 新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}，保留导入 ${r.kept}`,
    });
    return { business_date, closes: r.created + r.updated + r.unchanged, ...r };
  });
}

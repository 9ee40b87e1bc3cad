import { Decimal } from 'decimal.js';

/** What the order checks need to know of a security (from the security master). */
export interface SecurityFacts {
  type: string; // stock, fund, etf, bond
  board: string; // main, chinext, star, bse
  lot_size: number;
  tick: string;
  price_limit_pct: string;
  prev_close: string;
  status: string;
}

export type OrderProblem =
  | 'quantity_not_positive'
  | 'lot_multiple'
  | 'lot_minimum'
  | 'odd_lot_sell'
  | 'price_tick'
  | 'price_band'
  | 'security_not_trading'
  | 'client_status'
  | 'channel_not_allowed';

/**
 * Lot rules (DOMAIN.md §3.2): A-share buys in multiples of 100; STAR buys at least 200 then steps
 * of 1; BSE at least 100 then steps of 1; bonds in multiples of 10 (1 手 = 10 张). An odd lot may
 * only be sold to clear the whole holding. The numbers are the security master's lot_size (200 for
 * a STAR stock, 100 for BSE, 10 for a bond); the board says only whether steps of 1 follow it.
 */
export function lotProblem(
  s: Pick<SecurityFacts, 'board' | 'type' | 'lot_size'>,
  side: 'buy' | 'sell',
  quantity: number,
  sellable: number,
): OrderProblem | null {
  if (!Number.isInteger(quantity) || quantity <= 0) return 'quantity_not_positive';
  const { minimum, step } = lotRule(s);
  const whole = quantity >= minimum && (quantity - minimum) % step === 0;
  if (side === 'buy') return whole ? null : step === 1 ? 'lot_minimum' : 'lot_multiple';
  if (quantity === sellable) return null; // clearing the holding: any quantity
  return whole ? null : 'odd_lot_sell';
}

/** The lot rule of a security: at least `minimum`, then steps of `step` (1 on STAR and BSE, else a whole lot). */
export function lotRule(s: Pick<SecurityFacts, 'board' | 'lot_size'>): { minimum: number; step: number } {
  const stepsOfOne = s.board === 'star' || s.board === 'bse';
  return { minimum: s.lot_size, step: stepsOfOne ? 1 : s.lot_size };
}

/** The price is a whole number of ticks (0.01 for A shares; 0.001 for funds, ETFs, bonds, SH B shares). */
export function tickProblem(price: string, tick: string): OrderProblem | null {
  return new Decimal(price).mod(tick).isZero() ? null : 'price_tick';
}

/**
 * The daily band against the previous close: ± price_limit_pct (10 main, 5 ST, 20 ChiNext/STAR,
 * 30 BSE), each limit rounded half-up to the tick, as the exchanges publish them.
 */
export function priceBand(s: Pick<SecurityFacts, 'prev_close' | 'price_limit_pct' | 'tick'>): {
  down: string;
  up: string;
} {
  const prev = new Decimal(s.prev_close);
  const pct = new Decimal(s.price_limit_pct).div(100);
  const toTick = (d: Decimal) => d.div(s.tick).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(s.tick);
  const places = new Decimal(s.tick).decimalPlaces();
  return {
    down: Decimal.max(toTick(prev.times(new Decimal(1).minus(pct))), s.tick).toFixed(places),
    up: toTick(prev.times(new Decimal(1).plus(pct))).toFixed(places),
  };
}

export function bandProblem(
  price: string,
  s: Pick<SecurityFacts, 'prev_close' | 'price_limit_pct' | 'tick'>,
): OrderProblem | null {
  const { down, up } = priceBand(s);
  const p = new Decimal(price);
  return p.lt(down) || p.gt(up) ? 'price_band' : null;
}

/** A frozen (冻结), lost-card (挂失) or closed (销户) client cannot trade; a channel the client may not use is refused. */
export function clientProblem(
  client: { status: string; allow_counter: boolean; allow_phone: boolean; allow_online: boolean },
  channel: 'counter' | 'phone' | 'online',
): OrderProblem | null {
  if (client.status !== 'normal') return 'client_status';
  const allowed =
    channel === 'counter' ? client.allow_counter : channel === 'phone' ? client.allow_phone : client.allow_online;
  return allowed ? null : 'channel_not_allowed';
}

/** Every check of an order entry, in the order a counter clerk would read them; the first problem wins. */
export function orderProblem(
  s: SecurityFacts,
  client: Parameters<typeof clientProblem>[0],
  order: { side: 'buy' | 'sell'; price: string; quantity: number; channel: 'counter' | 'phone' | 'online' },
  sellable: number,
): OrderProblem | null {
  if (s.status !== 'listed') return 'security_not_trading';
  return (
    clientProblem(client, order.channel) ??
    lotProblem(s, order.side, order.quantity, sellable) ??
    tickProblem(order.price, s.tick) ??
    bandProblem(order.price, s)
  );
}

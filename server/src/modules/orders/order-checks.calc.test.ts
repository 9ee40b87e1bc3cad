import { describe, expect, it } from 'vitest';
import {
  bandProblem,
  clientProblem,
  lotProblem,
  orderProblem,
  priceBand,
  tickProblem,
  type SecurityFacts,
} from './order-checks.calc.js';

const main: SecurityFacts = {
  type: 'stock',
  board: 'main',
  lot_size: 100,
  tick: '0.01',
  price_limit_pct: '10',
  prev_close: '10.00',
  status: 'listed',
};
const star = { ...main, board: 'star', lot_size: 200, price_limit_pct: '20' };
const bse = { ...main, board: 'bse', price_limit_pct: '30' };
const bond = { ...main, type: 'bond', lot_size: 10, tick: '0.001', price_limit_pct: '20', prev_close: '120.000' };
const client = { status: 'normal', allow_counter: true, allow_phone: false, allow_online: true };

describe('lots (DOMAIN.md §3.2)', () => {
  it.each([
    [main, 'buy', 100, 0, null],
    [main, 'buy', 150, 0, 'lot_multiple'],
    [main, 'sell', 150, 150, null], // clearing an odd holding
    [main, 'sell', 50, 150, 'odd_lot_sell'],
    [main, 'sell', 100, 150, null],
    [star, 'buy', 199, 0, 'lot_minimum'],
    [star, 'buy', 201, 0, null],
    [star, 'sell', 150, 300, 'odd_lot_sell'],
    [star, 'sell', 150, 150, null],
    [bse, 'buy', 99, 0, 'lot_minimum'],
    [bse, 'buy', 101, 0, null],
    // the minimum is the security master's lot_size, not a number of the code's
    [{ ...star, lot_size: 300 }, 'buy', 250, 0, 'lot_minimum'],
    [{ ...bse, lot_size: 200 }, 'sell', 150, 300, 'odd_lot_sell'],
    [bond, 'buy', 15, 0, 'lot_multiple'],
    [bond, 'buy', 20, 0, null],
    [main, 'buy', 0, 0, 'quantity_not_positive'],
    [main, 'buy', 100.5, 0, 'quantity_not_positive'],
  ] as const)('%s.board %s %i (holding %i) → %s', (s, side, q, sellable, expected) =>
    expect(lotProblem(s, side, q, sellable)).toBe(expected),
  );
});

describe('ticks and the price band', () => {
  it('checks the tick', () => {
    expect(tickProblem('10.01', '0.01')).toBeNull();
    expect(tickProblem('10.015', '0.01')).toBe('price_tick');
    expect(tickProblem('1.234', '0.001')).toBeNull();
  });
  it.each([
    ['10.00', '10', '0.01', { down: '9.00', up: '11.00' }],
    ['10.00', '5', '0.01', { down: '9.50', up: '10.50' }], // ST
    ['10.00', '20', '0.01', { down: '8.00', up: '12.00' }], // ChiNext / STAR
    ['10.00', '30', '0.01', { down: '7.00', up: '13.00' }], // BSE
    ['3.15', '10', '0.01', { down: '2.84', up: '3.47' }], // 2.835 → 2.84, 3.465 → 3.47 (half-up)
    ['1.234', '10', '0.001', { down: '1.111', up: '1.357' }], // an ETF
  ])('prev close %s ± %s%% → %j', (prev_close, price_limit_pct, tick, band) =>
    expect(priceBand({ prev_close, price_limit_pct, tick })).toEqual(band),
  );
  it('refuses prices outside the band, accepts the limits themselves', () => {
    expect(bandProblem('11.00', main)).toBeNull();
    expect(bandProblem('9.00', main)).toBeNull();
    expect(bandProblem('11.01', main)).toBe('price_band');
    expect(bandProblem('8.99', main)).toBe('price_band');
  });
});

describe('client status and channels', () => {
  it.each([
    ['normal', 'counter', null],
    ['normal', 'phone', 'channel_not_allowed'],
    ['frozen', 'counter', 'client_status'],
    ['lost', 'counter', 'client_status'],
    ['closed', 'online', 'client_status'],
  ] as const)('%s via %s → %s', (status, channel, expected) =>
    expect(clientProblem({ ...client, status }, channel)).toBe(expected),
  );
});

describe('orderProblem reads the checks in order', () => {
  it('names the first problem', () => {
    expect(
      orderProblem(
        { ...main, status: 'suspended' },
        client,
        { side: 'buy', price: '10.00', quantity: 100, channel: 'counter' },
        0,
      ),
    ).toBe('security_not_trading');
    expect(orderProblem(main, client, { side: 'buy', price: '12.00', quantity: 150, channel: 'counter' }, 0)).toBe(
      'lot_multiple',
    );
    expect(orderProblem(main, client, { side: 'buy', price: '12.00', quantity: 100, channel: 'counter' }, 0)).toBe(
      'price_band',
    );
    expect(
      orderProblem(main, client, { side: 'buy', price: '10.50', quantity: 100, channel: 'counter' }, 0),
    ).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFees, inForce, resolveSchedules, type Schedule, type TradeFacts } from './fees.calc.js';

const s = (
  over: Partial<Schedule> & Pick<Schedule, 'fee_item' | 'rate'>,
  id = Math.floor(Math.random() * 1e6),
): Schedule => ({
  id,
  scope: 'default',
  scope_value: '',
  side: 'both',
  min_fee: '0',
  effective_from: '2020-01-01',
  effective_to: null,
  ...over,
});

/** DOMAIN.md §3.1 defaults. */
const DEFAULTS: Schedule[] = [
  s({ fee_item: 'commission', rate: '0.0003', min_fee: '5' }, 1),
  s({ fee_item: 'stamp_duty', rate: '0.0005', side: 'sell', effective_from: '2023-08-28' }, 2),
  s({ fee_item: 'transfer_fee', rate: '0.00001' }, 3),
  s({ fee_item: 'handling_fee', rate: '0.0000341' }, 4),
  s({ fee_item: 'regulatory_fee', rate: '0.00002' }, 5),
];
const trade = (over: Partial<TradeFacts> = {}): TradeFacts => ({
  date: '2026-11-23',
  side: 'buy',
  market: 'SH-A',
  security_type: 'stock',
  board: 'main',
  ...over,
});

describe('computeFees (DOMAIN.md §3.1, half-up to the cent per item per trade)', () => {
  // amount, side → commission, stamp, transfer, handling, regulatory, total, net commission, net amount
  const table: [string, number, 'buy' | 'sell', string[]][] = [
    ['1500.00', 100, 'buy', ['150000.00', '45.00', '0.00', '1.50', '5.12', '3.00', '46.50', '36.88', '150046.50']],
    ['1500.00', 100, 'sell', ['150000.00', '45.00', '75.00', '1.50', '5.12', '3.00', '121.50', '36.88', '149878.50']],
    // 10.00 × 100 = 1000: commission 0.30 → minimum 5.00; transfer 0.01; handling 0.0341 → 0.03; regulatory 0.02
    ['10.00', 100, 'buy', ['1000.00', '5.00', '0.00', '0.01', '0.03', '0.02', '5.01', '4.95', '1005.01']],
    ['10.00', 100, 'sell', ['1000.00', '5.00', '0.50', '0.01', '0.03', '0.02', '5.51', '4.95', '994.49']],
    // 16,666.67 × 3 ... price with 2 decimals: 16.67 × 1000 = 16670: commission 5.001 → 5.00 (not below minimum? 5.001 > 5 → 5.00 after rounding)
    ['16.67', 1000, 'buy', ['16670.00', '5.00', '0.00', '0.17', '0.57', '0.33', '5.17', '4.10', '16675.17']],
    // half-up at exactly half a cent: 0.0003 × 50,050 = 15.015 → 15.02 (half-even gives 15.02 too: see the next row)
    ['5.005', 10000, 'buy', ['50050.00', '15.02', '0.00', '0.50', '1.71', '1.00', '15.52', '12.31', '50065.52']],
    // where half-up and half-even differ: regulatory 1,250 × 0.00002 = 0.025 → 0.03 (half-even: 0.02)
    ['12.50', 100, 'buy', ['1250.00', '5.00', '0.00', '0.01', '0.04', '0.03', '5.01', '4.93', '1255.01']],
    // an odd lot sold to clear a holding: 1 share at 3.45
    ['3.45', 1, 'sell', ['3.45', '5.00', '0.00', '0.00', '0.00', '0.00', '5.00', '5.00', '-1.55']],
  ];
  it.each(table)('%s × %i %s', (price, quantity, side, expected) => {
    const picked = resolveSchedules(DEFAULTS, trade({ side }));
    const f = computeFees({ side, price, quantity }, picked);
    expect([
      f.amount,
      f.commission,
      f.stamp_duty,
      f.transfer_fee,
      f.handling_fee,
      f.regulatory_fee,
      f.total_fees,
      f.net_commission,
      f.net_amount,
    ]).toEqual(expected);
  });

  it('charges nothing on a zero amount', () => {
    const f = computeFees({ side: 'buy', price: '0', quantity: 100 }, resolveSchedules(DEFAULTS, trade()));
    expect(f.total_fees).toBe('0.00');
  });
});

describe('resolveSchedules: most specific scope wins (client → class → board/type → market → default)', () => {
  const schedules = [
    ...DEFAULTS,
    s({ fee_item: 'commission', rate: '0.00025', scope: 'market', scope_value: 'SZ-A' }, 10),
    s({ fee_item: 'commission', rate: '0.00024', scope: 'security_type', scope_value: 'etf' }, 11),
    s({ fee_item: 'commission', rate: '0.00023', scope: 'board', scope_value: 'star' }, 12),
    s({ fee_item: 'commission', rate: '0.0002', scope: 'client_class', scope_value: 'vip' }, 13),
    s({ fee_item: 'commission', rate: '0.00015', scope: 'client', scope_value: '10000001' }, 14),
    s({ fee_item: 'stamp_duty', rate: '0', scope: 'security_type', scope_value: 'etf', side: 'sell' }, 15),
    s({ fee_item: 'commission', rate: '0.0005', effective_from: '2019-01-01', effective_to: '2019-12-31' }, 16),
  ];
  const cases: [string, Partial<TradeFacts>, Record<string, number>][] = [
    ['default', {}, { commission: 1, transfer_fee: 3 }],
    ['SZ market', { market: 'SZ-A' }, { commission: 10 }],
    ['ETF type beats market', { market: 'SZ-A', security_type: 'etf' }, { commission: 11 }],
    ['STAR board beats type', { security_type: 'etf', board: 'star' }, { commission: 12 }],
    ['client class beats board', { board: 'star', client_class: 'vip' }, { commission: 13 }],
    ['client beats class', { client_class: 'vip', client_id: '10000001' }, { commission: 14 }],
    ['other client falls back to class', { client_class: 'vip', client_id: '10000002' }, { commission: 13 }],
    ['ETF sell: no stamp duty', { security_type: 'etf', side: 'sell' }, { stamp_duty: 15 }],
    ['in force on the trade date only', { date: '2019-06-30' }, { commission: 16 }],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    const picked = resolveSchedules(schedules, trade(over));
    for (const [item, id] of Object.entries(expected)) expect(picked[item as 'commission']?.id, item).toBe(id);
  });

  it('stamp duty applies to sells only', () => {
    expect(resolveSchedules(DEFAULTS, trade({ side: 'buy' })).stamp_duty).toBeUndefined();
    expect(resolveSchedules(DEFAULTS, trade({ side: 'sell' })).stamp_duty?.id).toBe(2);
    expect(resolveSchedules(DEFAULTS, trade({ side: 'sell', date: '2023-08-27' })).stamp_duty).toBeUndefined();
  });

  it('effective dates are inclusive at both ends', () => {
    expect(inForce({ effective_from: '2026-01-01', effective_to: '2026-01-31' }, '2026-01-01')).toBe(true);
    expect(inForce({ effective_from: '2026-01-01', effective_to: '2026-01-31' }, '2026-01-31')).toBe(true);
    expect(inForce({ effective_from: '2026-01-01', effective_to: '2026-01-31' }, '2026-02-01')).toBe(false);
    expect(inForce({ effective_from: '2026-01-01', effective_to: null }, '2099-12-31')).toBe(true);
  });
});

/**
 * An independent reference: integer arithmetic in hundred-millionths (rates have ≤ 8 decimals,
 * prices ≤ 3), rounding half-up by hand. For thousands of random trades the library result must
 * agree to the cent.
 */
function reference(
  side: 'buy' | 'sell',
  priceMilli: bigint,
  qty: bigint,
  r: { c: bigint; s: bigint; t: bigint; h: bigint; g: bigint; min: bigint },
) {
  const amountMilli = priceMilli * qty; // in 0.001 CNY
  const amountC = (amountMilli + 5n) / 10n; // half-up to the cent
  // fee in cents = round_half_up(amountC × rate), rate in 1e-8 units
  const fee = (rate: bigint) => (amountC * rate + 50_000_000n) / 100_000_000n;
  let commission = fee(r.c);
  if (commission < r.min) commission = r.min;
  if (amountC === 0n) commission = 0n; // nothing traded, nothing charged
  const stamp = side === 'sell' ? fee(r.s) : 0n;
  const transfer = fee(r.t);
  const total = commission + stamp + transfer;
  const net = side === 'buy' ? amountC + total : amountC - total;
  const cents = (v: bigint) =>
    `${v < 0n ? '-' : ''}${(v < 0n ? -v : v) / 100n}.${String((v < 0n ? -v : v) % 100n).padStart(2, '0')}`;
  return {
    amount: cents(amountC),
    commission: cents(commission),
    stamp_duty: cents(stamp),
    transfer_fee: cents(transfer),
    handling_fee: cents(fee(r.h)),
    regulatory_fee: cents(fee(r.g)),
    total_fees: cents(total),
    net_amount: cents(net),
  };
}

describe('computeFees against an independent integer reference', () => {
  it('agrees to the cent on thousands of random trades', () => {
    const rate = (max: number) => fc.integer({ min: 0, max }).map(BigInt);
    fc.assert(
      fc.property(
        fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
        fc.integer({ min: 1, max: 3_000_000 }).map(BigInt), // price in 0.001 CNY: 0.001 … 3,000.000
        fc.integer({ min: 1, max: 1_000_000 }).map(BigInt),
        rate(300_000), // commission ≤ 0.003
        rate(100_000),
        rate(10_000),
        rate(10_000),
        rate(10_000),
        fc.integer({ min: 0, max: 1000 }).map(BigInt), // minimum in cents
        (side, priceMilli, qty, c, st, tr, h, g, min) => {
          const toRate = (v: bigint) => (Number(v) / 1e8).toFixed(8);
          const sched = {
            commission: { rate: toRate(c), min_fee: (Number(min) / 100).toFixed(2) },
            stamp_duty: side === 'sell' ? { rate: toRate(st), min_fee: '0' } : undefined,
            transfer_fee: { rate: toRate(tr), min_fee: '0' },
            handling_fee: { rate: toRate(h), min_fee: '0' },
            regulatory_fee: { rate: toRate(g), min_fee: '0' },
          };
          const price = `${priceMilli / 1000n}.${String(priceMilli % 1000n).padStart(3, '0')}`;
          const got = computeFees({ side, price, quantity: Number(qty) }, sched);
          const want = reference(side, priceMilli, qty, { c, s: st, t: tr, h, g, min });
          expect({
            amount: got.amount,
            commission: got.commission,
            stamp_duty: got.stamp_duty,
            transfer_fee: got.transfer_fee,
            handling_fee: got.handling_fee,
            regulatory_fee: got.regulatory_fee,
            total_fees: got.total_fees,
            net_amount: got.net_amount,
          }).toEqual(want);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

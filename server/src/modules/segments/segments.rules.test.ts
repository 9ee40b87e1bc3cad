import { describe, expect, it } from 'vitest';
import {
  type Figures,
  INDICATORS,
  nameClusters,
  normalise,
  parseIndicators,
  type Segment,
  segment,
} from './segments.rules.js';

/** A deterministic jitter (mulberry32), so the population is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Five kinds of client whose group is known, as the research describes them. */
const PROFILES: Record<Segment, Figures> = {
  dormant: { assets: 2_000, market_value: 0, trade_count: 0, commission: 0, turnover: 0, turnover_rate: 0, pnl: 0 },
  conservative: {
    assets: 900_000,
    market_value: 150_000,
    trade_count: 3,
    commission: 60,
    turnover: 60_000,
    turnover_rate: 0.07,
    pnl: 9_000,
  },
  steady: {
    assets: 400_000,
    market_value: 250_000,
    trade_count: 15,
    commission: 400,
    turnover: 400_000,
    turnover_rate: 1,
    pnl: 12_000,
  },
  balanced: {
    assets: 250_000,
    market_value: 200_000,
    trade_count: 60,
    commission: 2_500,
    turnover: 2_500_000,
    turnover_rate: 10,
    pnl: -5_000,
  },
  aggressive: {
    assets: 150_000,
    market_value: 140_000,
    trade_count: 400,
    commission: 15_000,
    turnover: 15_000_000,
    turnover_rate: 100,
    pnl: -30_000,
  },
};

function population(perGroup: Record<Segment, number>, seed = 7) {
  const rnd = random(seed);
  const rows: Figures[] = [];
  const truth: Segment[] = [];
  // interleaved, as client ids would be: one of each kind in turn
  const left = { ...perGroup };
  while (Object.values(left).some((n) => n > 0))
    for (const s of Object.keys(PROFILES) as Segment[]) {
      if (left[s] === 0) continue;
      left[s]--;
      const p = PROFILES[s];
      const jitter = () => 0.8 + 0.4 * rnd();
      rows.push(Object.fromEntries(INDICATORS.map((i) => [i, p[i] * jitter()])) as Figures);
      truth.push(s);
    }
  return { rows, truth };
}

describe('behavioural segmentation (k-means on arctan-normalised indicators)', () => {
  const all = [...INDICATORS];

  it('finds the five groups of a hand-made population and names each by its profile', () => {
    const { rows, truth } = population({ dormant: 120, conservative: 20, steady: 30, balanced: 25, aggressive: 15 });
    for (const seed of [1, 42, 2026]) {
      const r = segment(rows, { indicators: all, k: 5, seed });
      expect(r.converged).toBe(true);
      expect(r.segments).toEqual(truth);
    }
  });

  it('is deterministic: the same seed gives the same groups, run after run', () => {
    // overlapping groups, where k-means++'s random start matters
    const { rows } = population({ dormant: 40, conservative: 40, steady: 40, balanced: 40, aggressive: 40 }, 3);
    const noisy = rows.map((r, i) => ({ ...r, turnover_rate: r.turnover_rate * (1 + (i % 7)) }));
    const a = segment(noisy, { indicators: all, k: 5, seed: 11 });
    const b = segment(noisy, { indicators: all, k: 5, seed: 11 });
    expect(b.segments).toEqual(a.segments);
    expect(new Set(a.segments).size).toBe(5);
  });

  it('clusters on the chosen indicators only', () => {
    const { rows, truth } = population({ dormant: 30, conservative: 10, steady: 10, balanced: 10, aggressive: 10 });
    const r = segment(rows, { indicators: ['assets', 'trade_count', 'turnover_rate'], k: 5, seed: 1 });
    expect(r.segments).toEqual(truth);
    // k = 3 keeps the dormant and the two ends of the risk scale
    const three = segment(rows, { indicators: all, k: 3, seed: 1 });
    expect(new Set(three.segments)).toEqual(new Set(['dormant', 'conservative', 'aggressive']));
  });

  it('groups no one when there are fewer clients than groups', () => {
    expect(segment([PROFILES.dormant, PROFILES.steady], { indicators: all, k: 5, seed: 1 }).segments).toEqual([]);
  });

  it('normalises by arctan over the median magnitude: into (−1, 1), the typical client at ½, signs kept', () => {
    const rows = [100, 250, 400, -250, 0].map((v) => ({ ...PROFILES.dormant, pnl: v }));
    const y = normalise(rows, ['pnl']).map((r) => r[0]!);
    expect(y[1]).toBeCloseTo(0.5, 12); // the median magnitude of {100, 250, 400, 250} is 250: atan(1)·2/π
    expect(y[4]).toBe(0);
    expect(y[3]).toBeCloseTo(-y[1]!, 12);
    expect(y.every((v) => v > -1 && v < 1)).toBe(true);
  });

  it('names the least active group 沉寂型 and the others by ascending turnover rate', () => {
    const ind = ['assets', 'trade_count', 'turnover_rate'] as const;
    const names = nameClusters(
      [
        [0.9, 0.6, 0.9], // most turnover → aggressive
        [0.1, 0.1, 0.0], // least active → dormant
        [0.9, 0.3, 0.2],
        [0.5, 0.5, 0.5],
        [0.7, 0.4, 0.3],
      ],
      ind,
    );
    expect(names).toEqual(['aggressive', 'dormant', 'conservative', 'balanced', 'steady']);
  });

  it('reads the indicator parameter strictly', () => {
    expect(parseIndicators('assets, turnover,turnover_rate')).toEqual(['assets', 'turnover', 'turnover_rate']);
    for (const bad of ['', 'assets', 'assets,assets', 'assets,volume', 'assets;turnover'])
      expect(parseIndicators(bad)).toBeNull();
  });
});

import { kmeans } from 'ml-kmeans';

/**
 * 客户行为分群 (DOMAIN.md §6, the seed's research in reference/seed-documents/003): k-means on
 * arctan-normalised behaviour indicators into groups named by their profile. Pure: the figures
 * come in, the groups go out; the database side is segments.repository.ts.
 */

/** The indicators a client can be clustered on, in the order the parameter lists them. */
export const INDICATORS = [
  'assets',
  'market_value',
  'trade_count',
  'commission',
  'turnover',
  'turnover_rate',
  'pnl',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The five profiles of the research, from the least to the most risk-seeking, and the dormant one. */
export const SEGMENTS = ['conservative', 'steady', 'balanced', 'aggressive', 'dormant'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** k is bounded by the five names: every group gets a profile name of its own. */
export const K_MIN = 3;
export const K_MAX = 5;

/** One client's figures over the window (decimal strings from SQL are read as numbers here: the
 * clustering works on normalised values in (−1, 1), never on money). */
export type Figures = Record<Indicator, number>;

/** Parses the `segment_indicators` parameter ("assets,turnover,…"): null when it names none or an unknown one. */
export function parseIndicators(value: string): Indicator[] | null {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length < 2 || new Set(list).size !== list.length) return null;
  return list.every((s) => (INDICATORS as readonly string[]).includes(s)) ? (list as Indicator[]) : null;
}

/** The median of the non-zero magnitudes (1 when every value is 0). */
function typicalMagnitude(values: number[]): number {
  const m = values
    .map(Math.abs)
    .filter((v) => v > 0)
    .sort((a, b) => a - b);
  if (m.length === 0) return 1;
  const mid = m.length >> 1;
  return m.length % 2 ? m[mid]! : (m[mid - 1]! + m[mid]!) / 2;
}

/**
 * arctan normalisation, as the research does: y = (2/π)·atan(x / s) maps any magnitude into
 * (−1, 1) so that yuan of assets do not drown a trade count, and a long tail (a few very large
 * clients) does not squash everyone else to 0 as a linear min–max would. s is the indicator's
 * median non-zero magnitude over the population, so a typical active client sits near 0.5;
 * atan of raw yuan would put every client with assets at ≈ 1.
 */
export function normalise(rows: Figures[], indicators: readonly Indicator[]): number[][] {
  const scale = indicators.map((ind) => typicalMagnitude(rows.map((r) => r[ind])));
  return rows.map((r) => indicators.map((ind, j) => (2 / Math.PI) * Math.atan(r[ind] / scale[j]!)));
}

/** How active a group is: the mean of its centroid over the indicators, profit and loss aside. */
function activity(centroid: number[], indicators: readonly Indicator[]): number {
  const idx = indicators.map((ind, j) => (ind === 'pnl' ? -1 : j)).filter((j) => j >= 0);
  return idx.reduce((s, j) => s + centroid[j]!, 0) / Math.max(idx.length, 1);
}

/** How much risk a group takes: its turnover rate, else its trading (count, turnover), else its activity. */
function appetite(centroid: number[], indicators: readonly Indicator[]): number {
  for (const ind of ['turnover_rate', 'trade_count', 'turnover'] as const) {
    const j = indicators.indexOf(ind);
    if (j >= 0) return centroid[j]!;
  }
  return activity(centroid, indicators);
}

/**
 * Names the clusters by their profile: the least active is 沉寂型; the others, by ascending risk
 * appetite, spread over 保守型 → 稳健型 → 平衡型 → 进取型 (all four when k = 5; with fewer
 * groups the ends stay, so k = 3 gives 保守型 and 进取型). Ties break by cluster index.
 */
export function nameClusters(centroids: number[][], indicators: readonly Indicator[]): Segment[] {
  const order = centroids.map((_, i) => i);
  const dormant = order.reduce((best, i) =>
    activity(centroids[i]!, indicators) < activity(centroids[best]!, indicators) ? i : best,
  );
  const rest = order
    .filter((i) => i !== dormant)
    .sort((a, b) => appetite(centroids[a]!, indicators) - appetite(centroids[b]!, indicators) || a - b);
  const names: Segment[] = new Array(centroids.length);
  names[dormant] = 'dormant';
  const scale = SEGMENTS.slice(0, 4);
  rest.forEach((cluster, rank) => {
    names[cluster] = scale[rest.length === 1 ? 0 : Math.round((rank * (scale.length - 1)) / (rest.length - 1))]!;
  });
  return names;
}

export interface Clustering {
  /** the segment of each row, in the rows' order */
  segments: Segment[];
  iterations: number;
  converged: boolean;
}

/**
 * Clusters the population (rows in client id order, so a seed always gives the same groups):
 * k-means++ seeded with `seed`, at most 100 iterations. Fewer clients than k: none are grouped.
 */
export function segment(
  rows: Figures[],
  opts: { indicators: readonly Indicator[]; k: number; seed: number },
): Clustering {
  if (rows.length < opts.k) return { segments: [], iterations: 0, converged: true };
  const points = normalise(rows, opts.indicators);
  const r = kmeans(points, opts.k, { initialization: 'kmeans++', seed: opts.seed, maxIterations: 100 });
  const names = nameClusters(r.centroids, opts.indicators);
  return { segments: r.clusters.map((c) => names[c]!), iterations: r.iterations, converged: r.converged };
}

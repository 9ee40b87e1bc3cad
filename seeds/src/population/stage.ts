import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../server/src/db/connect.js';
import { draw, type Streams } from './draws.js';
import type { PickSizes } from './lookups.js';
import {
  BANK_IN_SHARE,
  EMPTY_DORMANT_SHARE,
  FOREIGN_ACCOUNTS,
  HOLDING_SHARE,
  LARGE_CAP,
  LARGE_PARETO_ALPHA,
  NEW_CLIENT,
  NO_MANAGER_SHARE,
  NO_SZ_ACCOUNT_SHARE,
  OPENING_WAVES,
  RECENT_DENSITY,
  STATUS_SHARES,
  TIERS,
  VIP_MEDIUM_SHARE,
} from './profile.js';

/**
 * Who the generated clients are, before anything is written: one row per client in the
 * temporary table `pop_stage`, computed by a single INSERT … SELECT over generate_series from
 * hash draws (draws.ts). Everything later (clients, accounts, cash, holdings) reads it.
 *
 * `population`: the branch as it stands on asOf — opening dates spread over the history window,
 * assets by tier (profile.ts), a few closed, frozen or lost. `daily`: the clients opened on one
 * business date — a small first deposit, sometimes shares transferred in from another broker.
 */
export interface StageOptions {
  streams: Streams;
  mode: 'population' | 'daily';
  count: number;
  /** the first row's key in the stream (keys of one stream never repeat: a second batch of a day draws other people) */
  firstKey: number;
  /** the first of `count` reserved client ids */
  firstClientId: number;
  /** the last day anything can be dated: the population's journal date, or the opening date */
  lastDay: string;
  /** population: the first possible opening date */
  windowStart: string;
  sizes: PickSizes;
}

const days = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Cumulative tier bounds on [0, 1): tier i holds t in [lo, hi). */
const BOUNDS = TIERS.map((_, i) => ({
  lo: TIERS.slice(0, i).reduce((s, t) => s + t.share, 0),
  hi: TIERS.slice(0, i + 1).reduce((s, t) => s + t.share, 0),
}));

/** CASE over the tier of `t`, the last tier taking the rest. */
function byTier(frag: (i: number) => RawBuilder<unknown>): RawBuilder<unknown> {
  const whens = TIERS.slice(0, -1).map((_, i) => sql`WHEN t < ${BOUNDS[i]!.hi}::float8 THEN ${frag(i)}`);
  return sql`(CASE ${sql.join(whens, sql` `)} ELSE ${frag(TIERS.length - 1)} END)`;
}

/** The client's place within its tier, in [0, 1). */
const within = (i: number) => sql`((t - ${BOUNDS[i]!.lo}::float8) / ${TIERS[i]!.share}::float8)`;

/** Assets of a client of tier i at place v (profile.ts: power law within a tier, Pareto for 大户). */
function tierAssets(i: number): RawBuilder<unknown> {
  const tier = TIERS[i]!;
  if (tier.code === 'large') {
    return sql`least(${LARGE_CAP}::float8, ${tier.min}::float8 * power(1 - ${within(i)} * 0.999999, ${-1 / LARGE_PARETO_ALPHA}::float8))`;
  }
  return sql`(${tier.min}::float8 + ${tier.span}::float8 * power(${within(i)}, ${tier.power}::float8))`;
}

/**
 * The opening date: a wave of a bull market with its share, else anywhere in the window with a
 * density rising towards the past (profile.ts RECENT_DENSITY); a weekend moves back to the Friday.
 */
function openingDate(o: StageOptions, u: (d: number) => RawBuilder<number>): RawBuilder<unknown> {
  if (o.mode === 'daily') return sql`${o.lastDay}::date`;
  const span = days(o.windowStart, o.lastDay);
  let cumulative = 0;
  const whens: RawBuilder<unknown>[] = [];
  for (const w of OPENING_WAVES) {
    // biome-ignore lint/complexity/useMathMinMax: business dates are 'YYYY-MM-DD' strings, compared as text
    const from = w.from > o.windowStart ? w.from : o.windowStart;
    // biome-ignore lint/complexity/useMathMinMax: as above
    const to = w.to < o.lastDay ? w.to : o.lastDay;
    if (from > to) continue; // outside the window: its openings spread like the rest
    cumulative += w.share;
    whens.push(
      sql`WHEN ${u(0)} < ${cumulative}::float8 THEN ${from}::date + floor(${u(2)} * ${days(from, to) + 1}::int)::int`,
    );
  }
  // age in the window by the inverse of F(a) = r·a + (1 − r)·a², density r today rising linearly
  const r = RECENT_DENSITY;
  const age = sql`((sqrt(${r * r}::float8 + ${4 * (1 - r)}::float8 * ${u(1)}) - ${r}::float8) / ${2 * (1 - r)}::float8)`;
  const raw = sql`(CASE ${sql.join([...whens, sql`ELSE ${o.lastDay}::date - floor(${span}::float8 * ${age})::int`], sql` `)} END)`;
  return sql`(${raw} - CASE extract(isodow FROM ${raw})::int WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END)`;
}

/** Fills `pop_stage` (dropped at commit). */
export async function stageClients(trx: Db, o: StageOptions): Promise<void> {
  const u = (d: number) => draw(o.streams, d, sql`k`);
  const population = o.mode === 'population';
  // the tier by a golden-ratio sequence: every tier gets its exact share even in a small
  // population, and the clients of a tier spread evenly over its asset range
  const t = sql`(k * 0.6180339887498949 + ${draw(o.streams, 26, sql`0`)}) - floor(k * 0.6180339887498949 + ${draw(o.streams, 26, sql`0`)})`;
  const closed = STATUS_SHARES.closed;
  const status = population
    ? sql`CASE WHEN ${u(30)} < ${closed}::float8 THEN 'closed' WHEN ${u(30)} < ${closed + STATUS_SHARES.frozen}::float8 THEN 'frozen' WHEN ${u(30)} < ${closed + STATUS_SHARES.frozen + STATUS_SHARES.lost}::float8 THEN 'lost' ELSE 'normal' END`
    : sql`'normal'`;
  const tier = population ? byTier((i) => sql`${i}::int`) : sql`-1`;
  const assets = population
    ? byTier(tierAssets)
    : sql`(${NEW_CLIENT.cashMin}::float8 + ${NEW_CLIENT.cashSpan}::float8 * power(${u(44)}, ${NEW_CLIENT.cashPower}::float8))`;
  const holds = population
    ? byTier((i) => sql`${u(27)} < ${TIERS[i]!.holders}::float8`)
    : sql`${u(27)} < ${NEW_CLIENT.transferInShare}::float8`;
  const positions = population
    ? byTier(
        (i) =>
          sql`${TIERS[i]!.positions[0]}::int + floor(${u(29)} * ${TIERS[i]!.positions[1] - TIERS[i]!.positions[0] + 1}::int)::int`,
      )
    : sql`1 + floor(${u(29)} * 3)::int`;
  const holdShare = sql`(${HOLDING_SHARE.min}::float8 + ${HOLDING_SHARE.max - HOLDING_SHARE.min}::float8 * ${u(28)})`;
  // a new client's shares come on top of the first deposit; an existing client's assets split
  const budget = population
    ? sql`assets * hold_share`
    : sql`(${NEW_CLIENT.holdingsMin}::float8 + ${NEW_CLIENT.holdingsSpan}::float8 * ${u(28)})`;
  const cash = population ? sql`assets * (CASE WHEN holds THEN 1 - hold_share ELSE 1 END)` : sql`assets`;
  const foreign = (flag: number, funded: number, amount: number, share: number) =>
    population
      ? sql`CASE WHEN ${u(flag)} < ${share}::float8 AND status <> 'closed' THEN CASE WHEN ${u(funded)} < 0.6 THEN round((200 + 19800 * power(${u(amount)}, 2))::numeric, 2) ELSE 0 END END`
      : sql`NULL::numeric`;
  const managed = population ? 1 - NO_MANAGER_SHARE : NEW_CLIENT.managed;

  await sql`DROP TABLE IF EXISTS pop_stage`.execute(trx);
  await sql`
    CREATE TEMP TABLE pop_stage ON COMMIT DROP AS
    SELECT l3.*, ${o.firstClientId}::bigint + row_number() OVER (ORDER BY opened_on, k) - 1 AS client_id, row_number() OVER (ORDER BY opened_on, k) AS n
    FROM (
      SELECT l2.*,
        CASE WHEN status = 'closed' OR empty THEN 0 ELSE ${cash} END AS cash_raw,
        CASE WHEN holds AND status <> 'closed' THEN ${budget} ELSE 0 END AS holding_budget,
        CASE WHEN tier = ${TIERS.length - 1}::int OR (tier = ${TIERS.length - 2}::int AND assets >= 500000 AND ${u(32)} < ${VIP_MEDIUM_SHARE}::float8) THEN 'vip' ELSE 'retail' END AS client_class,
        -- older clients keep phone orders and landlines; younger ones trade online
        u_phone < CASE WHEN birth < '1965-01-01' THEN 0.7 ELSE 0.45 END AS allow_phone,
        u_online < CASE WHEN birth < '1960-01-01' THEN 0.72 ELSE 0.93 END AS allow_online,
        landline_draw AND birth < '1960-01-01' AS landline
      FROM (
        SELECT l1.*,
          greatest('1925-01-01'::date, opened_on - floor((18 + 52 * (${u(4)} + ${u(5)} + ${u(6)}) / 3) * 365.25)::int) AS birth,
          CASE WHEN status = 'closed' THEN opened_on + floor(${u(31)} * (${o.lastDay}::date - opened_on + 1))::int END AS closed_on,
          ${tier} AS tier,
          ${assets} AS assets,
          ${holds} AS holds,
          ${holdShare} AS hold_share,
          ${positions} AS n_pos,
          ${population ? sql`${u(40)} < ${EMPTY_DORMANT_SHARE}::float8 AND t < ${BOUNDS[0]!.hi}::float8` : sql`false`} AS empty,
          floor(${u(8)} * ${o.sizes.area}::int)::int AS area_idx,
          floor(${u(9)} * ${o.sizes.surname}::int)::int AS surname_idx,
          floor(${u(10)} * CASE gender WHEN 'M' THEN ${o.sizes.given_M}::int ELSE ${o.sizes.given_F}::int END)::int AS given1_idx,
          CASE WHEN ${u(12)} < 0.75 THEN floor(${u(11)} * CASE gender WHEN 'M' THEN ${o.sizes.given_M}::int ELSE ${o.sizes.given_F}::int END)::int ELSE -1 END AS given2_idx,
          floor(${u(13)} * ${o.sizes.mobile}::int)::int AS mobile_idx,
          floor(${u(14)} * 100000000)::int AS phone_digits,
          ${u(15)} < 0.25 AS landline_draw,
          floor(${u(16)} * ${o.sizes.street}::int)::int AS street_idx,
          1 + floor(${u(17)} * 180)::int AS house_no,
          CASE WHEN ${u(41)} < 0.75 THEN (1 + floor(${u(18)} * 30)::int) || '栋' || (1 + floor(${u(19)} * 6)::int) || '单元' || ((1 + floor(${u(20)} * 18)::int) * 100 + 1 + floor(${u(45)} * 4)::int) || '室' ELSE '' END AS flat,
          CASE WHEN ${o.sizes.manager}::int > 0 AND ${u(21)} < ${managed}::float8 THEN floor(${u(22)} * ${o.sizes.manager}::int)::int ELSE -1 END AS manager_idx,
          ${u(25)} < 0.98 AS allow_counter,
          ${u(23)} AS u_phone,
          ${u(24)} AS u_online,
          ${foreign(33, 35, 36, FOREIGN_ACCOUNTS.USD)} AS usd_cash,
          ${foreign(34, 42, 43, FOREIGN_ACCOUNTS.HKD)} AS hkd_cash,
          ${u(37)} >= ${NO_SZ_ACCOUNT_SHARE}::float8 AS wants_sz,
          ${o.sizes.bank}::int > 0 AND ${u(38)} < ${BANK_IN_SHARE}::float8 AS bank_in,
          floor(${u(39)} * ${Math.max(1, o.sizes.bank)}::int)::int AS bank_idx
        FROM (
          SELECT g.k, ${t} AS t, ${openingDate(o, u)} AS opened_on,
            CASE WHEN ${u(3)} < 0.48 THEN 'F' ELSE 'M' END AS gender,
            ${status} AS status
          FROM generate_series(${o.firstKey}::int, ${o.firstKey + o.count - 1}::int) AS g(k)
          OFFSET 0
        ) l1
        OFFSET 0
      ) l2
      OFFSET 0
    ) l3`.execute(trx);
}

/**
 * The shape of the branch's population (DOMAIN.md §6, §7): how many clients, how much money,
 * how it is spread over asset tiers, who holds shares, when accounts were opened. One place for
 * every number the generator uses, each with the reason it has that value.
 */

/** §7: the real 本溪风光街营业部 has about 14,300 clients … */
export const CLIENTS_PER_SCALE = 14_300;
/** … and about 320 million CNY of client funds (客户保证金); opening cash is scaled to this. */
export const CLIENT_FUNDS_PER_SCALE = 320_000_000;

/** Accounts opened over the past ~15 years; older branches carry more old accounts. */
export const HISTORY_YEARS = 15;
/**
 * Outside the waves, the density of openings falls linearly from the oldest end to this share of
 * the window's average today: a branch opening ~300 accounts a year now (≈ 210 net new, §7)
 * keeps about three times as many from a decade ago, closures having thinned both.
 */
export const RECENT_DENSITY = 0.32;

/**
 * Bull markets bring account openings in waves (2015 H1, the 2020–21 fund boom, the 2024-09-24
 * rally). Each wave takes this share of the openings when it lies inside the history window; the
 * rest spread over the window with density rising with age (RECENT_DENSITY).
 */
export const OPENING_WAVES = [
  { from: '2015-01-05', to: '2015-06-12', share: 0.1 },
  { from: '2020-07-01', to: '2021-02-26', share: 0.05 },
  { from: '2024-09-24', to: '2024-12-31', share: 0.03 },
] as const;

/**
 * Client assets (cash + holdings at the previous close) by tier. The tiers of §6 are 散户
 * (< 300,000), 中户 (300,000–800,000) and 大户 (≥ 800,000); 散户 is split in three because half of a
 * branch's accounts are dormant remnants worth a few thousand yuan at most, a third hold a modest
 * portfolio, and a tenth are well-off 散户. Within a tier, assets = min + span × v^power (v the
 * client's place in the tier, spread evenly); the 大户 tail is Pareto (α = 1.9) with a cap, so a
 * handful of clients hold tens of millions, as in a real branch.
 */
export const TIERS = [
  { code: 'dormant', share: 0.5, min: 20, span: 4_980, power: 2, holders: 0.45, positions: [1, 2] },
  { code: 'small', share: 0.345, min: 5_000, span: 95_000, power: 1.6, holders: 0.75, positions: [1, 4] },
  { code: 'upper', share: 0.09, min: 100_000, span: 200_000, power: 1.3, holders: 0.88, positions: [2, 5] },
  { code: 'medium', share: 0.043, min: 300_000, span: 500_000, power: 1.4, holders: 0.92, positions: [3, 7] },
  { code: 'large', share: 0.022, min: 800_000, span: 0, power: 0, holders: 0.95, positions: [4, 10] },
] as const;
export const LARGE_PARETO_ALPHA = 1.9;
export const LARGE_CAP = 60_000_000;

/** A holder keeps this share of assets in shares (between the two), the rest as cash. */
export const HOLDING_SHARE = { min: 0.7, max: 0.96 } as const;

/** 贵宾客户: every 大户, and this share of 中户 from 500,000 up. */
export const VIP_MEDIUM_SHARE = 0.3;

/** Closed (销户) and frozen / lost-card accounts among the population. */
export const STATUS_SHARES = { closed: 0.012, frozen: 0.004, lost: 0.0025 } as const;

/** A dormant remnant sometimes has nothing left at all (no opening cash, no journal entry). */
export const EMPTY_DORMANT_SHARE = 0.06;

/** Foreign-currency fund accounts for B shares: few clients have them. */
export const FOREIGN_ACCOUNTS = { USD: 0.012, HKD: 0.008 } as const;

/** Clients without a Shenzhen account (Shanghai is opened with every account). */
export const NO_SZ_ACCOUNT_SHARE = 0.1;

/** Clients served by no client manager (walk-in and online openings). */
export const NO_MANAGER_SHARE = 0.3;
/** Manager popularity falls as rank^-this: a few managers carry most clients. */
export const MANAGER_SKEW = 1;

/** Opening cash comes through 银证转账 (third-party custody) mostly, else cash at the counter. */
export const BANK_IN_SHARE = 0.8;
/** The branch's depository banks by how many clients use them (Benxi: ICBC and CCB lead). */
export const BANK_WEIGHTS: Record<string, number> = {
  ICBC: 30,
  CCB: 22,
  BOC: 14,
  ABC: 12,
  BOCOM: 8,
  CMB: 7,
  CITIC: 4,
  SPDB: 3,
};

/**
 * A new client of the day-by-day history: a small first transfer (mostly a few thousand to fifty
 * thousand yuan), and sometimes shares moved in from another broker (转托管转入).
 */
export const NEW_CLIENT = {
  cashMin: 1_000,
  cashSpan: 49_000,
  cashPower: 2,
  transferInShare: 0.1,
  holdingsMin: 20_000,
  holdingsSpan: 280_000,
  managed: 0.8,
} as const;

/** A client is closed only when dormant: no order for a year, nothing held, little cash left. */
export const CLOSING = { dormantDays: 365, minAgeDays: 180, maxCash: 10_000 } as const;

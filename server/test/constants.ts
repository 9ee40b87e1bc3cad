/** The demo operators' password in test databases. */
export const TEST_PASSWORD = 'Test2026pw';

/**
 * The history test databases with `history: true` carry: the population of a small branch and
 * its first trading days lived through day-end (seeds/src/history.seed.ts), from DEMO_BUSINESS_DATE.
 */
export const HISTORY = { seed: 5, scale: 0.02, days: 3 } as const;

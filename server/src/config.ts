import path from 'node:path';

/** The environment, read in one place. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORT ?? 3000),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    /** the demo's size on the first run: clients, trading days of history, orders a day */
    demo: {
      clients: Number(env.DEMO_CLIENTS ?? 300),
      days: Number(env.DEMO_DAYS ?? 5),
      ordersPerDay: Number(env.DEMO_ORDERS_PER_DAY ?? 80),
      seed: Number(env.DEMO_SEED ?? 1),
    },
  };
}

export const DEFAULT_DEMO_PASSWORD = 'Demo2026';

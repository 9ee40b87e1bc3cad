import { connect } from '../src/db/connect.js';
import { withDatabase } from '../test/scratch-database.js';

/**
 * A benchmark database kept from an earlier run (BENCH_KEEP=1) when it already holds at least
 * `days` day-end runs, so a bench need not build a year of history again; undefined otherwise.
 */
export async function keptDatabase(base: string, name: string, days: number) {
  try {
    const c = await connect({ databaseUrl: withDatabase(base, name) });
    const n = await c.db
      .selectFrom('day_end_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await c.close();
    return Number(n.n) >= days ? { url: withDatabase(base, name), drop: async () => {} } : undefined;
  } catch {
    return undefined;
  }
}

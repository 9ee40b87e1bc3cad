import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect, type Db } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { seed } from '../../seeds/src/seed.js';
import { seedPopulation } from '../../seeds/src/population.seed.js';
import { seedHistory } from '../../seeds/src/history.seed.js';
import { TEST_PASSWORD } from './constants.js';
import { scratchDatabase } from './scratch-database.js';
import { DEMO_BUSINESS_DATE } from '../../seeds/src/demo-branch.js';
import { HISTORY } from './constants.js';

/** A short life of a small branch on top of the seeded one: what report tests reconcile against. */
async function addHistory(db: Db) {
  await seedPopulation(db, { seed: HISTORY.seed, scale: HISTORY.scale, asOf: DEMO_BUSINESS_DATE });
  await seedHistory(db, { seed: HISTORY.seed, scale: HISTORY.scale, days: HISTORY.days });
}

/**
 * Builds the schema and the demo branch once per run; every test file then starts from a copy
 * (a PGlite data-directory dump, or a PostgreSQL template database), which takes well under a
 * second. A second copy adds a few days of history (population, orders, fills, day-ends) for the
 * tests that need closed days: reports.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = await scratchDatabase(url, `bc_template_${process.pid}`);
    const conn = await connect({ databaseUrl: template.url });
    await migrate(conn.db);
    await seed(conn.db, { demoPassword: TEST_PASSWORD, businessDate: DEMO_BUSINESS_DATE });
    await conn.close();
    const withHistory = await scratchDatabase(url, `bc_template_h_${process.pid}`, template.name);
    const h = await connect({ databaseUrl: withHistory.url });
    await addHistory(h.db);
    await h.close();
    project.provide('pgTemplate', template.name);
    project.provide('pgHistoryTemplate', withHistory.name);
    return async () => {
      await withHistory.drop();
      await template.drop();
    };
  }
  const conn = await connect({});
  await migrate(conn.db);
  await seed(conn.db, { demoPassword: TEST_PASSWORD, businessDate: DEMO_BUSINESS_DATE });
  const dir = mkdtempSync(path.join(tmpdir(), 'bc-test-'));
  const file = path.join(dir, 'seeded.tar');
  writeFileSync(file, Buffer.from(await (await conn.pglite!.dumpDataDir('none')).arrayBuffer()));
  await addHistory(conn.db);
  const historyFile = path.join(dir, 'history.tar');
  writeFileSync(historyFile, Buffer.from(await (await conn.pglite!.dumpDataDir('none')).arrayBuffer()));
  await conn.close();
  project.provide('pgliteSnapshot', file);
  project.provide('pgliteHistorySnapshot', historyFile);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate?: string;
    pgliteSnapshot?: string;
    pgHistoryTemplate?: string;
    pgliteHistorySnapshot?: string;
  }
}

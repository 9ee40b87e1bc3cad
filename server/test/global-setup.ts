import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { seed } from '../../seeds/src/seed.js';
import { TEST_PASSWORD } from './constants.js';
import { scratchDatabase } from './scratch-database.js';
import { DEMO_BUSINESS_DATE } from '../../seeds/src/demo-branch.js';

/**
 * Builds the schema and the demo branch once per run; every test file then starts from a copy
 * (a PGlite data-directory dump, or a PostgreSQL template database), which takes well under a second.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = await scratchDatabase(url, `bc_template_${process.pid}`);
    const conn = await connect({ databaseUrl: template.url });
    await migrate(conn.db);
    await seed(conn.db, { demoPassword: TEST_PASSWORD, businessDate: DEMO_BUSINESS_DATE });
    await conn.close();
    project.provide('pgTemplate', template.name);
    return template.drop;
  }
  const conn = await connect({});
  await migrate(conn.db);
  await seed(conn.db, { demoPassword: TEST_PASSWORD, businessDate: DEMO_BUSINESS_DATE });
  const dump = await conn.pglite!.dumpDataDir('none');
  await conn.close();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bc-test-')), 'seeded.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate?: string;
    pgliteSnapshot?: string;
  }
}

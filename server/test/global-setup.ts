import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { seed } from '../../seeds/src/seed.js';
import { TEST_PASSWORD } from './constants.js';
import { DEMO_BUSINESS_DATE } from '../../seeds/src/demo-branch.js';

/**
 * Builds the schema and the demo branch once per run; every test file then starts from a copy
 * (a PGlite data-directory dump, or a PostgreSQL template database), which takes well under a second.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `bc_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const conn = await connect({ databaseUrl: withDatabase(url, template) });
    await migrate(conn.db);
    await seed(conn.db, { demoPassword: TEST_PASSWORD, businessDate: DEMO_BUSINESS_DATE });
    await conn.close();
    project.provide('pgTemplate', template);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
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

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate?: string;
    pgliteSnapshot?: string;
  }
}

import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { connect } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { DEFAULT_DEMO_PASSWORD, readConfig } from './config.js';
import { isSeeded, seed } from '../../seeds/src/seed.js';
import { syncBuiltInRoles } from '../../seeds/src/built-in-roles.seed.js';
import { firstTradingDayFrom, syncDictionary, tradingDaysBefore } from '../../seeds/src/parameters.seed.js';
import { seedActivity } from '../../seeds/src/demo-activity.seed.js';
import { DEMO_OPERATORS } from '../../seeds/src/demo-branch.js';

const env = readConfig();

const adminDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../admin/dist');

const conn = await connect({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir });
const applied = await migrate(conn.db);
if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
const fresh = !(await isSeeded(conn.db));
if (fresh) {
  // the demo opens on the first trading day from today (Beijing time), after a few days of history
  const today = firstTradingDayFrom(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  const started = Date.now();
  await seed(conn.db, { demoPassword: env.demoPassword, businessDate: tradingDaysBefore(today, env.demo.days) });
  if (env.demo.clients > 0 || env.demo.days > 0) {
    console.log(`building the demo branch: ${env.demo.clients} clients, ${env.demo.days} trading days …`);
    await seedActivity(conn.db, { seed: env.demo.seed, clients: env.demo.clients, days: env.demo.days, ordersPerDay: env.demo.ordersPerDay });
  }
  console.log(`demo data ready in ${Math.round((Date.now() - started) / 100) / 10} s`);
} else {
  await syncBuiltInRoles(conn.db);
  await syncDictionary(conn.db);
}

const app = createApp({ db: conn.db, clock: systemClock });
if (existsSync(adminDist)) {
  const relRoot = path.relative(process.cwd(), adminDist);
  app.use('/*', serveStatic({ root: relRoot }));
  app.get('*', serveStatic({ path: path.join(relRoot, 'index.html') }));
}

const server = serve({ fetch: app.fetch, port: env.port }, (info) => {
  const url = `http://localhost:${info.port}`;
  console.log('');
  console.log(`营业部运营管理平台 is running: ${url}`);
  console.log(`  database: ${conn.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.dataDir}`}`);
  if (fresh) {
    console.log(`  demo branch created; demo logins (password ${env.demoPassword === DEFAULT_DEMO_PASSWORD ? `"${env.demoPassword}", the default — set DEMO_PASSWORD on the first run to choose another` : 'from DEMO_PASSWORD'}):`);
  } else {
    console.log('  existing data kept; demo logins (password as set on the first run):');
  }
  for (const op of DEMO_OPERATORS) console.log(`    ${op.username.padEnd(8)} ${op.name}  (${op.role})`);
  if (!existsSync(adminDist)) console.log('  admin UI not built: run `npm run build` (npm start does it)');
});

async function shutdown() {
  server.close();
  await conn.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

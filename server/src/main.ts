import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { connect } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { createApp } from './app.js';
import { backupContext, syncBackupIndex } from './modules/backups/backups.service.js';
import { archiveLastDemoDay } from '../../seeds/src/demo-archive.seed.js';
import { setReportArchive } from './modules/report-packages/report-packages.service.js';
import { systemClock } from './clock.js';
import { ExportJobs } from './modules/export-jobs/export-jobs.service.js';
import { ProgressHub } from './progress/progress.js';
import { DEFAULT_DEMO_PASSWORD, readConfig } from './config.js';
import { isSeeded } from '../../seeds/src/seed.js';
import { syncBuiltInRoles } from '../../seeds/src/built-in-roles.seed.js';
import { firstTradingDayFrom, syncDictionary } from '../../seeds/src/parameters.seed.js';
import { seedDemo } from '../../seeds/src/demo.seed.js';
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
  console.log(
    `building the demo branch (scale ${env.demo.scale}, ${env.demo.days} trading days of history before ${today}) …`,
  );
  const demo = await seedDemo(conn.db, {
    seed: env.demo.seed,
    scale: env.demo.scale,
    days: env.demo.days,
    open: today,
    demoPassword: env.demoPassword,
    onProgress: (line) => console.log(`  ${line}`),
  });
  console.log(
    `demo data ready in ${Math.round(demo.seconds * 10) / 10} s (every invariant checked over the whole history in ${Math.round(demo.checkSeconds * 10) / 10} s)`,
  );
} else {
  await syncBuiltInRoles(conn.db);
  await syncDictionary(conn.db);
}

const backups = backupContext(conn, { backupDir: env.backupDir, pgBinDir: env.pgBinDir });
// set after the demo's history is seeded: its past days get packages on demand (报表归档 → 生成)
setReportArchive(env.reportArchiveDir);
if (fresh) await archiveLastDemoDay(conn.db);
// the backup directory is the truth of which snapshots exist: index any the table lacks
await syncBackupIndex(backups);
// reports and export jobs may read a streaming replica; the embedded engine has none to offer
if (env.reportsDatabaseUrl && !env.databaseUrl) {
  console.error(
    'REPORTS_DATABASE_URL needs DATABASE_URL: a replica is of a PostgreSQL server, not of the embedded database',
  );
  process.exit(2);
}
const reports = env.reportsDatabaseUrl ? await connect({ databaseUrl: env.reportsDatabaseUrl }) : undefined;
const progress = new ProgressHub();
const jobs = new ExportJobs({ db: conn.db, dir: env.exportDir, clock: systemClock, progress });
// a job the last process left running can never finish: it is failed with the reason, not left "running"
const recovered = await jobs.start();
if (recovered.interrupted)
  console.log(`export jobs interrupted by the last stop, marked failed: ${recovered.interrupted}`);
const app = createApp({
  db: conn.db,
  reportsDb: reports?.db,
  clock: systemClock,
  backups,
  jobs,
  progress,
  dbKind: conn.kind,
});
if (existsSync(adminDist)) {
  const relRoot = path.relative(process.cwd(), adminDist);
  // hashed assets never change under their name: cache them for a year; index.html is asked again
  // every time (it names the current assets). Both go out pre-compressed (brotli or gzip, built by
  // admin/vite.config.ts) to browsers that accept it.
  const cacheFor = (file: string, c: { header: (name: string, value: string) => void }) =>
    c.header('Cache-Control', /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  app.use('/*', serveStatic({ root: relRoot, precompressed: true, onFound: cacheFor }));
  app.get('*', serveStatic({ path: path.join(relRoot, 'index.html'), precompressed: true, onFound: cacheFor }));
}

const server = serve({ fetch: app.fetch, port: env.port }, (info) => {
  const url = `http://localhost:${info.port}`;
  console.log('');
  console.log(`营业部运营管理平台 is running: ${url}`);
  console.log(
    `  database: ${conn.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.dataDir}`}`,
  );
  console.log(`  backups:  ${backups.backupDir}`);
  console.log(`  reports:  ${env.reportArchiveDir}`);
  console.log(`  exports:  ${env.exportDir}`);
  if (reports) console.log('  reports read the replica at REPORTS_DATABASE_URL');
  if (fresh) {
    console.log(
      `  demo branch created; demo logins (password ${env.demoPassword === DEFAULT_DEMO_PASSWORD ? `"${env.demoPassword}", the default — set DEMO_PASSWORD on the first run to choose another` : 'from DEMO_PASSWORD'}):`,
    );
  } else {
    console.log('  existing data kept; demo logins (password as set on the first run):');
  }
  for (const op of DEMO_OPERATORS) console.log(`    ${op.username.padEnd(8)} ${op.name}  (${op.role})`);
  if (!existsSync(adminDist)) console.log('  admin UI not built: run `npm run build` (npm start does it)');
});

async function shutdown() {
  server.close();
  await conn.close();
  await reports?.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

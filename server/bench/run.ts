import { spawnSync } from 'node:child_process';

/**
 * `npm run bench`: every benchmark on embedded PGlite, then on PostgreSQL when it is reachable
 * (DATABASE_URL, default the local server). Each runs in its own process so memory figures are its own.
 */
const BENCHES = [
  'server/bench/parameters.bench.ts',
  'server/bench/ledger.bench.ts',
  'server/bench/orders.bench.ts',
  'server/bench/day-end.bench.ts',
  'reports/bench/preview.bench.ts',
  'server/bench/lists.bench.ts',
  'server/bench/kpis.bench.ts',
  'server/bench/load.bench.ts',
  'server/bench/exports.bench.ts',
];
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
for (const file of BENCHES) {
  for (const databaseUrl of [undefined, pgUrl]) {
    const env = { ...process.env, DATABASE_URL: databaseUrl ?? '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', file], { env, stdio: 'inherit' });
    if (r.status !== 0) console.log(`(${file} on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} failed: exit ${r.status})`);
  }
}
// a million trades is PostgreSQL's: the report renderers against its own COPY
const r = spawnSync(process.execPath, ['--import', 'tsx', 'reports/bench/trade-details.bench.ts'], {
  env: { ...process.env, BENCH_DATABASE_URL: pgUrl },
  stdio: 'inherit',
});
if (r.status !== 0) console.log(`(reports/bench/trade-details.bench.ts failed: exit ${r.status})`);

import { sql } from 'kysely';
import { connect, type Connection } from '../../server/src/db/connect.js';
import { migrate } from '../../server/src/db/migrate.js';
import { invariantViolations } from '../../server/src/modules/day-end/invariants.queries.js';
import { scratchDatabase } from '../../server/test/scratch-database.js';
import { fig, measure } from '../../server/bench/harness.js';
import { DEMO_BUSINESS_DATE } from '../src/demo-branch.js';
import { seed } from '../src/seed.js';
import { seedPopulation } from '../src/population.seed.js';

/**
 * How long the branch population takes to build (seedPopulation), and what it builds: scale 1 on
 * embedded PGlite (in memory), then the scales of POPULATION_SCALES (default 1 and 100) on
 * PostgreSQL (BENCH_DATABASE_URL, default the local server), each in a scratch database of its own.
 * Also times the full invariant check (DOMAIN.md §3.3) over the result. Run:
 *   npx tsx seeds/bench/population.bench.ts
 */
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scales = (v: string) =>
  v
    .split(',')
    .filter((s) => s.trim() !== '')
    .map(Number);
const pgScales = scales(process.env.POPULATION_SCALES ?? '1,100');
const pgliteScales = scales(process.env.POPULATION_PGLITE_SCALES ?? '1');
const TABLES = [
  'clients',
  'fund_accounts',
  'fund_journal_history',
  'shareholder_accounts',
  'positions',
  'position_journal_history',
  'audit_log',
] as const;

async function run(label: string, conn: Connection, scale: number) {
  await migrate(conn.db);
  await seed(conn.db, { demoPassword: 'Bench2026x', businessDate: DEMO_BUSINESS_DATE });
  const r = await measure(() => seedPopulation(conn.db, { seed: 1, scale, asOf: DEMO_BUSINESS_DATE }));
  console.log(`\n## population on ${label}, scale ${scale}`);
  console.log(`seedPopulation: ${fig(r.seconds, 1)} s (peak RSS ${r.peakMb} MB)`);
  const counts: string[] = [];
  for (const t of TABLES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(conn.db);
    counts.push(`${t} ${rows[0]!.n.toLocaleString('en-US')}`);
  }
  console.log(`rows: ${counts.join('; ')}`);
  const { rows: money } = await sql<{ cash: string; held: string; small: number; medium: number; large: number }>`
    WITH a AS (
      SELECT coalesce(f.cash, 0) + coalesce(h.held, 0) AS assets, coalesce(h.held, 0) AS held, coalesce(f.cash, 0) AS cash FROM clients c
      LEFT JOIN (SELECT client_id, sum(balance) AS cash FROM fund_accounts WHERE currency = 'CNY' GROUP BY client_id) f ON f.client_id = c.id
      LEFT JOIN (SELECT p.client_id, sum(p.quantity * s.prev_close) AS held FROM positions p JOIN securities s ON s.id = p.security_id GROUP BY p.client_id) h ON h.client_id = c.id
      WHERE c.status <> 'closed')
    SELECT sum(cash)::text AS cash, sum(held)::text AS held,
      round(100.0 * count(*) FILTER (WHERE assets < 300000) / count(*), 1)::float8 AS small,
      round(100.0 * count(*) FILTER (WHERE assets >= 300000 AND assets < 800000) / count(*), 1)::float8 AS medium,
      round(100.0 * count(*) FILTER (WHERE assets >= 800000) / count(*), 1)::float8 AS large
    FROM a`.execute(conn.db);
  const m = money[0]!;
  console.log(
    `client cash ${Number(m.cash).toLocaleString('en-US')} CNY, holdings at the previous close ${Math.round(Number(m.held)).toLocaleString('en-US')} CNY; tiers 散户 ${m.small}% · 中户 ${m.medium}% · 大户 ${m.large}%`,
  );
  const check = await measure(() => invariantViolations(conn.db, 'full'));
  console.log(
    `invariants (full history): ${check.result.length ? check.result.join(', ') : 'none broken'} in ${fig(check.seconds, 1)} s`,
  );
}

for (const scale of pgliteScales) {
  const conn = await connect({});
  await run('PGlite (embedded, in memory)', conn, scale);
  await conn.close();
}
for (const scale of pgScales) {
  const scratch = await scratchDatabase(pgUrl, `bc_bench_population_${String(scale).replace('.', '_')}`);
  const conn = await connect({ databaseUrl: scratch.url });
  try {
    const { rows } = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(conn.db);
    await run(`PostgreSQL ${rows[0]!.v}`, conn, scale);
  } finally {
    await conn.close();
    await scratch.drop();
  }
}

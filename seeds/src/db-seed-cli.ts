import { sql } from 'kysely';
import { connect } from '../../server/src/db/connect.js';
import { migrate } from '../../server/src/db/migrate.js';
import { readConfig } from '../../server/src/config.js';
import { isSeeded } from './seed.js';
import { seedDemo } from './demo.seed.js';
import { firstTradingDayFrom } from './parameters.seed.js';

/**
 * `npm run db:seed -- --seed 1 --scale 1 --days 30 [--open YYYY-MM-DD]`: builds the demo branch into
 * an empty database (DATABASE_URL, else the embedded one in DATA_DIR) and prints what it holds.
 * The same seed gives the same rows.
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const env = readConfig();
const opts = {
  seed: Number(arg('seed', String(env.demo.seed))),
  scale: Number(arg('scale', String(env.demo.scale))),
  days: Number(arg('days', String(env.demo.days))),
  open: arg('open', firstTradingDayFrom(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10))),
};
if (
  ![opts.seed, opts.scale, opts.days].every(Number.isFinite) ||
  opts.scale < 0 ||
  opts.days < 0 ||
  !/^\d{4}-\d{2}-\d{2}$/.test(opts.open)
) {
  console.error('usage: npm run db:seed -- --seed N --scale S --days D [--open YYYY-MM-DD]');
  process.exit(2);
}
const conn = await connect({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir });
try {
  await migrate(conn.db);
  if (await isSeeded(conn.db)) {
    console.error(
      `the database already holds a branch: seed into an empty one (a new DATA_DIR, or a new database for DATABASE_URL)`,
    );
    process.exitCode = 2;
  } else {
    console.log(
      `seeding on ${conn.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${env.dataDir}`}: seed ${opts.seed}, scale ${opts.scale}, ${opts.days} trading days of history before ${opts.open}`,
    );
    const r = await seedDemo(conn.db, {
      ...opts,
      demoPassword: env.demoPassword,
      onProgress: (line) => console.log(`  ${line}`),
    });
    console.log(
      `built in ${r.seconds.toFixed(1)} s (population ${((r.population?.ms ?? 0) / 1000).toFixed(1)} s, history ${r.history.seconds.toFixed(1)} s, whole-history invariant check ${r.checkSeconds.toFixed(1)} s: passed)`,
    );
    for (const line of await describe()) console.log(line);
  }
} finally {
  await conn.close();
}

/** What the database now holds: rows per table and the branch's figures. */
async function describe() {
  const tables = [
    'clients',
    'fund_accounts',
    'shareholder_accounts',
    'positions',
    'orders',
    'trades',
    'fund_journal_history',
    'position_journal_history',
    'audit_log',
    'daily_summaries',
    'market_totals',
    'closing_prices',
  ];
  const out: string[] = [];
  for (const t of tables) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM ${sql.table(t)}`.execute(conn.db);
    out.push(`  ${t.padEnd(26)} ${Number(rows[0]!.n).toLocaleString('en-US').padStart(12)}`);
  }
  const { rows } = await sql<{ turnover: string; trades: number; funds: string; days: number }>`
    SELECT coalesce(sum(turnover), 0) AS turnover, coalesce(sum(trades), 0)::bigint AS trades, count(DISTINCT business_date)::int AS days,
      (SELECT sum(balance) FROM fund_accounts WHERE currency = 'CNY') AS funds
    FROM daily_summaries`.execute(conn.db);
  const f = rows[0]!;
  // over the days the branch has history for
  const { rows: share } = await sql<{ branch: string; market: string }>`
    SELECT sum(d.turnover) AS branch, (SELECT sum(m.turnover) FROM market_totals m WHERE m.business_date IN (SELECT business_date FROM day_end_runs WHERE status = 'completed')) AS market
    FROM daily_summaries d JOIN branches b ON b.id = d.branch_id WHERE NOT b.is_head_office`.execute(conn.db);
  const s = share[0]!;
  const perDay = f.days ? Number(f.turnover) / f.days : 0;
  out.push(
    `  turnover ${Number(f.turnover).toLocaleString('en-US', { maximumFractionDigits: 0 })} CNY over ${f.days} days (${Number(f.trades).toLocaleString('en-US')} trades; ≈ ${((perDay * 243) / 1e8).toFixed(2)}亿 a year at this pace); client funds ${Number(f.funds).toLocaleString('en-US', { maximumFractionDigits: 0 })} CNY; market share ${s.market ? `万分之${((Number(s.branch) / Number(s.market)) * 10_000).toFixed(2)}` : '—'}`,
  );
  return out;
}

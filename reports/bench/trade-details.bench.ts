import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { connect } from '../../server/src/db/connect.js';
import { migrate } from '../../server/src/db/migrate.js';
import { scratchDatabase } from '../../server/test/scratch-database.js';
import { fig, measure } from '../../server/bench/harness.js';
import { seed } from '../../seeds/src/seed.js';
import { seedPopulation } from '../../seeds/src/population.seed.js';
import { DEMO_BUSINESS_DATE } from '../../seeds/src/demo-branch.js';
import { reportById } from '../src/registry.js';
import { renderCsv } from '../src/render/csv.js';
import { renderPdf } from '../src/render/pdf.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { prepare } from '../src/run.js';
import { wrapped } from '../src/source.js';

/**
 * 成交明细 at volume, on PostgreSQL: 1,000,000 trades (the branch population at scale 1, then ten
 * days of 100,000 trades, one of 1,000 and one of 10,000, written set-based), rendered to CSV and
 * .xlsx for 100,000 and 1,000,000 rows — rows/s and peak RSS, each in a process of its own — side
 * by side with PostgreSQL's `COPY (<the same SELECT>) TO STDOUT (FORMAT csv)` through psql; then
 * PDF of 1,000 and 10,000 rows. BENCH_DATABASE_URL overrides the local server.
 */
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'bc_bench_reports';

/** A Writable that drops what it gets and counts the bytes (the file goes nowhere: its speed is the subject). */
function sink(keep = false) {
  let bytes = 0;
  const kept: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (keep) kept.push(chunk);
      done();
    },
  });
  return { out, bytes: () => bytes, kept: () => Buffer.concat(kept) };
}

/** The days of the bench's trades: an existing bench database is reused with BENCH_KEEP=1. */
async function existing(): Promise<string[] | null> {
  if (!process.env.BENCH_KEEP) return null;
  try {
    const conn = await connect({ databaseUrl: `${url.replace(/\/[^/]*$/, '')}/${DB}` });
    const { rows } = await sql<{ d: string }>`SELECT DISTINCT business_date::text AS d FROM trades ORDER BY 1`.execute(
      conn.db,
    );
    await conn.close();
    return rows.length === 12 ? rows.map((r) => r.d) : null;
  } catch {
    return null;
  }
}

async function build() {
  const kept = await existing();
  if (kept) return kept;
  const scratch = await scratchDatabase(url, DB);
  const conn = await connect({ databaseUrl: scratch.url });
  await migrate(conn.db);
  await seed(conn.db, { demoPassword: 'Bench2026x', businessDate: DEMO_BUSINESS_DATE });
  await seedPopulation(conn.db, { seed: 7, scale: 1, asOf: DEMO_BUSINESS_DATE });
  const days = await sql<{ date: string }>`
    SELECT date::text FROM trading_calendar WHERE market = 'SH-A' AND is_trading_day AND date < ${DEMO_BUSINESS_DATE}::date
    ORDER BY date DESC LIMIT 12`.execute(conn.db);
  const dates = days.rows.map((r) => r.date).reverse();
  const sizes = [...Array(10).fill(100_000), 1_000, 10_000] as number[];
  const op = await conn.db
    .selectFrom('operators')
    .select(['id', 'branch_id'])
    .where('username', '=', 'clerk')
    .executeTakeFirstOrThrow();
  for (const [i, n] of sizes.entries()) {
    const day = dates[i]!;
    // one filled order per trade, over the population's clients and liquid securities (keys, not a loop)
    await sql`
      WITH accts AS (SELECT a.id, a.client_id, row_number() OVER (ORDER BY a.id) - 1 AS k FROM fund_accounts a WHERE a.currency = 'CNY'),
      secs AS (SELECT id, market, code, prev_close, row_number() OVER (ORDER BY id) - 1 AS k FROM securities
               WHERE type = 'stock' AND market IN ('SH-A', 'SZ-A') AND prev_close BETWEEN 1 AND 200 AND board <> 'star'),
      na AS (SELECT count(*) AS n FROM accts), ns AS (SELECT count(*) AS n FROM secs),
      picks AS (
        SELECT g, a.client_id, a.id AS fund_account_id, s.id AS security_id, s.market, s.code, s.prev_close
        FROM generate_series(1::bigint, ${n}::bigint) g
        JOIN accts a ON a.k = (g * 7919 + ${i}) % (SELECT n FROM na)
        JOIN secs s ON s.k = (g * 104729 + ${i}) % (SELECT n FROM ns)
      )
      INSERT INTO orders (order_no, business_date, client_id, fund_account_id, shareholder_account_id, security_id, market, code, side, price, quantity,
        filled_quantity, filled_amount, status, channel, seat_no, operator_id, branch_id)
      SELECT ${day.replaceAll('-', '')} || 'R' || lpad(p.g::text, 9, '0'), ${day}::date, p.client_id, p.fund_account_id, sh.id, p.security_id, p.market, p.code,
        CASE WHEN p.g % 2 = 0 THEN 'buy' ELSE 'sell' END, p.prev_close, 100 * (1 + p.g % 5), 100 * (1 + p.g % 5),
        round(p.prev_close * 100 * (1 + p.g % 5), 2), 'filled', 'online', '38614', ${op.id}, ${op.branch_id}
      FROM picks p JOIN LATERAL (SELECT id FROM shareholder_accounts WHERE client_id = p.client_id AND market = p.market LIMIT 1) sh ON true`.execute(
      conn.db,
    );
    await sql`
      INSERT INTO trades (market, trade_no, business_date, order_id, client_id, security_id, code, side, quantity, price, amount, commission,
        stamp_duty, transfer_fee, handling_fee, regulatory_fee, net_amount, seat_no, shareholder_code, source, branch_id)
      SELECT o.market, 'R' || o.id, o.business_date, o.id, o.client_id, o.security_id, o.code, o.side, o.quantity, o.price, o.filled_amount,
        greatest(5, round(o.filled_amount * 0.0003, 2)), CASE WHEN o.side = 'sell' THEN round(o.filled_amount * 0.0005, 2) ELSE 0 END,
        round(o.filled_amount * 0.00001, 2), round(o.filled_amount * 0.0000341, 2), round(o.filled_amount * 0.00002, 2),
        o.filled_amount, o.seat_no, sh.code, 'bench', o.branch_id
      FROM orders o JOIN shareholder_accounts sh ON sh.id = o.shareholder_account_id WHERE o.business_date = ${day}::date`.execute(
      conn.db,
    );
  }
  await sql`ANALYZE`.execute(conn.db);
  await conn.close();
  return dates;
}

async function runner(db: Awaited<ReturnType<typeof connect>>['db']) {
  const op = await db
    .selectFrom('operators')
    .innerJoin('branches', 'branches.id', 'operators.branch_id')
    .select(['operators.id', 'operators.name', 'branches.id as branch_id', 'branches.name as branch_name'])
    .where('username', '=', 'clerk')
    .executeTakeFirstOrThrow();
  return { id: op.id, name: op.name, branch: { id: op.branch_id, name: op.branch_name }, all_branches: false };
}

/** One measurement in this process: `--measure <csv|xlsx|pdf|copy> <from> <to>`. */
async function measureOne(kind: string, from: string, to: string) {
  const conn = await connect({ databaseUrl: `${url.replace(/\/[^/]*$/, '')}/${DB}` });
  // the open business date of the bench database is after these days
  const p = await prepare(
    reportById('trade_details')!,
    { date_from: from, date_to: to },
    {
      db: conn.db,
      cursor: true,
      runner: await runner(conn.db),
      lang: 'zh',
      at: new Date(),
    },
  );
  if (kind === 'copy') {
    const compiled = wrapped(p.def, p.ctx, p.params)
      .selectAll()
      .orderBy(sql.ref('r.business_date'))
      .orderBy(sql.ref('r.id'))
      .compile();
    // the same SELECT with its (bench-made, trusted) parameters written in, for psql
    const text = compiled.sql.replace(/\$(\d+)/g, (_, i: string) => {
      const v = compiled.parameters[Number(i) - 1];
      return typeof v === 'number' ? String(v) : `'${String(v)}'`;
    });
    const m = await measure(async () => {
      const r = spawnSync(
        'psql',
        [
          `${url.replace(/\/[^/]*$/, '')}/${DB}`,
          '-q',
          '-c',
          `\\copy (${text.replaceAll('\n', ' ')}) TO '/dev/null' (FORMAT csv)`,
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(r.stderr);
    });
    console.log(JSON.stringify({ kind, seconds: m.seconds, peakMb: m.peakMb, baseMb: m.baseMb }));
  } else {
    const s = sink(kind === 'pdf');
    const render = kind === 'csv' ? renderCsv : kind === 'xlsx' ? renderXlsx : renderPdf;
    const m = await measure(() => render(p, s.out));
    const pages =
      kind === 'pdf'
        ? (
            s
              .kept()
              .toString('latin1')
              .match(/\/Type \/Page\b/g) ?? []
          ).length
        : undefined;
    console.log(
      JSON.stringify({
        kind,
        rows: m.result,
        seconds: m.seconds,
        peakMb: m.peakMb,
        baseMb: m.baseMb,
        mb: s.bytes() / 1048576,
        pages,
      }),
    );
  }
  await conn.close();
}

if (process.argv[2] === '--measure') {
  await measureOne(process.argv[3]!, process.argv[4]!, process.argv[5]!);
  process.exit(0);
}

const built = await measure(build);
const dates = built.result;
console.log(`\n## 成交明细 (trade_details) at volume on PostgreSQL 15`);
console.log(
  `data: 1,011,000 trades over 12 days written in ${fig(built.seconds)} s (population of 14,300 clients included)`,
);
const child = (kind: string, from: string, to: string) => {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, '--measure', kind, from, to],
    {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 1 << 24,
    },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0) throw new Error(`${kind}: ${r.stderr}`);
  return JSON.parse(line) as {
    kind: string;
    rows?: number;
    seconds: number;
    peakMb: number;
    baseMb: number;
    mb?: number;
    pages?: number;
  };
};
console.log('| rows | format | seconds | rows/s | × COPY | RSS before → peak MB | file MB |');
console.log('|---:|---|---:|---:|---:|---:|---:|');
for (const [rows, from, to] of [
  [100_000, dates[0]!, dates[0]!],
  [1_000_000, dates[0]!, dates[9]!],
] as const) {
  const copy = child('copy', from, to);
  console.log(
    `| ${rows.toLocaleString('en-US')} | COPY … TO STDOUT (csv), psql | ${fig(copy.seconds, 2)} | ${Math.round(rows / copy.seconds).toLocaleString('en-US')} | 1.0 | — | — |`,
  );
  for (const kind of ['csv', 'xlsx']) {
    const m = child(kind, from, to);
    console.log(
      `| ${m.rows!.toLocaleString('en-US')} | ${kind} | ${fig(m.seconds, 2)} | ${Math.round(m.rows! / m.seconds).toLocaleString('en-US')} | ${fig(m.seconds / copy.seconds)} | ${m.baseMb} → ${m.peakMb} | ${fig(m.mb!)} |`,
    );
  }
}
for (const [, day] of [
  [1_000, dates[10]!],
  [10_000, dates[11]!],
] as const) {
  const m = child('pdf', day, day);
  console.log(
    `| ${m.rows!.toLocaleString('en-US')} | pdf (${m.pages} pages) | ${fig(m.seconds, 2)} | ${Math.round(m.rows! / m.seconds).toLocaleString('en-US')} | — | ${m.baseMb} → ${m.peakMb} | ${fig(m.mb!)} |`,
  );
}
if (!process.env.BENCH_KEEP) await (await scratchDatabase(url, DB)).drop();

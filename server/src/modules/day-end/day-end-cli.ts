import { connect } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { readConfig } from '../../config.js';
import { crashAfter, dayEndProgressKey, dayEndWarnings, runDayEnd, warningText } from './day-end.service.js';
import { STEP_NAMES_ZH } from './day-end.steps.js';
import { wordStep } from './day-end.words.js';
import { ProgressHub, type Progress } from '../../progress/progress.js';
import { grouped } from '../../../../reports/src/format.js';
import { backupContext } from '../backups/backups.service.js';
import { setReportArchive } from '../report-packages/report-packages.service.js';

/**
 * `npm run day-end -- --date 2026-11-23 [--operator clerk] [--acknowledge CODE,… | all]`: day-end
 * from the command line, as that operator, with its snapshots. The pre-check's warnings (no trade
 * report imported, a bank not reconciled) are printed; the run goes ahead only when each one is
 * acknowledged by its code, or all of them with `--acknowledge all`, as the screen's checkboxes do.
 * While it runs it prints each step as it starts and, every few seconds, the step's rows done of
 * expected (the run's progress channel, as the screen shows it).
 */
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const date = arg('date');
if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error('usage: npm run day-end -- --date YYYY-MM-DD [--operator clerk] [--acknowledge CODE,…|all]');
  process.exit(2);
}
const { databaseUrl, dataDir, backupDir, pgBinDir, reportArchiveDir } = readConfig();
setReportArchive(reportArchiveDir);
const conn = await connect({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
await migrate(conn.db);
const username = arg('operator') ?? 'clerk';
const op = await conn.db
  .selectFrom('operators')
  .select(['id', 'branch_id'])
  .where('username', '=', username)
  .executeTakeFirst();
if (!op) {
  console.error(`no operator ${username}`);
  process.exit(2);
}
const ackArg = arg('acknowledge');
const acknowledged = ackArg === 'all' ? 'all' : (ackArg ?? '').split(',').filter(Boolean);
try {
  const warnings = await dayEndWarnings(conn.db, date);
  for (const w of warnings)
    console.log(
      `warning ${w.code}: ${warningText(w, 'zh')}${acknowledged === 'all' || acknowledged.includes(w.code) ? ' (acknowledged)' : ''}`,
    );
  const hub = new ProgressHub();
  const stop = hub.subscribe(dayEndProgressKey(date), printProgress());
  const run = await runDayEnd(
    conn.db,
    { operator_id: op.id, username, branch_id: op.branch_id, ip: 'cli', request_id: 'cli', at: new Date() },
    date,
    {
      backups: backupContext(conn, { backupDir, pgBinDir }),
      acknowledged,
      progress: hub,
      // the crash suite (day-end.crash.test.ts) starts this CLI with DAY_END_CRASH_AT=<step>
      afterStep: crashAfter(process.env.DAY_END_CRASH_AT),
    },
  ).finally(stop);
  if (!run) throw new Error(`day-end ${date}: the run was not recorded`);
  // the steps' details worded in Chinese, as the screen shows them to a Chinese reader
  for (const s of run.steps.map((step) => wordStep(step, 'zh')))
    console.log(`  ${s.name.padEnd(18)} ${String(s.rows).padStart(8)}  ${s.detail}`);
  console.log(`day-end ${date} completed; next business date ${run.next_date}`);
} catch (e) {
  const err = e as Error & { code?: string; params?: Record<string, string> };
  if (err.code === 'DAY_END_UNACKNOWLEDGED')
    console.error(
      `day-end ${date} refused: warnings not acknowledged (${err.params?.codes}); read them, then run again with --acknowledge ${err.params?.codes} (or --acknowledge all)`,
    );
  else console.error(`day-end ${date} failed: ${err.message}`);
  process.exitCode = 1;
} finally {
  await conn.close();
}

/**
 * The progress lines: `  [3/16] 成交清算` when a step starts, then at most every 2 s while it runs
 * `  [3/16] 成交清算 …  12,345 / 40,000` (rows done of expected, or done alone when not known).
 */
function printProgress(everyMs = 2_000) {
  let step = '';
  let last = 0;
  return (p: Progress) => {
    if (p.state !== 'running' || !p.step) return;
    const head = `  [${p.step.index}/${p.step.count}] ${STEP_NAMES_ZH[p.step.code] ?? p.step.code}`;
    const now = Date.now();
    if (p.step.code !== step) {
      step = p.step.code;
      last = now;
      console.log(head);
    } else if (now - last >= everyMs && (p.done > 0 || p.expected !== null)) {
      last = now;
      console.log(`${head} …  ${grouped(p.done, 0)}${p.expected === null ? '' : ` / ${grouped(p.expected, 0)}`}`);
    }
  };
}

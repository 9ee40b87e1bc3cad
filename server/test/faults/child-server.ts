import { serve } from '@hono/node-server';
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { connect } from '../../src/db/connect.js';
import { migrate } from '../../src/db/migrate.js';
import { createApp } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { backupContext } from '../../src/modules/backups/backups.service.js';
import { partialStates } from './books.js';
import { crashAfter } from '../../src/modules/day-end/day-end.service.js';
import { ExportJobs } from '../../src/modules/export-jobs/export-jobs.service.js';
import { type Progress, ProgressHub } from '../../src/progress/progress.js';
import { invariantViolations } from '../../src/modules/day-end/invariants.queries.js';

/**
 * The real server, as main.ts starts it (connect, migrate, createApp, serve), on the database the
 * fault suite names, on a port of the system's choosing (printed as `listening <port>`), with
 * fault points the suite sets through the environment:
 *
 *   FAULT_KILL_AT=<table>:<n>   SIGKILL right after the n-th INSERT into <table> this process runs
 *                               has executed — inside its transaction, before the commit
 *   FAULT_KILL_EXPORT=<report>  SIGKILL once the first chunk of that report's download has gone out
 *                               (mid-stream, before the audit row that follows the last byte)
 *   DAY_END_CRASH_AT=<step>     day-end's fault point (crashAfter, day-end.service.ts) kills inside that step
 *   FAULT_KILL_JOB=1            SIGKILL once a background export job has written its first rows
 *                               (its file still <file>.part, its row still 'running')
 *
 * FAULT_SINCE is the suite's business date (partial-state checks look at orders from it on)
 *
 * and one route of its own, GET /__faults/check: the §3.3 invariants over the whole history and
 * the partial-state checks (books.ts), as this process finds the database after its restart.
 */
const env = process.env;
const conn = await connect(
  env.FAULT_DATABASE_URL ? { databaseUrl: env.FAULT_DATABASE_URL } : { dataDir: env.FAULT_DATA_DIR! },
);
await migrate(conn.db);

const killAt = /^(\w+):(\d+)$/.exec(env.FAULT_KILL_AT ?? '');
let inserts = 0;
/** The table an INSERT writes, for a query built with Kysely's builder or with sql``. */
function insertTarget(node: OperationNode): string | undefined {
  if (node.kind === 'InsertQueryNode') return (node as any).into?.table?.identifier?.name;
  if (node.kind === 'RawNode') {
    const m = /^\s*INSERT\s+INTO\s+(\w+)/i.exec(((node as any).sqlFragments as string[]).join('?'));
    return m?.[1];
  }
  return undefined;
}
const pending = new Set<unknown>();
const killer: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs) {
    if (killAt && insertTarget(args.node) === killAt[1]) pending.add(args.queryId);
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs) {
    if (pending.delete(args.queryId) && ++inserts === Number(killAt![2])) process.kill(process.pid, 'SIGKILL');
    return args.result;
  },
};
const db = killAt ? conn.db.withPlugin(killer) : conn.db;

const backups = backupContext(conn, { backupDir: env.FAULT_BACKUP_DIR! });
/** The progress channel, which hears a job's rows as they go: where the job kill is armed. */
class FaultHub extends ProgressHub {
  override publish(key: string, p: Progress) {
    super.publish(key, p);
    if (env.FAULT_KILL_JOB === '1' && key.startsWith('export_job:') && p.state === 'running' && p.done > 0)
      process.kill(process.pid, 'SIGKILL');
  }
}
const progress = new FaultHub();
// as main.ts: the jobs the last process left unfinished are failed before anything is served
const jobs = new ExportJobs({ db, dir: env.FAULT_EXPORT_DIR!, clock: systemClock, progress });
await jobs.start();
const app = createApp({
  db,
  clock: systemClock,
  backups,
  jobs,
  progress,
  dbKind: conn.kind,
  faults: { afterDayEndStep: crashAfter(env.DAY_END_CRASH_AT) },
});

const killExport = env.FAULT_KILL_EXPORT;
async function fetch(req: Request): Promise<Response> {
  const url = new URL(req.url);
  if (url.pathname === '/__faults/check') {
    const body = {
      invariants: await invariantViolations(conn.db, 'full'),
      partial: await partialStates(conn.db, env.FAULT_SINCE!),
    };
    return Response.json(body);
  }
  const res = await app.fetch(req);
  if (!killExport || !url.pathname.startsWith(`/api/reports/${killExport}/`) || !res.body) return res;
  // the first chunk goes out; the process dies before the next one (or before the end of a
  // one-chunk file): the client holds half a download and the export's audit row is never written
  let chunks = 0;
  const cut = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (++chunks > 1) process.kill(process.pid, 'SIGKILL');
      controller.enqueue(chunk);
    },
    flush() {
      process.kill(process.pid, 'SIGKILL');
    },
  });
  return new Response(res.body.pipeThrough(cut), { status: res.status, headers: res.headers });
}

const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening ${info.port}`));

async function shutdown() {
  server.close();
  await conn.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

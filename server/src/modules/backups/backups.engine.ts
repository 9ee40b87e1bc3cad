import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { openPGlite, type Connection } from '../../db/connect.js';
import { AppError } from '../../http/errors.js';
import type { MsgKey } from '../../http/messages.js';

/**
 * Dumping and restoring the whole database, per engine. PostgreSQL: pg_dump's custom format and
 * pg_restore, run as child processes with an argument array (never a shell line). PGlite: its
 * data directory as a .tar.gz, and a new instance opened from one.
 */

/** Lock waits longer than this fail the dump or restore instead of hanging the request: a
 * restore drops every table, so it queues behind any open transaction. */
const LOCK_WAIT_MS = 30_000;

export async function dumpDatabase(conn: Connection, file: string, pgBinDir?: string): Promise<void> {
  if (conn.kind === 'postgres') {
    const { url, env } = withoutPassword(conn.databaseUrl!);
    await runTool(
      pgBinDir,
      'pg_dump',
      ['--format=custom', `--lock-wait-timeout=${LOCK_WAIT_MS}`, `--file=${file}`, `--dbname=${url}`],
      env,
      'backup_failed',
    );
    return;
  }
  // while no one holds the connection no transaction is half-done; the checkpoint writes
  // everything to the data files, so the copy opens without replaying the log
  const dump = await conn.pool!.exclusive(async (pg) => {
    await pg.exec('CHECKPOINT');
    return pg.dumpDataDir('gzip');
  });
  await pipeline(Readable.fromWeb(dump.stream() as WebReadableStream), createWriteStream(file));
}

/**
 * Replaces the whole database with the snapshot in `file`. PostgreSQL: in one transaction, so a
 * failure leaves the database as it was; the app's pool stays connected and sees the restored
 * tables from its next query. PGlite: the live instance is swapped inside the pool while no one
 * holds it; a persistent data directory is moved aside first and put back if the new one fails.
 */
export async function restoreDatabase(conn: Connection, file: string, pgBinDir?: string): Promise<void> {
  if (conn.kind === 'postgres') {
    const { url, env } = withoutPassword(conn.databaseUrl!);
    await runTool(
      pgBinDir,
      'pg_restore',
      ['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', `--dbname=${url}`, file],
      { ...env, PGOPTIONS: `-c lock_timeout=${LOCK_WAIT_MS}` },
      'restore_failed',
    );
    return;
  }
  const pool = conn.pool!;
  const dump = new Blob([await readFile(file)]);
  await pool.exclusive(async (current) => {
    const dataDir = conn.dataDir;
    if (!dataDir) {
      // in memory: the old instance serves until the new one is ready
      pool.pg = await openPGlite({ loadDataDir: dump }).catch((e) => {
        throw new AppError(422, 'RESTORE_FAILED', 'restore_failed', {
          reason: firstLine(String((e as Error).message ?? e)),
        });
      });
      await current.close();
      return;
    }
    // PGlite loads a dump only into an empty directory, and the old instance holds its own
    const aside = `${dataDir}.before-restore-${Date.now()}`;
    await current.close();
    await rename(dataDir, aside);
    try {
      pool.pg = await openPGlite({ dataDir, loadDataDir: dump });
    } catch (e) {
      await rm(dataDir, { recursive: true, force: true });
      await rename(aside, dataDir);
      pool.pg = await openPGlite({ dataDir });
      throw new AppError(422, 'RESTORE_FAILED', 'restore_failed', {
        reason: firstLine(String((e as Error).message ?? e)),
      });
    }
    await rm(aside, { recursive: true, force: true });
  });
}

/**
 * The URL without its password, which goes to the child through PGPASSWORD instead: a password
 * in the arguments would show in every local user's process list.
 */
function withoutPassword(databaseUrl: string): { url: string; env: Record<string, string> } {
  const u = new URL(databaseUrl);
  if (!u.password) return { url: databaseUrl, env: {} };
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { PGPASSWORD: password } };
}

/** Runs a PostgreSQL client tool. Missing tool → a 422 naming it; non-zero exit → a 422 with the
 * tool's first error line (the full output goes to the server log). */
function runTool(
  binDir: string | undefined,
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  env: Record<string, string>,
  failure: MsgKey,
): Promise<void> {
  const command = binDir ? path.join(binDir, tool) : tool;
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        if (!err) return resolve();
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          return reject(new AppError(422, 'BACKUP_TOOL_MISSING', 'backup_tool_missing', { tool }));
        console.error(`${tool} failed:`, stderr || err.message);
        const line = stderr.split('\n').find((l) => /error|fatal/i.test(l)) ?? stderr.split('\n')[0] ?? err.message;
        reject(
          new AppError(422, failure === 'backup_failed' ? 'BACKUP_FAILED' : 'RESTORE_FAILED', failure, {
            reason: firstLine(line || err.message),
          }),
        );
      },
    );
  });
}

const firstLine = (s: string) => s.trim().split('\n')[0]!.slice(0, 300);

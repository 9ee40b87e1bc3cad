import path from 'node:path';

/** The environment, read in one place. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    dataDir,
    /** database snapshots; beside DATA_DIR, not in it: DATA_DIR is PGlite's own data directory,
     * which every snapshot would copy and a restore replaces whole */
    backupDir: path.resolve(env.BACKUP_DIR || `${dataDir}-backups`),
    /** the report archive (报表归档: the daily report packages), beside DATA_DIR as the backups are */
    reportArchiveDir: path.resolve(env.REPORTS_ARCHIVE_DIR || `${dataDir}-reports`),
    /** the files of background exports (我的导出), kept for export_job_retention_days */
    exportDir: path.resolve(env.EXPORTS_DIR || `${dataDir}-exports`),
    /** where pg_dump and pg_restore are (default: the PATH) */
    pgBinDir: env.PG_BIN_DIR || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    /** a read replica for reports and export jobs (PostgreSQL streaming replica); unset = the main database */
    reportsDatabaseUrl: env.REPORTS_DATABASE_URL || undefined,
    trustProxy: trustProxy(env),
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    /** the demo on the first run: scale 1 = the branch of DOMAIN.md §7; trading days of history */
    demo: {
      scale: Number(env.DEMO_SCALE ?? 1),
      days: Number(env.DEMO_DAYS ?? 30),
      seed: Number(env.DEMO_SEED ?? 1),
    },
  };
}

/**
 * TRUST_PROXY=1: the server sits behind a reverse proxy of ours (TLS terminated there) that sets
 * `X-Forwarded-Proto` and appends to `X-Forwarded-For`. Only then are those headers believed:
 * the session cookie gets `Secure` and the CSRF origin check expects https when the proxy says
 * https, and the audited client address is the one the proxy saw. Off (the default), a client
 * could forge them, so they are ignored. Read per request so one setting serves the whole server.
 */
export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').trim().toLowerCase());
}

export const DEFAULT_DEMO_PASSWORD = 'Demo2026';

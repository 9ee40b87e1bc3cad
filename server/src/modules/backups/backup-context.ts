import type { Connection } from '../../db/connect.js';

/**
 * What snapshots need beyond the Kysely handle: the engine (and, embedded, the pool whose
 * instance a restore swaps), where the files go, and where pg_dump/pg_restore are.
 *
 * A leaf of types only: `http/context.ts` (the app's `Deps`) names it without depending on the
 * backups service, which itself depends on approvals, audit and so back on `http/context.ts`.
 */
export interface BackupContext {
  connection: Connection;
  backupDir: string;
  /** directory of pg_dump and pg_restore; default: the PATH */
  pgBinDir?: string;
}

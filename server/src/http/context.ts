import type { Db } from '../db/connect.js';
import type { Clock } from '../clock.js';
import type { Lang } from './lang.js';
import type { BackupContext } from '../modules/backups/backup-context.js';
import type { ProgressHub } from '../progress/progress.js';
import type { ExportJobs } from '../modules/export-jobs/export-jobs.service.js';

export interface Deps {
  db: Db;
  clock: Clock;
  /** database snapshots and their restore; without it those routes answer 409 */
  backups?: BackupContext;
  /** which engine `db` runs on: reports stream through a cursor on PostgreSQL, by keyset pages on PGlite */
  dbKind?: 'pglite' | 'postgres';
  /** the progress channel of long work (day-end, export jobs); createApp makes one when absent */
  progress?: ProgressHub;
  /**
   * where reports, list exports and export jobs read (REPORTS_DATABASE_URL: a streaming replica
   * of the main PostgreSQL); unset, they read `db`. Writes (audit rows, jobs) always go to `db`.
   */
  reportsDb?: Db;
  /** the background export worker (我的导出); without it every export streams at once */
  jobs?: ExportJobs;
  /** fault points a test suite arms (the fault suite's server); the product leaves it unset */
  faults?: { afterDayEndStep?: (step: string) => void };
}

/** The signed-in operator as every handler sees it. */
export interface Me {
  id: number;
  /** the open business date (rolled by day-end) */
  business_date: string | null;
  username: string;
  name: string;
  branch: { id: number; code: string; name: string; is_head_office: boolean };
  roles: { id: number; code: string; name: string }[];
  permissions: Set<string>;
  /** holds a head-office role: sees every branch */
  all_branches: boolean;
  must_change_password: boolean;
  session: { token_hash: string; csrf_token: string };
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    me: Me | null;
    lang: Lang;
    ip: string;
    requestId: string;
    sessionExpired: boolean;
  };
};

/** The branch filter for a signed-in operator: `null` means every branch. */
export function branchScope(me: Me): number | null {
  return me.all_branches ? null : me.branch.id;
}

/** The database reports read: the replica when one is configured, else the main one. */
export function readDb(deps: Deps): { db: Db; cursor: boolean } {
  return deps.reportsDb ? { db: deps.reportsDb, cursor: true } : { db: deps.db, cursor: deps.dbKind === 'postgres' };
}

import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { PGlitePool } from './pglite-pool.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/**
 * The same value types on both engines: int8 (ids, counts) as JS numbers (ids stay far below
 * 2^53), `date` as the 'YYYY-MM-DD' string (business dates never pass through a time zone),
 * `numeric` as its exact decimal string.
 */
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);
pg.types.setTypeParser(NUMERIC, (v: string) => v);

export interface Connection {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** the PGlite instance in embedded mode (for data-directory dumps): the pool's current one */
  pglite?: PGlite;
  /** PostgreSQL: the URL it was opened with (pg_dump and pg_restore connect with it) */
  databaseUrl?: string;
  /** embedded: the data directory (undefined = in memory) */
  dataDir?: string;
  /** embedded: the pool over the one PGlite instance; a restore swaps the instance inside it */
  pool?: PGlitePool;
  close(): Promise<void>;
}

/** Opens PostgreSQL when `databaseUrl` is set, else an embedded PGlite database in `dataDir`
 * (`undefined` dataDir = in memory). */
export async function connect(opts: {
  databaseUrl?: string;
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<Connection> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, pg_terminate_backend, DROP DATABASE … FORCE)
    // makes the pool emit 'error'; unhandled, that crashes the process. The pool has already
    // discarded the client and opens a new one on the next query.
    pool.on('error', (err) => console.error('PostgreSQL idle client error:', err.message));
    // a cursor lets reports stream millions of rows with bounded memory (`.stream()`)
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    return { db, kind: 'postgres', databaseUrl: opts.databaseUrl, close: () => db.destroy() };
  }
  const pool = new PGlitePool(await openPGlite(opts));
  // PGlitePool has the part of pg.Pool's interface PostgresDialect calls (connect/release/end), not its type
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as never }) });
  return {
    db,
    kind: 'pglite',
    // a getter: after a restore the pool serves another instance
    get pglite() {
      return pool.pg;
    },
    dataDir: opts.dataDir,
    pool,
    close: () => db.destroy(),
  };
}

/** One embedded PGlite instance with the value types above (also used to open a restored one). */
export function openPGlite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  void pgliteTypes;
  return PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    parsers: {
      [INT8]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
      [NUMERIC]: (v: string) => v,
    },
  });
}

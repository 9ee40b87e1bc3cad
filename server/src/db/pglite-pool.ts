import type { PGlite } from '@electric-sql/pglite';

/**
 * A `pg.Pool` look-alike over one embedded PGlite instance, so Kysely's own PostgresDialect
 * drives both PGlite and a real PostgreSQL server through one code path (savepoints included).
 * PGlite is a single connection: `connect()` hands it out to one caller at a time and queues
 * the rest, which is exactly what serialises transactions correctly.
 */
export class PGlitePool {
  private tail: Promise<void> = Promise.resolve();

  /** the instance every later `connect()` is served from; a restore swaps it (see `exclusive`) */
  constructor(public pg: PGlite) {}

  async connect() {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    await previous;
    const pg = this.pg;
    return {
      async query(sql: string, params: unknown[] = []) {
        // Parameterless text may hold several statements (migrations): only `exec` runs those.
        if (params.length === 0) {
          const results = await pg.exec(sql);
          const last = results[results.length - 1] ?? { rows: [], affectedRows: 0 };
          return { command: commandOf(sql), rowCount: last.affectedRows ?? 0, rows: last.rows };
        }
        const r = await pg.query(sql, params);
        return { command: commandOf(sql), rowCount: r.affectedRows ?? 0, rows: r.rows };
      },
      release() {
        release();
      },
    };
  }

  /**
   * Runs `fn` once every earlier caller has released the connection and before any later one
   * gets it: a consistent data-directory dump, or replacing `pg` under the running app (a
   * restore) — callers queued meanwhile are served from whatever `pg` is when their turn comes.
   */
  async exclusive<T>(fn: (pg: PGlite) => Promise<T>): Promise<T> {
    const turn = await this.connect();
    try {
      return await fn(this.pg);
    } finally {
      turn.release();
    }
  }

  async end() {
    await this.tail;
    await this.pg.close();
  }
}

function commandOf(sql: string): string {
  const m = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select)/i.exec(sql);
  return m ? m[1]!.toUpperCase() : 'SELECT';
}

import type { Db } from './connect.js';

/**
 * Runs `fn` in a transaction: the caller's, when it already holds one (an approval applying a
 * change, a day-end step posting to the ledger), else a new one. Services use this instead of
 * `db.transaction()` so they compose without nesting.
 */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

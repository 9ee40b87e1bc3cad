import type { Db } from '../../db/connect.js';
import { inTransaction } from '../../db/transaction.js';
import { fieldError, isUniqueViolation, notFound } from '../../http/errors.js';
import { audit, type Actor } from '../audit/audit.service.js';

export interface CodeChange {
  new_code: string;
  new_name: string;
  effective_on: string;
}

/**
 * 代码更换: the security keeps its id (so holdings and trades follow it) and the old code is
 * recorded in security_code_changes; the new code must be free on the security's market. One
 * transaction with its audit row. Returns the security as changed.
 */
export async function changeSecurityCode(db: Db, actor: Actor, id: number, change: CodeChange) {
  const { new_code, new_name, effective_on } = change;
  const before = await db.selectFrom('securities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound();
  const taken = await db
    .selectFrom('securities')
    .select('id')
    .where('market', '=', before.market)
    .where('code', '=', new_code)
    .executeTakeFirst();
  if (taken) throw fieldError('new_code', 'duplicate', { value: new_code });
  return inTransaction(db, async (trx) => {
    // the code stays unique per market even against a concurrent change (the unique index decides)
    await trx
      .insertInto('security_code_changes')
      .values({
        security_id: id,
        market: before.market,
        old_code: before.code,
        new_code,
        old_name: before.name,
        new_name,
        effective_on,
        operator_id: actor.operator_id,
      })
      .execute();
    const row = await trx
      .updateTable('securities')
      .set((eb) => ({ code: new_code, name: new_name, version: eb('version', '+', 1), updated_at: actor.at }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'change_code',
      resource: 'securities',
      record_id: id,
      before,
      after: row,
      detail: `${before.code} → ${new_code}`,
    });
    return row;
  }).catch((e: unknown) => {
    if (isUniqueViolation(e, 'securities_market_code_key'))
      throw fieldError('new_code', 'duplicate', { value: new_code });
    throw e;
  });
}

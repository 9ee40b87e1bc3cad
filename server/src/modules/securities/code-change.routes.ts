import { apiDate } from '../../http/dates.js';
import { route, router, idParams, jsonBody, z } from '../../http/route.js';
import { fieldError, isUniqueViolation, notFound } from '../../http/errors.js';
import { actorOf, audit } from '../audit/audit.service.js';
import { inTransaction } from '../../db/transaction.js';

const body = z.strictObject({
  new_code: z.string().regex(/^\d{6}$/),
  new_name: z.string().trim().min(1).max(20),
  effective_on: apiDate,
});

/** 代码更换: the security keeps its id (so holdings and trades follow it) and the old code is recorded. */
export const codeChangeRoutes = router().openapi(
  route('securities.edit', {
    method: 'post',
    path: '/securities/{id}/change_code',
    tags: ['securities'],
    summary: "代码更换 Change a security's code (the old code stays on record)",
    request: { params: idParams, ...jsonBody(body) },
  }),
  async (c) => {
    const { db } = c.get('deps');
    const id = Number(c.req.valid('param').id);
    const { new_code, new_name, effective_on } = c.req.valid('json');
    const actor = actorOf(c);
    const before = await db.selectFrom('securities').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound();
    const taken = await db
      .selectFrom('securities')
      .select('id')
      .where('market', '=', before.market)
      .where('code', '=', new_code)
      .executeTakeFirst();
    if (taken) throw fieldError('new_code', 'duplicate', { value: new_code });
    const after = await inTransaction(db, async (trx) => {
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
    return c.json(after, 200);
  },
);

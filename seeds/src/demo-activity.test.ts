import { afterAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../server/test/harness.js';
import type { Connection } from '../../server/src/db/connect.js';
import { invariantViolations } from '../../server/src/modules/day-end/invariants.queries.js';
import { seedActivity } from './demo-activity.seed.js';

const opened: Connection[] = [];
afterAll(async () => {
  for (const c of opened) await c.close();
});

async function build(seed: number) {
  const conn = await openTestDb();
  opened.push(conn);
  await seedActivity(conn.db, { seed, clients: 25, days: 2, ordersPerDay: 20 });
  const clients = (await conn.db.selectFrom('clients').select(['name', 'id_number']).orderBy('id').execute()).map(
    (c) => `${c.name} ${c.id_number}`,
  );
  const trades = (
    await conn.db.selectFrom('trades').select(['code', 'quantity', 'price', 'net_amount']).orderBy('id').execute()
  ).map((t) => `${t.code} ${t.quantity} ${t.price} ${t.net_amount}`);
  return { conn, clients, trades };
}

describe('the demo activity', () => {
  it('is built by the live services: every invariant holds, days are closed by day-end', async () => {
    const { conn, clients, trades } = await build(7);
    expect(clients.length).toBeGreaterThan(20);
    expect(trades.length).toBeGreaterThan(0);
    expect(await invariantViolations(conn.db, 'full')).toEqual([]);
    const runs = await conn.db
      .selectFrom('day_end_runs' as never)
      .select('status' as never)
      .execute();
    expect(runs).toHaveLength(2);
    expect(
      await conn.db
        .selectFrom('system_params')
        .select('value')
        .where('key', '=', 'business_date')
        .executeTakeFirstOrThrow(),
    ).toEqual({ value: '2026-11-25' });
  });

  it('is the same for the same seed, different for another', async () => {
    const a = await build(11);
    const b = await build(11);
    const c = await build(12);
    expect(b.clients).toEqual(a.clients);
    expect(b.trades).toEqual(a.trades);
    expect(c.clients).not.toEqual(a.clients);
  });
});

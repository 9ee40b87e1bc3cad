import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connect, type Connection } from '../../db/connect.js';
import { type Session, testApp } from '../../../test/harness.js';
import { scratchDatabase } from '../../../test/scratch-database.js';

const url = process.env.DATABASE_URL;
const template = url ? inject('pgHistoryTemplate') : undefined;

/**
 * REPORTS_DATABASE_URL: reports, list exports and export jobs read the replica; postings, audit
 * rows and sessions stay on the main database. A "replica" here is a copy of the same day taken
 * before a deposit: what the reports show must be the copy's, what the ledger holds the main's.
 */
describe.skipIf(!url || !template)('reports read the replica (REPORTS_DATABASE_URL)', () => {
  let replica: Awaited<ReturnType<typeof scratchDatabase>>;
  let rconn: Connection;
  let t: Awaited<ReturnType<typeof testApp>>;
  let clerk: Session;
  let teller: Session;
  beforeAll(async () => {
    replica = await scratchDatabase(url!, `bc_replica_${randomBytes(5).toString('hex')}`, template);
    rconn = await connect({ databaseUrl: replica.url });
    t = await testApp({ history: true, reportsDb: rconn.db });
    clerk = await t.login('clerk');
    teller = await t.login('teller');
  });
  afterAll(async () => {
    await t?.close();
    await rconn?.close();
    await replica?.drop();
  });

  it("a deposit on the main database is in the ledger but not in the replica's 资金流水, until the replica has it", async () => {
    const open = (
      await t.db
        .selectFrom('system_params')
        .select('value')
        .where('key', '=', 'business_date')
        .executeTakeFirstOrThrow()
    ).value;
    const account = await t.db
      .selectFrom('fund_accounts')
      .select('id')
      .where('branch_id', '=', clerk.me.branch.id)
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const q = `/api/reports/fund_ledger?date_from=${open}&date_to=${open}&per_page=200`;
    const before = await t.call('GET', q, { as: clerk });
    expect(before.status).toBe(200);
    const dep = await t.call('POST', '/api/fund_journal', {
      as: teller,
      body: {
        account_id: account.id,
        type: 'deposit',
        amount: '1234.56',
        idempotency_key: `replica-${randomBytes(4).toString('hex')}`,
      },
    });
    expect(dep.status, JSON.stringify(dep.json)).toBe(201);
    const onMain = await t.db.selectFrom('fund_journal').select('id').where('id', '=', dep.json.id).executeTakeFirst();
    expect(onMain).toBeDefined();
    const after = await t.call('GET', q, { as: clerk });
    expect(after.json.total_rows).toBe(before.json.total_rows);
    // the replica catches up (here: the row copied over): the report shows it
    const row = await t.db
      .selectFrom('fund_journal')
      .selectAll()
      .where('id', '=', dep.json.id)
      .executeTakeFirstOrThrow();
    await rconn.db.insertInto('fund_journal').values(row).execute();
    const caught = await t.call('GET', q, { as: clerk });
    expect(caught.json.total_rows).toBe(before.json.total_rows + 1);
    // the audit row of a download goes to the main database even when the file came from the replica
    const csv = await t.app.request(`/api/reports/fund_ledger/csv?date_from=${open}&date_to=${open}`, {
      headers: { cookie: clerk.cookie },
    });
    expect(csv.status).toBe(200);
    await csv.arrayBuffer();
    // the audit row follows the last byte: poll for it (bounded), never a timing assertion
    const downloads = () =>
      t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'download')
        .where('resource', '=', 'fund_ledger')
        .execute();
    let audited = await downloads();
    for (let i = 0; i < 100 && !audited.length; i++) {
      await new Promise((r) => setTimeout(r, 20));
      audited = await downloads();
    }
    expect(audited.length).toBeGreaterThanOrEqual(1);
  });
});

import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempt, testApp, type TestApp } from '../../../test/harness.js';
import type { Actor } from '../audit/audit.service.js';
import { approve } from '../approvals/approvals.service.js';
import { openClient, setClientStatus, settleClosingInterest } from '../clients/clients.service.js';
import { checkChar } from '../clients/id-number.calc.js';
import { postEntry, requestReversal } from './ledger.service.js';
import { AppError } from '../../http/errors.js';

/**
 * A model test of the ledger (DOMAIN.md §3.3): random sequences of open / deposit / withdraw /
 * transfer / bank transfer / freeze / unfreeze / reversal / close (销户结息 then 销户) run against the
 * real service and a plain in-memory model in integer cents; after every step the account equals
 * the model and every invariant holds in the database. A closing succeeds exactly when nothing is
 * left in the account; a closed account takes nothing more, a reversal included. fast-check prints the seed and the shrunk sequence on failure.
 * (Orders, cancels and fills join this model when the order service lands.)
 */
const RUNS = Number(process.env.LEDGER_MODEL_RUNS ?? 20);
const OPS = Number(process.env.LEDGER_MODEL_OPS ?? 500);

type Op =
  | { kind: 'open' }
  | {
      kind: 'post';
      account: number;
      type: 'deposit' | 'withdrawal' | 'transfer_in' | 'transfer_out' | 'bank_in' | 'bank_out' | 'freeze' | 'unfreeze';
      cents: number;
    }
  | { kind: 'reverse'; entry: number }
  | { kind: 'close'; account: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'open' as const }) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('post' as const),
      account: fc.nat(50),
      type: fc.constantFrom(
        'deposit',
        'withdrawal',
        'transfer_in',
        'transfer_out',
        'bank_in',
        'bank_out',
        'freeze',
        'unfreeze',
      ) as fc.Arbitrary<Extract<Op, { kind: 'post' }>['type']>,
      // mostly ordinary amounts, sometimes a cent, sometimes over the single limits
      cents: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 1, max: 20_000_000 }) },
        { weight: 1, arbitrary: fc.constant(1) },
        { weight: 1, arbitrary: fc.integer({ min: 100_000_000, max: 600_000_000 }) },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), entry: fc.nat(500) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), account: fc.nat(50) }) },
);

interface ModelAccount {
  id: number;
  client: number;
  balance: bigint;
  frozen: bigint;
  closed: boolean;
}
interface ModelEntry {
  id: number;
  account: ModelAccount;
  amount: bigint;
  frozen: bigint;
  reversed: boolean;
  isReversal: boolean;
}

const DEPOSIT_LIMIT = 500_000_000n; // 5,000,000.00 CNY (system parameter)
const WITHDRAWAL_LIMIT = 100_000_000n; // 1,000,000.00
const cents = (s: string) => BigInt(s.replace('.', ''));
const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

let t: TestApp;
let maker: Actor;
let checker: Actor;
let checkerPerms: Set<string>;
let idSeq = 0;

beforeAll(async () => {
  t = await testApp();
  const teller = await t.db
    .selectFrom('operators')
    .select(['id', 'branch_id'])
    .where('username', '=', 'teller')
    .executeTakeFirstOrThrow();
  const clerk = await t.db
    .selectFrom('operators')
    .select(['id', 'branch_id'])
    .where('username', '=', 'clerk')
    .executeTakeFirstOrThrow();
  const at = new Date('2026-11-23T02:00:00Z');
  maker = { operator_id: teller.id, username: 'teller', branch_id: teller.branch_id, ip: '', request_id: 'model', at };
  checker = { operator_id: clerk.id, username: 'clerk', branch_id: clerk.branch_id, ip: '', request_id: 'model', at };
  checkerPerms = new Set(['fund_journal.approve', 'approvals.approve']);
});
afterAll(() => t.close());

function newIdNumber() {
  idSeq++;
  const first17 = `210502${1950 + (idSeq % 50)}0${1 + (idSeq % 9)}1${idSeq % 10}${String(idSeq % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

async function checkInvariants(accounts: ModelAccount[]) {
  for (const a of accounts) {
    const row = await t.db
      .selectFrom('fund_accounts')
      .select(['balance', 'frozen'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect({ balance: cents(row.balance), frozen: cents(row.frozen) }, `account ${a.id}`).toEqual({
      balance: a.balance,
      frozen: a.frozen,
    });
  }
  // in the database, for every account: balance = Σ amounts, frozen = Σ frozen deltas, 0 ≤ frozen ≤ balance,
  // the last entry's running balance is the balance, and no entry is reversed twice
  const { rows } = await sql<{ bad: number }>`
    SELECT count(*)::int AS bad FROM fund_accounts a
    LEFT JOIN (SELECT account_id, sum(amount) s, sum(frozen_delta) f, max(id) last FROM fund_journal GROUP BY account_id) j ON j.account_id = a.id
    LEFT JOIN fund_journal l ON l.id = j.last
    WHERE a.balance <> coalesce(j.s, 0) OR a.frozen <> coalesce(j.f, 0) OR a.frozen < 0 OR a.frozen > a.balance
       OR (l.id IS NOT NULL AND (l.balance_after <> a.balance OR l.frozen_after <> a.frozen))`.execute(t.db);
  expect(rows[0]!.bad).toBe(0);
}

describe('the ledger against a model', () => {
  it(`${RUNS} random sequences of ${OPS} operations keep every invariant`, async () => {
    let key = 0;
    let closures = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: OPS, maxLength: OPS }), async (ops) => {
        const accounts: ModelAccount[] = [];
        const entries: ModelEntry[] = [];
        for (const op of ops) {
          if (op.kind === 'open' || accounts.length === 0) {
            const c = await openClient(t.db, maker, maker.branch_id, {
              name: '模型客户',
              id_number: newIdNumber(),
              phone: '',
              address: '',
              client_class: 'retail',
              client_manager_id: null,
              allow_counter: true,
              allow_phone: true,
              allow_online: true,
              agent_name: '',
              agent_id_number: '',
              agent_phone: '',
            });
            accounts.push({ id: c.fund_account_id, client: c.id, balance: 0n, frozen: 0n, closed: false });
            continue;
          }
          if (op.kind === 'post') {
            const a = accounts[op.account % accounts.length]!;
            const amount = BigInt(op.cents);
            const available = a.balance - a.frozen;
            const credit = ['deposit', 'transfer_in', 'bank_in'].includes(op.type);
            const outflow = ['withdrawal', 'transfer_out', 'bank_out'].includes(op.type);
            const ok =
              !a.closed &&
              (op.type === 'deposit' || op.type === 'bank_in' ? amount <= DEPOSIT_LIMIT : true) &&
              (outflow ? amount <= WITHDRAWAL_LIMIT && amount <= available : true) &&
              (op.type === 'freeze' ? amount <= available : true) &&
              (op.type === 'unfreeze' ? amount <= a.frozen : true);
            const r = await attempt(() =>
              postEntry(t.db, maker, maker.branch_id, {
                account_id: a.id,
                type: op.type,
                amount: money(op.cents),
                reference: '',
                bank_code: op.type.startsWith('bank_') ? 'ICBC' : null,
                idempotency_key: `m${process.pid}-${++key}`,
              }),
            );
            expect(
              r instanceof AppError,
              `${op.type} ${money(op.cents)} on ${a.balance}/${a.frozen}: ${r instanceof AppError ? r.key : 'ok'}`,
            ).toBe(!ok);
            if (ok) {
              const e = {
                id: (r as { id: number }).id,
                account: a,
                amount: credit ? amount : outflow ? -amount : 0n,
                frozen: op.type === 'freeze' ? amount : op.type === 'unfreeze' ? -amount : 0n,
                reversed: false,
                isReversal: false,
              };
              a.balance += e.amount;
              a.frozen += e.frozen;
              entries.push(e);
            } else {
              expect((r as AppError).status).toBe(400);
            }
          }
          if (op.kind === 'reverse' && entries.length) {
            const e = entries[op.entry % entries.length]!;
            const a = e.account;
            // reversing takes the opposite effect; refused if it would break the account
            const balance = a.balance - e.amount;
            const frozen = a.frozen - e.frozen;
            const ok =
              !a.closed &&
              !e.reversed &&
              !e.isReversal &&
              frozen >= 0n &&
              balance - frozen >= 0n &&
              (e.amount <= 0n || e.amount <= a.balance - a.frozen);
            const r = await attempt(async () => {
              const { approval_id } = await requestReversal(t.db, maker, maker.branch_id, e.id, '录入错误');
              return approve(t.db, checker, checkerPerms, maker.branch_id, approval_id, '');
            });
            expect(
              r instanceof AppError,
              `reverse #${e.id} (${e.amount}/${e.frozen}) on ${a.balance}/${a.frozen}: ${r instanceof AppError ? r.key : 'ok'}`,
            ).toBe(!ok);
            if (ok) {
              e.reversed = true;
              a.balance = balance;
              a.frozen = frozen;
              entries.push({
                id: Number((r as { result_id: string }).result_id),
                account: a,
                amount: -e.amount,
                frozen: -e.frozen,
                reversed: false,
                isReversal: true,
              });
            }
          }
          if (op.kind === 'close') {
            // 销户 at the counter: the interest first (none accrued: no day has closed since these
            // accounts opened, so 0.00 and no entry), then the close, which needs nothing left
            const a = accounts[op.account % accounts.length]!;
            const settled = await attempt(() =>
              settleClosingInterest(t.db, maker, maker.branch_id, a.client, `m${process.pid}-${++key}`),
            );
            if (a.closed) expect((settled as AppError).fields?.status).toEqual({ key: 'client_closed' });
            else
              expect(settled).toMatchObject({ accounts: [{ account_id: a.id, interest: '0.00', journal_id: null }] });
            const { version } = await t.db
              .selectFrom('clients')
              .select('version')
              .where('id', '=', a.client)
              .executeTakeFirstOrThrow();
            const r = await attempt(() => setClientStatus(t.db, maker, maker.branch_id, a.client, 'closed', version));
            const ok = !a.closed && a.balance === 0n && a.frozen === 0n;
            expect(
              r instanceof AppError,
              `close ${a.id} at ${a.balance}/${a.frozen}: ${r instanceof AppError ? r.key : 'ok'}`,
            ).toBe(!ok);
            if (ok) {
              a.closed = true;
              closures++;
            } else expect((r as AppError).status).toBe(400);
          }
          await checkInvariants(accounts);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // the sequences did close accounts, not only try
    expect(closures).toBeGreaterThan(0);
  }, 900_000);

  it('a replayed idempotency key posts nothing and answers the same; another payload under it is a 409', async () => {
    const c = await openClient(t.db, maker, maker.branch_id, {
      name: '幂等',
      id_number: newIdNumber(),
      phone: '',
      address: '',
      client_class: 'retail',
      client_manager_id: null,
      allow_counter: true,
      allow_phone: true,
      allow_online: true,
      agent_name: '',
      agent_id_number: '',
      agent_phone: '',
    });
    const req = {
      account_id: c.fund_account_id,
      type: 'deposit' as const,
      amount: '100.00',
      reference: '',
      idempotency_key: 'same-key-0001',
    };
    const first = await postEntry(t.db, maker, maker.branch_id, req);
    const again = await postEntry(t.db, maker, maker.branch_id, req);
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    const n = await t.db
      .selectFrom('fund_journal')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', c.fund_account_id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    const other = await attempt(() => postEntry(t.db, maker, maker.branch_id, { ...req, amount: '200.00' }));
    expect(other).toBeInstanceOf(AppError);
    expect((other as AppError).status).toBe(409);
    // a key is its operator's: another operator's request with the same key is its own request
    const someoneElse = await postEntry(t.db, checker, maker.branch_id, req);
    expect((someoneElse as { id: number }).id).not.toBe((first as { id: number }).id);
  });

  it('the database refuses to update or delete a journal entry', async () => {
    await expect(sql`UPDATE fund_journal SET amount = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM fund_journal`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});

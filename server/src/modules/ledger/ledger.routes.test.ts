import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { checkChar } from '../clients/id-number.calc.js';

/**
 * The ledger through HTTP (DOMAIN.md §3.3): postings and the balances they leave, to the cent;
 * refused input that posts nothing; idempotency keys; same-day reversal under approval (复核,
 * §8); the journal list and its running balance.
 */
let t: TestApp;
let teller: Session;
let clerk: Session;
let bankCode: string;
let today: string;

beforeAll(async () => {
  t = await testApp();
  teller = await t.login('teller');
  clerk = await t.login('clerk');
  bankCode = (
    await t.db
      .selectFrom('banks')
      .select('code')
      .where('status', '=', 'active')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  today = await businessDate();
});
afterAll(() => t.close());

const q = (params: Record<string, unknown>) =>
  '?' +
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');
const count = async (table: 'fund_journal' | 'audit_log' | 'approvals') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const lastAuditId = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m ?? 0,
  );
const auditSince = (id: number) =>
  t.db.selectFrom('audit_log').selectAll().where('id', '>', id).orderBy('id').execute();
const journalOf = (accountId: number) =>
  t.db.selectFrom('fund_journal').selectAll().where('account_id', '=', accountId).orderBy('id').execute();

async function businessDate() {
  return (
    await t.db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
  ).value;
}
/** Day-end rolls the business date; tests move it by hand and put it back. */
async function setBusinessDate(date: string) {
  await t.db.updateTable('system_params').set({ value: date }).where('key', '=', 'business_date').execute();
}
async function onNextDay<T>(fn: () => Promise<T>): Promise<T> {
  await setBusinessDate('2026-11-24');
  try {
    return await fn();
  } finally {
    await setBusinessDate(today);
  }
}

let seq = 0;
async function newAccount(name = '存取款客户') {
  const first17 = `210503${1960 + (++seq % 40)}0612${String(seq % 1000).padStart(3, '0')}`;
  const r = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name, id_number: first17 + checkChar(first17) },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return {
    client_id: r.json.id as number,
    account_id: r.json.fund_account_id as number,
    client_no: r.json.client_no as string,
    version: r.json.version as number,
  };
}

let keySeq = 0;
const key = () => `ledger-${process.pid}-${++keySeq}`;
function post(body: Record<string, unknown>, as = teller) {
  return t.call('POST', '/api/fund_journal', { as, body: { idempotency_key: key(), ...body } });
}
async function posted(body: Record<string, unknown>) {
  const r = await post(body);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json;
}
async function show(accountId: number) {
  const r = await t.call('GET', `/api/fund_accounts/${accountId}`, { as: teller });
  expect(r.status).toBe(200);
  return r.json;
}
const money = (a: { balance: string; frozen: string; available: string; withdrawable: string }) => ({
  balance: a.balance,
  frozen: a.frozen,
  available: a.available,
  withdrawable: a.withdrawable,
});
function reverse(entryId: number, as = teller, reason = '录入错误') {
  return t.call('POST', `/api/fund_journal/${entryId}/reverse`, { as, body: { reason } });
}
function approve(approvalId: number, as = clerk) {
  return t.call('POST', `/api/approvals/${approvalId}/approve`, { as, body: {} });
}
const approvalRow = (id: number) =>
  t.db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('postings', () => {
  it('deposit, withdrawal, freeze, unfreeze, bank and other transfers: 201 and balances exact to the cent', async () => {
    const { account_id } = await newAccount();
    const from = await lastAuditId();
    const steps: [
      Record<string, unknown>,
      { amount: string; frozen_delta: string },
      [string, string, string, string],
    ][] = [
      // body, the entry's signed effect, then balance / frozen / available / withdrawable
      [
        { type: 'deposit', amount: '1000.00', reference: '存款单 0001' },
        { amount: '1000.00', frozen_delta: '0.00' },
        ['1000.00', '0.00', '1000.00', '1000.00'],
      ],
      [
        { type: 'deposit', amount: '0.1' },
        { amount: '0.10', frozen_delta: '0.00' },
        ['1000.10', '0.00', '1000.10', '1000.10'],
      ],
      [
        { type: 'deposit', amount: '0.2' },
        { amount: '0.20', frozen_delta: '0.00' },
        ['1000.30', '0.00', '1000.30', '1000.30'],
      ],
      [
        { type: 'withdrawal', amount: '250.35' },
        { amount: '-250.35', frozen_delta: '0.00' },
        ['749.95', '0.00', '749.95', '749.95'],
      ],
      [
        { type: 'freeze', amount: '100.10' },
        { amount: '0.00', frozen_delta: '100.10' },
        ['749.95', '100.10', '649.85', '649.85'],
      ],
      [
        { type: 'freeze', amount: '0.01', freeze_kind: 'long_term' },
        { amount: '0.00', frozen_delta: '0.01' },
        ['749.95', '100.11', '649.84', '649.84'],
      ],
      [
        { type: 'unfreeze', amount: '40.06' },
        { amount: '0.00', frozen_delta: '-40.06' },
        ['749.95', '60.05', '689.90', '689.90'],
      ],
      [
        { type: 'bank_in', amount: '300.00', bank_code: bankCode },
        { amount: '300.00', frozen_delta: '0.00' },
        ['1049.95', '60.05', '989.90', '989.90'],
      ],
      [
        { type: 'transfer_out', amount: '0.95' },
        { amount: '-0.95', frozen_delta: '0.00' },
        ['1049.00', '60.05', '988.95', '988.95'],
      ],
      [
        { type: 'transfer_in', amount: '1.00' },
        { amount: '1.00', frozen_delta: '0.00' },
        ['1050.00', '60.05', '989.95', '989.95'],
      ],
      [
        { type: 'remit_out', amount: '50.00' },
        { amount: '-50.00', frozen_delta: '0.00' },
        ['1000.00', '60.05', '939.95', '939.95'],
      ],
      [
        { type: 'bank_out', amount: '100.00', bank_code: bankCode },
        { amount: '-100.00', frozen_delta: '0.00' },
        ['900.00', '60.05', '839.95', '839.95'],
      ],
      [
        { type: 'remit_in', amount: '0.01' },
        { amount: '0.01', frozen_delta: '0.00' },
        ['900.01', '60.05', '839.96', '839.96'],
      ],
    ];
    for (const [body, effect, [balance, frozen, available, withdrawable]] of steps) {
      const e = await posted({ account_id, ...body });
      const isFreeze = body.type === 'freeze' || body.type === 'unfreeze';
      expect(e, JSON.stringify(body)).toMatchObject({
        account_id,
        type: body.type,
        ...effect,
        balance_after: balance,
        frozen_after: frozen,
        business_date: today,
        operator_id: teller.me.id,
        branch_id: teller.me.branch.id,
        reverses_id: null,
        bank_code: body.bank_code ?? null,
        freeze_kind: isFreeze ? (body.freeze_kind ?? 'same_day') : null,
        reference: body.reference ?? '',
      });
      expect(money(await show(account_id)), JSON.stringify(body)).toEqual({ balance, frozen, available, withdrawable });
    }
    expect(await journalOf(account_id)).toHaveLength(steps.length);
    const audits = await auditSince(from);
    expect(audits.map((a) => [a.action, a.resource])).toEqual(steps.map(() => ['post', 'fund_journal']));
    expect(audits.every((a) => a.operator_id === teller.me.id)).toBe(true);
  });

  it("withdrawable excludes frozen cash and today's sale proceeds; a withdrawal can take neither", async () => {
    const { account_id } = await newAccount();
    await posted({ account_id, type: 'deposit', amount: '1000.00' });
    // today's sale proceeds (a fill would set this): usable but not withdrawable until tomorrow
    await t.db.updateTable('fund_accounts').set({ unwithdrawable: '200.00' }).where('id', '=', account_id).execute();
    await posted({ account_id, type: 'freeze', amount: '300.00' });
    expect(money(await show(account_id))).toEqual({
      balance: '1000.00',
      frozen: '300.00',
      available: '700.00',
      withdrawable: '500.00',
    });
    const journal = await count('fund_journal');
    for (const type of ['withdrawal', 'transfer_out', 'bank_out', 'remit_out']) {
      const r = await post({ account_id, type, amount: '500.01', bank_code: type === 'bank_out' ? bankCode : null });
      expect(r.status, type).toBe(400);
      expect(r.json.error.fields.amount).toBe('可取资金不足');
    }
    expect(await count('fund_journal')).toBe(journal);
    // a freeze may take available cash, proceeds included; its unfreeze gives back exactly what
    // it took: the proceeds stay unwithdrawable (placing and cancelling a buy order launders nothing)
    await posted({ account_id, type: 'freeze', amount: '600.00' });
    expect(money(await show(account_id))).toEqual({
      balance: '1000.00',
      frozen: '900.00',
      available: '100.00',
      withdrawable: '0.00',
    });
    await posted({ account_id, type: 'unfreeze', amount: '600.00' });
    expect(money(await show(account_id))).toEqual({
      balance: '1000.00',
      frozen: '300.00',
      available: '700.00',
      withdrawable: '500.00',
    });
    expect((await post({ account_id, type: 'withdrawal', amount: '500.01' })).status).toBe(400);
    await posted({ account_id, type: 'withdrawal', amount: '500.00' });
    expect(money(await show(account_id))).toEqual({
      balance: '500.00',
      frozen: '300.00',
      available: '200.00',
      withdrawable: '0.00',
    });
  });

  it('accepts the single-operation limits exactly (5,000,000.00 in, 1,000,000.00 out)', async () => {
    const { account_id } = await newAccount();
    await posted({ account_id, type: 'deposit', amount: '5000000.00' });
    await posted({ account_id, type: 'bank_in', amount: '5000000', bank_code: bankCode });
    await posted({ account_id, type: 'withdrawal', amount: '1000000.00' });
    await posted({ account_id, type: 'transfer_out', amount: '1000000.00' });
    expect(money(await show(account_id))).toEqual({
      balance: '8000000.00',
      frozen: '0.00',
      available: '8000000.00',
      withdrawable: '8000000.00',
    });
  });

  it('is refused to operators without fund_journal.create (clerk, manager)', async () => {
    const { account_id } = await newAccount();
    const journal = await count('fund_journal');
    for (const who of [clerk, await t.login('manager'), await t.login('admin')]) {
      const r = await post({ account_id, type: 'deposit', amount: '1.00' }, who);
      expect(r.status, who.me.username).toBe(403);
      expect(r.json.error.code).toBe('FORBIDDEN');
    }
    expect(await count('fund_journal')).toBe(journal);
  });

  it('tells the counter above which amount a posting is confirmed (system parameter confirm_cash_above)', async () => {
    const r = await t.call('GET', '/api/fund_journal/confirmation', { as: teller });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ confirm_above: '50000' });
    await t.db.updateTable('system_params').set({ value: '0' }).where('key', '=', 'confirm_cash_above').execute();
    expect((await t.call('GET', '/api/fund_journal/confirmation', { as: teller })).json.confirm_above).toBe('0');
    await t.db.updateTable('system_params').set({ value: '50000' }).where('key', '=', 'confirm_cash_above').execute();
    // a reader of the journal who posts nothing has no use for it
    expect((await t.call('GET', '/api/fund_journal/confirmation', { as: clerk })).status).toBe(403);
    // the path is not taken for an entry's id
    expect((await t.call('GET', '/api/fund_journal/987654321', { as: teller })).status).toBe(404);
  });
});

describe('refused input posts nothing', () => {
  let account_id: number;
  let before: Record<string, string>;
  beforeAll(async () => {
    account_id = (await newAccount('拒绝测试')).account_id;
    await posted({ account_id, type: 'deposit', amount: '100.00' });
    await posted({ account_id, type: 'freeze', amount: '40.00' });
    before = money(await show(account_id));
    expect(before).toEqual({ balance: '100.00', frozen: '40.00', available: '60.00', withdrawable: '60.00' });
  });

  const ZOD = null; // zod words these itself: only the field is checked
  it.each([
    ['a negative amount', { type: 'deposit', amount: '-5.00' }, 'amount', ZOD],
    ['a negative withdrawal', { type: 'withdrawal', amount: '-5.00' }, 'amount', ZOD],
    ['zero', { type: 'deposit', amount: '0' }, 'amount', '金额必须大于 0'],
    ['zero with cents', { type: 'withdrawal', amount: '0.00' }, 'amount', '金额必须大于 0'],
    ['a zero freeze', { type: 'freeze', amount: '0.00' }, 'amount', '金额必须大于 0'],
    ['a tenth of a cent', { type: 'deposit', amount: '1.001' }, 'amount', '金额最多两位小数（到分）'],
    ['a tenth of a cent on a freeze', { type: 'freeze', amount: '0.005' }, 'amount', '金额最多两位小数（到分）'],
    ['letters', { type: 'deposit', amount: 'abc' }, 'amount', ZOD],
    ['an exponent', { type: 'deposit', amount: '1e3' }, 'amount', ZOD],
    ['a thousands separator', { type: 'deposit', amount: '1,000.00' }, 'amount', ZOD],
    ['an empty amount', { type: 'deposit', amount: '' }, 'amount', ZOD],
    ['a bare point', { type: 'deposit', amount: '1.' }, 'amount', ZOD],
    ['Infinity', { type: 'deposit', amount: 'Infinity' }, 'amount', ZOD],
    ['a JSON number', { type: 'deposit', amount: 100 }, 'amount', ZOD],
    ['no amount', { type: 'deposit' }, 'amount', ZOD],
    ['a deposit over the single limit', { type: 'deposit', amount: '5000000.01' }, 'amount', '超过单笔限额 5000000 元'],
    [
      'a bank transfer in over the single limit',
      { type: 'bank_in', amount: '5000000.01', bank_code: 'ICBC' },
      'amount',
      '超过单笔限额 5000000 元',
    ],
    [
      'a withdrawal over the single limit',
      { type: 'withdrawal', amount: '1000000.01' },
      'amount',
      '超过单笔限额 1000000 元',
    ],
    [
      'a transfer out over the single limit',
      { type: 'transfer_out', amount: '1000000.01' },
      'amount',
      '超过单笔限额 1000000 元',
    ],
    ['a transfer in too large for the ledger', { type: 'transfer_in', amount: '99999999999999999' }, 'amount', ZOD],
    ['a withdrawal beyond withdrawable', { type: 'withdrawal', amount: '60.01' }, 'amount', '可取资金不足'],
    ['a withdrawal of frozen cash', { type: 'withdrawal', amount: '100.00' }, 'amount', '可取资金不足'],
    ['a freeze beyond available', { type: 'freeze', amount: '60.01' }, 'amount', '可用资金不足'],
    ['an unfreeze beyond frozen', { type: 'unfreeze', amount: '40.01' }, 'amount', '冻结资金不足'],
    ['a bank transfer without a bank', { type: 'bank_in', amount: '1.00' }, 'bank_code', '银证转账须选择银行'],
    ['a bank transfer out without a bank', { type: 'bank_out', amount: '1.00' }, 'bank_code', '银证转账须选择银行'],
    [
      'a bank transfer with an unknown bank',
      { type: 'bank_in', amount: '1.00', bank_code: 'NOBANK' },
      'bank_code',
      '引用的记录不存在',
    ],
    ['an unknown type', { type: 'gift', amount: '1.00' }, 'type', ZOD],
    ['a reversal posted directly', { type: 'reversal', amount: '1.00' }, 'type', ZOD],
    ['a trade settlement posted by hand', { type: 'trade_sell', amount: '1.00' }, 'type', ZOD],
    ['an interest posting by hand', { type: 'interest', amount: '1.00' }, 'type', ZOD],
    ['an unknown freeze kind', { type: 'freeze', amount: '1.00', freeze_kind: 'forever' }, 'freeze_kind', ZOD],
    [
      'a missing idempotency key',
      { type: 'deposit', amount: '1.00', idempotency_key: undefined },
      'idempotency_key',
      ZOD,
    ],
    ['a short idempotency key', { type: 'deposit', amount: '1.00', idempotency_key: 'k1' }, 'idempotency_key', ZOD],
    [
      'an idempotency key with spaces',
      { type: 'deposit', amount: '1.00', idempotency_key: 'key with spaces' },
      'idempotency_key',
      ZOD,
    ],
    ['an extra field', { type: 'deposit', amount: '1.00', balance_after: '1000000.00' }, 'balance_after', ZOD],
    ['an operator of its own choosing', { type: 'deposit', amount: '1.00', operator_id: 1 }, 'operator_id', ZOD],
    ['an over-long reference', { type: 'deposit', amount: '1.00', reference: '备'.repeat(101) }, 'reference', ZOD],
    ['an account id as text', { type: 'deposit', amount: '1.00', account_id: '1' }, 'account_id', ZOD],
    ['account id zero', { type: 'deposit', amount: '1.00', account_id: 0 }, 'account_id', ZOD],
  ] as const)('refuses %s: 400 naming the field, no journal row', async (_, body, field, message) => {
    const [journal, audits] = [await count('fund_journal'), await lastAuditId()];
    const r = await post({ account_id, ...body });
    expect(r.status, JSON.stringify(r.json)).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(r.json.error.fields ?? {}), JSON.stringify(r.json)).toContain(field);
    if (message) expect(r.json.error.fields[field]).toBe(message);
    expect(await count('fund_journal')).toBe(journal);
    expect(await lastAuditId()).toBe(audits);
    expect(money(await show(account_id))).toEqual(before);
  });

  it('answers 404 for an unknown account and posts nothing', async () => {
    const journal = await count('fund_journal');
    const r = await post({ account_id: 987654321, type: 'deposit', amount: '1.00' });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('NOT_FOUND');
    expect(await count('fund_journal')).toBe(journal);
  });

  it('refuses every posting to a closed account (fields.account_id)', async () => {
    const c = await newAccount('已销户');
    expect(
      (
        await t.call('POST', `/api/clients/${c.client_id}/status`, {
          as: teller,
          body: { status: 'closed', version: c.version },
        })
      ).status,
    ).toBe(200);
    const journal = await count('fund_journal');
    for (const type of ['deposit', 'bank_in', 'withdrawal', 'freeze']) {
      const r = await post({ account_id: c.account_id, type, amount: '1.00' });
      expect(r.status).toBe(400);
      expect(r.json.error.fields.account_id).toBe('账户已销户或不可用');
    }
    expect(await count('fund_journal')).toBe(journal);
  });

  it('refuses a body that is not JSON', async () => {
    const journal = await count('fund_journal');
    const r = await t.call('POST', '/api/fund_journal', { as: teller, body: '{"account_id":' });
    expect(r.status).toBe(400);
    expect(await count('fund_journal')).toBe(journal);
  });
});

describe('idempotency', () => {
  it('the same key and body twice answer the same entry and post once; another amount under the key is a 409', async () => {
    const { account_id } = await newAccount();
    const body = {
      account_id,
      type: 'deposit',
      amount: '123.45',
      reference: '存款单 42',
      idempotency_key: 'deposit-slip-000042',
    };
    const first = await t.call('POST', '/api/fund_journal', { as: teller, body });
    expect(first.status).toBe(201);
    const again = await t.call('POST', '/api/fund_journal', { as: teller, body });
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    expect(again.json).toEqual(first.json);
    expect(await journalOf(account_id)).toHaveLength(1);
    expect((await show(account_id)).balance).toBe('123.45');

    const audits = await lastAuditId();
    for (const other of [{ amount: '123.46' }, { type: 'withdrawal' }, { reference: '存款单 43' }]) {
      const r = await t.call('POST', '/api/fund_journal', { as: teller, body: { ...body, ...other } });
      expect(r.status, JSON.stringify(other)).toBe(409);
      expect(r.json.error.code).toBe('IDEMPOTENCY_CONFLICT');
      expect(r.json.error.message).toBe('该幂等键已用于另一笔不同的请求');
    }
    expect(await journalOf(account_id)).toHaveLength(1);
    expect((await show(account_id)).balance).toBe('123.45');
    expect(await lastAuditId()).toBe(audits);
  });

  it('a refused request does not use up its key', async () => {
    const { account_id } = await newAccount();
    const body = { account_id, type: 'withdrawal', amount: '10.00', idempotency_key: 'withdraw-early-0001' };
    expect((await t.call('POST', '/api/fund_journal', { as: teller, body })).status).toBe(400);
    await posted({ account_id, type: 'deposit', amount: '10.00' });
    const r = await t.call('POST', '/api/fund_journal', { as: teller, body });
    expect(r.status).toBe(201);
    expect(r.json.balance_after).toBe('0.00');
    expect(await journalOf(account_id)).toHaveLength(2);
  });
});

describe('same-day reversal (当日冲销)', () => {
  it('is asked for (202), approved by a second operator, posts the opposite entry once, and cannot be repeated or reversed', async () => {
    const { account_id } = await newAccount();
    await posted({ account_id, type: 'deposit', amount: '1000.00' });
    const wrong = await posted({ account_id, type: 'deposit', amount: '500.00' });
    const from = await lastAuditId();
    const asked = await reverse(wrong.id);
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    expect(asked.json.approval_id).toBeGreaterThan(0);
    expect(await approvalRow(asked.json.approval_id)).toMatchObject({
      resource: 'fund_journal',
      operation: 'reverse',
      record_id: String(wrong.id),
      status: 'pending',
      maker_id: teller.me.id,
    });
    expect((await auditSince(from)).map((a) => [a.action, a.resource, a.record_id])).toEqual([
      ['submit', 'fund_journal', String(wrong.id)],
    ]);
    // nothing moves until it is approved
    expect((await show(account_id)).balance).toBe('1500.00');
    const pending = await reverse(wrong.id);
    expect(pending.status).toBe(409);
    expect(pending.json.error.code).toBe('PENDING_APPROVAL');

    // the maker cannot approve: the teller has no approve right at all
    const own = await approve(asked.json.approval_id, teller);
    expect(own.status).toBe(403);
    expect(['OWN_APPROVAL', 'FORBIDDEN']).toContain(own.json.error.code);
    // nor the IT admin, who may approve but not money (fund_journal.approve)
    const it = await approve(asked.json.approval_id, await t.login('admin'));
    expect(it.status).toBe(403);
    expect(it.json.error.code).toBe('FORBIDDEN');
    expect((await approvalRow(asked.json.approval_id)).status).toBe('pending');
    expect(await journalOf(account_id)).toHaveLength(2);

    const ok = await approve(asked.json.approval_id);
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(ok.json).toMatchObject({ status: 'approved', checker_id: clerk.me.id });
    const reversal = await t.call('GET', `/api/fund_journal/${ok.json.result_id}`, { as: teller });
    expect(reversal.status).toBe(200);
    expect(reversal.json).toMatchObject({
      type: 'reversal',
      reverses_id: wrong.id,
      account_id,
      amount: '-500.00',
      frozen_delta: '0.00',
      balance_after: '1000.00',
      frozen_after: '0.00',
      business_date: today,
      operator_id: clerk.me.id,
    });
    expect(reversal.json.reference).toContain(`#${wrong.id}`);
    expect(money(await show(account_id))).toEqual({
      balance: '1000.00',
      frozen: '0.00',
      available: '1000.00',
      withdrawable: '1000.00',
    });
    expect(await journalOf(account_id)).toHaveLength(3);

    const twice = await reverse(wrong.id);
    expect(twice.status).toBe(400);
    expect(twice.json.error.fields.id).toBe('该笔流水已冲销');
    const ofReversal = await reverse(reversal.json.id);
    expect(ofReversal.status).toBe(400);
    expect(ofReversal.json.error.fields.id).toBe('冲销记录不能再冲销');
    expect(await journalOf(account_id)).toHaveLength(3);
  });

  it('the maker cannot approve their own reversal even with the approve right (OWN_APPROVAL)', async () => {
    const { account_id } = await newAccount();
    const both = await t.headOfficeOperator('hq_both', [
      'fund_journal.create',
      'fund_journal.show',
      'fund_journal.approve',
      'approvals.approve',
      'approvals.show',
    ]);
    const e = await t.call('POST', '/api/fund_journal', {
      as: both,
      body: { account_id, type: 'deposit', amount: '80.00', idempotency_key: key() },
    });
    expect(e.status).toBe(201);
    const asked = await reverse(e.json.id, both);
    expect(asked.status).toBe(202);
    const from = await lastAuditId();
    const own = await approve(asked.json.approval_id, both);
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe('OWN_APPROVAL');
    expect((await auditSince(from)).map((a) => a.action)).toEqual(['forbidden']);
    // a head-office maker's request waits in the head office's queue: a head-office checker decides it
    const checker = await t.headOfficeOperator('hq_checker', [
      'fund_journal.approve',
      'approvals.approve',
      'approvals.show',
    ]);
    expect((await approve(asked.json.approval_id, checker)).status).toBe(200);
    expect((await show(account_id)).balance).toBe('0.00');
  });

  it('reverses a withdrawal and a freeze: the opposite effect on balance and frozen', async () => {
    const { account_id } = await newAccount();
    await posted({ account_id, type: 'deposit', amount: '300.00' });
    const wd = await posted({ account_id, type: 'withdrawal', amount: '120.50' });
    const fr = await posted({ account_id, type: 'freeze', amount: '79.50' });
    expect(money(await show(account_id))).toEqual({
      balance: '179.50',
      frozen: '79.50',
      available: '100.00',
      withdrawable: '100.00',
    });
    const a1 = await reverse(wd.id);
    expect((await approve(a1.json.approval_id)).status).toBe(200);
    expect(money(await show(account_id))).toEqual({
      balance: '300.00',
      frozen: '79.50',
      available: '220.50',
      withdrawable: '220.50',
    });
    const a2 = await reverse(fr.id);
    const ok = await approve(a2.json.approval_id);
    expect(ok.status).toBe(200);
    expect((await t.call('GET', `/api/fund_journal/${ok.json.result_id}`, { as: teller })).json).toMatchObject({
      amount: '0.00',
      frozen_delta: '-79.50',
      frozen_after: '0.00',
    });
    expect(money(await show(account_id))).toEqual({
      balance: '300.00',
      frozen: '0.00',
      available: '300.00',
      withdrawable: '300.00',
    });
  });

  it('refuses an entry of a previous business date (after day-end), both when asked and when approved', async () => {
    const { account_id } = await newAccount();
    const yesterday = await posted({ account_id, type: 'deposit', amount: '200.00' });
    const askedToday = await reverse(yesterday.id);
    expect(askedToday.status).toBe(202);
    await onNextDay(async () => {
      // day-end closed the day: new postings are dated on the next one
      expect((await posted({ account_id, type: 'deposit', amount: '1.00' })).business_date).toBe('2026-11-24');
      const late = await approve(askedToday.json.approval_id);
      expect(late.status).toBe(400);
      expect(late.json.error.fields.id).toBe('只能冲销当日的流水');
      expect((await approvalRow(askedToday.json.approval_id)).status).toBe('failed');
      const fresh = await reverse(yesterday.id);
      expect(fresh.status).toBe(400);
      expect(fresh.json.error.fields.id).toBe('只能冲销当日的流水');
    });
    expect(
      await t.db.selectFrom('fund_journal').select('id').where('reverses_id', '=', yesterday.id).execute(),
    ).toEqual([]);
    expect((await show(account_id)).balance).toBe('201.00');
  });

  it('fails the approval when the cash was withdrawn meanwhile; a fresh request can then be made and approved', async () => {
    const { account_id } = await newAccount();
    const dep = await posted({ account_id, type: 'deposit', amount: '100.00' });
    const asked = await reverse(dep.id);
    expect(asked.status).toBe(202);
    await posted({ account_id, type: 'withdrawal', amount: '60.00' });
    const journal = await count('fund_journal');

    const failed = await approve(asked.json.approval_id);
    expect(failed.status).toBe(400);
    expect(failed.json.error.fields.id).toBe('冲销后余额将不足，不能冲销');
    const row = await approvalRow(asked.json.approval_id);
    expect(row).toMatchObject({ status: 'failed', checker_id: clerk.me.id });
    expect(row.comment).toContain('冲销后余额将不足');
    expect(await count('fund_journal')).toBe(journal);
    expect(money(await show(account_id))).toEqual({
      balance: '40.00',
      frozen: '0.00',
      available: '40.00',
      withdrawable: '40.00',
    });
    // a failed approval cannot be approved again
    expect((await approve(asked.json.approval_id)).status).toBe(409);

    const fresh = await reverse(dep.id, teller, '重新申请冲销');
    expect(fresh.status).toBe(202);
    expect(fresh.json.approval_id).not.toBe(asked.json.approval_id);
    // frozen cash cannot be taken back either
    await posted({ account_id, type: 'deposit', amount: '60.00' });
    await posted({ account_id, type: 'freeze', amount: '0.01' });
    expect((await approve(fresh.json.approval_id)).status).toBe(400);
    expect((await approvalRow(fresh.json.approval_id)).status).toBe('failed');
    await posted({ account_id, type: 'unfreeze', amount: '0.01' });
    const third = await reverse(dep.id);
    expect((await approve(third.json.approval_id)).status).toBe(200);
    expect(money(await show(account_id))).toEqual({
      balance: '0.00',
      frozen: '0.00',
      available: '0.00',
      withdrawable: '0.00',
    });
  });

  it('needs a reason and a known entry', async () => {
    const { account_id } = await newAccount();
    const e = await posted({ account_id, type: 'deposit', amount: '5.00' });
    const noReason = await t.call('POST', `/api/fund_journal/${e.id}/reverse`, { as: teller, body: { reason: '  ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.fields.reason).toBeTruthy();
    const approvals = await count('approvals');
    expect((await reverse(987654321)).status).toBe(404);
    expect(await count('approvals')).toBe(approvals);
  });
});

describe('the journal', () => {
  it('filters by account, client, type and business-date range; balance_after is the running sum', async () => {
    const a = await newAccount('流水甲');
    const b = await newAccount('流水乙');
    await posted({ account_id: a.account_id, type: 'deposit', amount: '1000.00' });
    await posted({ account_id: b.account_id, type: 'deposit', amount: '77.00' });
    await posted({ account_id: a.account_id, type: 'withdrawal', amount: '33.33' });
    await posted({ account_id: a.account_id, type: 'freeze', amount: '100.00' });
    const dep = await posted({ account_id: a.account_id, type: 'deposit', amount: '0.01' });
    const asked = await reverse(dep.id);
    expect((await approve(asked.json.approval_id)).status).toBe(200);
    const nextDay = await onNextDay(async () => {
      const d1 = await posted({ account_id: a.account_id, type: 'deposit', amount: '250.00' });
      const d2 = await posted({ account_id: a.account_id, type: 'unfreeze', amount: '60.00' });
      await posted({ account_id: b.account_id, type: 'withdrawal', amount: '7.00' });
      return [d1, d2];
    });
    expect(nextDay.map((e) => e.business_date)).toEqual(['2026-11-24', '2026-11-24']);

    const list = (filter: Record<string, unknown>) =>
      t.call('GET', `/api/fund_journal${q({ filter, sort: ['id', 'ASC'], range: [0, 999] })}`, { as: teller });
    const byAccount = await list({ account_id: a.account_id });
    expect(byAccount.status).toBe(200);
    expect(byAccount.json.map((e: any) => e.type)).toEqual([
      'deposit',
      'withdrawal',
      'freeze',
      'deposit',
      'reversal',
      'deposit',
      'unfreeze',
    ]);
    expect(byAccount.json.every((e: any) => e.account_id === a.account_id && e.client_id === a.client_id)).toBe(true);
    expect(byAccount.headers.get('content-range')).toBe(`fund_journal 0-6/7`);

    // every row's balance_after and frozen_after are the running sums of the account's entries
    let balance = new Decimal(0);
    let frozen = new Decimal(0);
    for (const e of byAccount.json) {
      balance = balance.plus(e.amount);
      frozen = frozen.plus(e.frozen_delta);
      expect(e.balance_after, `entry ${e.id}`).toBe(balance.toFixed(2));
      expect(e.frozen_after, `entry ${e.id}`).toBe(frozen.toFixed(2));
    }
    expect(money(await show(a.account_id))).toEqual({
      balance: balance.toFixed(2),
      frozen: frozen.toFixed(2),
      available: balance.minus(frozen).toFixed(2),
      withdrawable: balance.minus(frozen).toFixed(2),
    });
    expect(balance.toFixed(2)).toBe('1216.67');
    expect(frozen.toFixed(2)).toBe('40.00');

    const byClient = await list({ client_id: a.client_id });
    expect(byClient.json.map((e: any) => e.id)).toEqual(byAccount.json.map((e: any) => e.id));
    const byType = await list({ account_id: a.account_id, type: 'deposit' });
    expect(byType.json.map((e: any) => e.amount)).toEqual(['1000.00', '0.01', '250.00']);
    const reversals = await list({ client_id: a.client_id, type: 'reversal' });
    expect(reversals.json.map((e: any) => e.reverses_id)).toEqual([dep.id]);

    const onDay1 = await list({ account_id: a.account_id, business_date_lte: today });
    expect(onDay1.json).toHaveLength(5);
    expect(onDay1.json.every((e: any) => e.business_date === today)).toBe(true);
    const onDay2 = await list({ account_id: a.account_id, business_date_gte: '2026-11-24' });
    expect(onDay2.json.map((e: any) => e.id)).toEqual(nextDay.map((e) => e.id));
    const both = await list({ client_id: b.client_id, business_date_gte: today, business_date_lte: '2026-11-24' });
    expect(both.json.map((e: any) => e.amount)).toEqual(['77.00', '-7.00']);
    const none = await list({ account_id: a.account_id, business_date_gte: '2026-11-25' });
    expect(none.json).toEqual([]);

    // default order: newest first
    const newest = await t.call(
      'GET',
      `/api/fund_journal${q({ filter: { account_id: a.account_id }, range: [0, 1] })}`,
      { as: teller },
    );
    expect(newest.json.map((e: any) => e.id)).toEqual(
      [...byAccount.json]
        .reverse()
        .slice(0, 2)
        .map((e: any) => e.id),
    );
    expect(newest.headers.get('content-range')).toBe('fund_journal 0-1/7');

    const bad = await t.call('GET', `/api/fund_journal${q({ filter: { business_date_gte: '2026-13-01' } })}`, {
      as: teller,
    });
    expect(bad.status).toBe(400);
    const unknown = await t.call('GET', `/api/fund_journal${q({ filter: { amount: '1.00' } })}`, { as: teller });
    expect(unknown.status).toBe(400);
  });

  it('every account in the database equals the sum of its journal', async () => {
    const accounts = await t.db.selectFrom('fund_accounts').select(['id', 'balance', 'frozen']).execute();
    expect(accounts.length).toBeGreaterThan(10);
    for (const a of accounts) {
      const rows = await journalOf(a.id);
      const sum = rows.reduce((s, e) => s.plus(e.amount), new Decimal(0));
      const fsum = rows.reduce((s, e) => s.plus(e.frozen_delta), new Decimal(0));
      expect({ id: a.id, balance: a.balance, frozen: a.frozen }).toEqual({
        id: a.id,
        balance: sum.toFixed(2),
        frozen: fsum.toFixed(2),
      });
    }
  });
});

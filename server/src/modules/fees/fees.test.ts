import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';

/**
 * Fee schedules through the API (DOMAIN.md §3.1): the rules a schedule must satisfy, the fee
 * preview of a sample trade (every expected figure worked out by hand below), the draft preview,
 * and a rate change going through 复核 before the preview shows it.
 */

let t: TestApp;
let admin: Session; // maker
let manager: Session; // checker
let clerk: Session; // may read fee schedules
let teller: Session; // may not
let businessDate: string;
let defaultCommission: { id: number; version: number; rate: string };

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  manager = await t.login('manager');
  clerk = await t.login('clerk');
  teller = await t.login('teller');
  businessDate = (
    await t.db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
  ).value;
  defaultCommission = await t.db
    .selectFrom('fee_schedules')
    .select(['id', 'version', 'rate'])
    .where('fee_item', '=', 'commission')
    .where('scope', '=', 'default')
    .where('effective_to', 'is', null)
    .executeTakeFirstOrThrow();
});
afterAll(() => t.close());

const pending = async () =>
  (
    await t.db
      .selectFrom('approvals')
      .select('id')
      .where('resource', '=', 'fee_schedules')
      .where('status', '=', 'pending')
      .execute()
  ).length;
const stored = async () => (await t.db.selectFrom('fee_schedules').select('id').execute()).length;

/** POSTs a schedule that must be refused: 400 naming `field`, nothing stored, nothing pending. */
async function refused(body: Record<string, unknown>, field: string) {
  const [p, n] = [await pending(), await stored()];
  const res = await t.call('POST', '/api/fee_schedules', { as: admin, body });
  expect(res.status, JSON.stringify(res.json)).toBe(400);
  expect(res.json.error.code).toBe('VALIDATION_FAILED');
  expect(Object.keys(res.json.error.fields ?? {}), JSON.stringify(res.json)).toContain(field);
  expect(await pending()).toBe(p);
  expect(await stored()).toBe(n);
  return res.json.error.fields[field] as string;
}

const commission = (extra: Record<string, unknown> = {}) => ({
  fee_item: 'commission',
  scope: 'default',
  side: 'both',
  rate: '0.00025',
  min_fee: '5',
  effective_from: '2027-01-01',
  ...extra,
});

/** Approves as the manager and returns the approval. */
async function approveAs(checker: Session, approvalId: number) {
  const res = await t.call('POST', `/api/approvals/${approvalId}/approve`, { as: checker, body: {} });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
}

const feePreview = (body: Record<string, unknown>, as: Session = clerk) =>
  t.call('POST', '/api/fee_schedules/preview', { as, body });
const moutai = (extra: Record<string, unknown> = {}) => ({
  date: businessDate,
  side: 'buy',
  price: '1500.00',
  quantity: 100,
  market: 'SH-A',
  code: '600519',
  ...extra,
});

describe('schedule rules', () => {
  it('a default commission overlapping the seeded open-ended one is refused with the overlap message, nothing pending', async () => {
    expect(defaultCommission.rate).toBe('0.00030000');
    const message = await refused(commission(), 'effective_from');
    expect(message).toBe(`与已有费率 #${defaultCommission.id}（2024-01-01 至 —）的有效期重叠`);
    // the same for one side only (a buy-only schedule overlaps a both-sides one) and for a closed period
    await refused(commission({ side: 'buy' }), 'effective_from');
    await refused(commission({ effective_from: '2030-01-01', effective_to: '2030-12-31' }), 'effective_from');
    // and a period inside the expired 2020–2023 schedule
    const old = await t.db
      .selectFrom('fee_schedules')
      .select('id')
      .where('fee_item', '=', 'commission')
      .where('scope', '=', 'default')
      .where('effective_to', '=', '2023-12-31')
      .executeTakeFirstOrThrow();
    expect(
      await refused(commission({ effective_from: '2022-06-01', effective_to: '2022-12-31' }), 'effective_from'),
    ).toContain(`#${old.id}`);
  });

  it('commission above 0.003 is refused; exactly 0.003 is allowed', async () => {
    expect(await refused(commission({ scope: 'client', scope_value: '10000001', rate: '0.0031' }), 'rate')).toBe(
      '佣金费率不得超过 0.003（千分之三）',
    );
    await refused(commission({ scope: 'client', scope_value: '10000001', rate: '0.00300001' }), 'rate');
    const ok = await t.call('POST', '/api/fee_schedules', {
      as: admin,
      body: commission({ scope: 'client', scope_value: '10000001', rate: '0.003' }),
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(202);
    // only commission is capped at 0.003
    const stamp = await t.call('POST', '/api/fee_schedules', {
      as: admin,
      body: {
        fee_item: 'stamp_duty',
        scope: 'security_type',
        scope_value: 'stock',
        side: 'sell',
        rate: '0.005',
        effective_from: '2027-01-01',
      },
    });
    expect(stamp.status, JSON.stringify(stamp.json)).toBe(202);
  });

  it('a minimum fee on anything but commission is refused', async () => {
    expect(
      await refused(
        {
          fee_item: 'stamp_duty',
          scope: 'security_type',
          scope_value: 'bond',
          side: 'sell',
          rate: '0.0005',
          min_fee: '1',
          effective_from: '2027-01-01',
        },
        'min_fee',
      ),
    ).toBe('只有佣金设最低收费');
    await refused(
      {
        fee_item: 'transfer_fee',
        scope: 'market',
        scope_value: 'SZ-A',
        rate: '0.00001',
        min_fee: '0.01',
        effective_from: '2027-01-01',
      },
      'min_fee',
    );
  });

  it('scope default with a scope value, other scopes without one, unknown markets and codes are refused', async () => {
    expect(await refused(commission({ scope_value: 'SH-A' }), 'scope_value')).toBe('默认费率不填适用对象');
    await refused(commission({ scope: 'market', scope_value: '' }), 'scope_value');
    expect(await refused(commission({ scope: 'market', scope_value: 'XX' }), 'scope_value')).toBe('引用的记录不存在');
    await refused(commission({ scope: 'client_class', scope_value: 'nobody' }), 'scope_value');
    await refused(commission({ scope: 'security_type', scope_value: 'tulip' }), 'scope_value');
    await refused(commission({ scope: 'planet' }), 'scope');
    await refused(commission({ fee_item: 'tip' }), 'fee_item');
    await refused(commission({ effective_to: '2026-12-31' }), 'effective_to');
    // a known market is fine
    const ok = await t.call('POST', '/api/fee_schedules', {
      as: admin,
      body: commission({ scope: 'market', scope_value: 'SZ-B', rate: '0.0003' }),
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(202);
  });
});

describe('fee preview (DOMAIN.md §3.1)', () => {
  it('600519 buy 100 @ 1500.00 on the business date', async () => {
    // amount 1500.00 × 100 = 150000.00
    // commission 150000 × 0.0003 = 45.00 (≥ 5.00); stamp duty: sell only → 0.00
    // transfer 150000 × 0.00001 = 1.50; handling 150000 × 0.0000341 = 5.115 → 5.12 (half-up)
    // regulatory 150000 × 0.00002 = 3.00
    // total = commission + stamp + transfer = 46.50 (handling and regulatory are inside the commission)
    // net commission = 45.00 − 5.12 − 3.00 = 36.88; cash needed = 150000.00 + 46.50
    const res = await feePreview(moutai());
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({
      amount: '150000.00',
      commission: '45.00',
      stamp_duty: '0.00',
      transfer_fee: '1.50',
      handling_fee: '5.12',
      regulatory_fee: '3.00',
      total_fees: '46.50',
      net_commission: '36.88',
      net_amount: '150046.50',
    });
    expect(res.json.sources.commission).toMatchObject({ id: defaultCommission.id, scope: 'default' });
  });

  it('a sell adds stamp duty and receives amount − fees', async () => {
    // stamp 150000 × 0.0005 = 75.00; total 45.00 + 75.00 + 1.50 = 121.50; received 150000.00 − 121.50
    const res = await feePreview(moutai({ side: 'sell' }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      amount: '150000.00',
      commission: '45.00',
      stamp_duty: '75.00',
      transfer_fee: '1.50',
      total_fees: '121.50',
      net_amount: '149878.50',
    });
  });

  it('a tiny trade pays the 5.00 minimum commission', async () => {
    // amount 10.00 × 100 = 1000.00; commission 0.30 → minimum 5.00; transfer 0.01;
    // handling 0.0341 → 0.03; regulatory 0.02; total 5.01; net commission 4.95
    const buy = await feePreview(moutai({ price: '10.00' }));
    expect(buy.json).toMatchObject({
      amount: '1000.00',
      commission: '5.00',
      transfer_fee: '0.01',
      handling_fee: '0.03',
      regulatory_fee: '0.02',
      total_fees: '5.01',
      net_commission: '4.95',
      net_amount: '1005.01',
    });
    // the sell: stamp 0.50; total 5.51; received 994.49
    const sell = await feePreview(moutai({ price: '10.00', side: 'sell' }));
    expect(sell.json).toMatchObject({
      commission: '5.00',
      stamp_duty: '0.50',
      total_fees: '5.51',
      net_amount: '994.49',
    });
  });

  it('rounds each item half-up to the cent, not half-even', async () => {
    // amount 12.50 × 100 = 1250.00; regulatory 1250 × 0.00002 = 0.025 → 0.03 (half-even would give 0.02)
    // transfer 0.0125 → 0.01; handling 0.042625 → 0.04; commission 0.375 → 5.00
    const res = await feePreview(moutai({ price: '12.50' }));
    expect(res.json).toMatchObject({
      amount: '1250.00',
      regulatory_fee: '0.03',
      transfer_fee: '0.01',
      handling_fee: '0.04',
      commission: '5.00',
      total_fees: '5.01',
      net_amount: '1255.01',
    });
  });

  it('an ETF sell pays no stamp duty and no transfer fee', async () => {
    // 510300 sell 1000 @ 4.236: amount 4236.00; commission 1.2708 → 1.27 → minimum 5.00
    // stamp: the ETF schedule (0) beats the default; transfer: ETF 0; handling 0.1444476 → 0.14; regulatory 0.08472 → 0.08
    const res = await feePreview({
      date: businessDate,
      side: 'sell',
      price: '4.236',
      quantity: 1000,
      market: 'SH-A',
      code: '510300',
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({
      amount: '4236.00',
      commission: '5.00',
      stamp_duty: '0.00',
      transfer_fee: '0.00',
      handling_fee: '0.14',
      regulatory_fee: '0.08',
      total_fees: '5.00',
      net_amount: '4231.00',
    });
    expect(res.json.sources.stamp_duty).toMatchObject({ scope: 'security_type', scope_value: 'etf' });
  });

  it('a vip client class pays 0.0002; an institution 0.00015', async () => {
    // 150000 × 0.0002 = 30.00; total 30.00 + 1.50 = 31.50
    const vip = await feePreview(moutai({ client_class: 'vip' }));
    expect(vip.json).toMatchObject({ commission: '30.00', total_fees: '31.50', net_amount: '150031.50' });
    expect(vip.json.sources.commission).toMatchObject({ scope: 'client_class', scope_value: 'vip' });
    // 150000 × 0.00015 = 22.50
    expect((await feePreview(moutai({ client_class: 'institution' }))).json.commission).toBe('22.50');
  });

  it('uses the schedule in force on the trade date', async () => {
    // 2023-06-01: the old default commission 0.0005 → 150000 × 0.0005 = 75.00
    const res = await feePreview(moutai({ date: '2023-06-01' }));
    expect(res.json.commission).toBe('75.00');
  });

  it('a draft (unsaved) schedule is used in place of the saved one, and nothing is saved', async () => {
    const [p, n] = [await pending(), await stored()];
    // a new default commission 0.00025 from the business date would overlap the saved one, which
    // is fine for a preview: 150000 × 0.00025 = 37.50; total 37.50 + 1.50 = 39.00
    const draft = { fee_item: 'commission', scope: 'default', rate: '0.00025', effective_from: businessDate };
    const res = await feePreview(moutai({ draft }));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ commission: '37.50', total_fees: '39.00', net_amount: '150039.00' });
    // editing the saved one (the draft carries its id)
    const edit = await feePreview(
      moutai({ draft: { ...draft, id: defaultCommission.id, effective_from: '2024-01-01' } }),
    );
    expect(edit.json.commission).toBe('37.50');
    // a draft not yet in force on the trade date changes nothing
    const later = await feePreview(moutai({ draft: { ...draft, effective_from: '2027-01-01' } }));
    expect(later.json.commission).toBe('45.00');
    // a draft for a more specific scope wins over the default
    const vipDraft = await feePreview(
      moutai({ client_class: 'vip', draft: { ...draft, scope: 'client_class', scope_value: 'vip', rate: '0.0001' } }),
    );
    expect(vipDraft.json.commission).toBe('15.00');
    expect(await pending()).toBe(p);
    expect(await stored()).toBe(n);
  });

  it('refuses bad input and operators without the right', async () => {
    expect((await feePreview(moutai({ price: '-1' }))).status).toBe(400);
    expect((await feePreview(moutai({ quantity: 0 }))).status).toBe(400);
    expect((await feePreview(moutai({ side: 'short' }))).status).toBe(400);
    expect((await feePreview(moutai({ date: '2026-02-30' }))).status).toBe(400);
    const unknown = await feePreview(moutai({ code: '999999' }));
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields.code).toBeTruthy();
    expect((await feePreview(moutai(), teller)).status).toBe(403);
  });
});

describe('a rate change through 复核 reaches the preview only once approved', () => {
  it('PUT the default commission rate: 202, unchanged until the manager approves, then the preview shows it', async () => {
    const submitted = await t.call('PUT', `/api/fee_schedules/${defaultCommission.id}`, {
      as: admin,
      body: { rate: '0.00028', version: defaultCommission.version },
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(202);
    expect((await feePreview(moutai())).json.commission).toBe('45.00');
    await approveAs(manager, submitted.json.pending_approval_id);
    // 150000 × 0.00028 = 42.00; total 43.50
    const res = await feePreview(moutai());
    expect(res.json).toMatchObject({ commission: '42.00', total_fees: '43.50', net_amount: '150043.50' });
  });

  it('close the current schedule, then add the next one from a future date: both through approval', async () => {
    const current = await t.db
      .selectFrom('fee_schedules')
      .select(['id', 'version'])
      .where('id', '=', defaultCommission.id)
      .executeTakeFirstOrThrow();
    const close = await t.call('PUT', `/api/fee_schedules/${current.id}`, {
      as: admin,
      body: { effective_to: '2026-12-31', version: current.version },
    });
    expect(close.status, JSON.stringify(close.json)).toBe(202);
    // still open-ended until approved: the new one overlaps
    await refused(commission(), 'effective_from');
    await approveAs(manager, close.json.pending_approval_id);
    const added = await t.call('POST', '/api/fee_schedules', { as: admin, body: commission() });
    expect(added.status, JSON.stringify(added.json)).toBe(202);
    const approval = await approveAs(manager, added.json.pending_approval_id);
    const row = await t.db
      .selectFrom('fee_schedules')
      .selectAll()
      .where('id', '=', Number(approval.result_id))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      fee_item: 'commission',
      scope: 'default',
      rate: '0.00025000',
      effective_from: '2027-01-01',
      effective_to: null,
    });
    // 2026-12-31 still under the closed schedule (42.00); from 2027-01-04 the new one: 150000 × 0.00025 = 37.50
    expect((await feePreview(moutai({ date: '2026-12-31' }))).json.commission).toBe('42.00');
    const next = await feePreview(moutai({ date: '2027-01-04' }));
    expect(next.json).toMatchObject({ commission: '37.50', total_fees: '39.00' });
    expect(next.json.sources.commission.id).toBe(row.id);
    // the closed schedule kept its history
    const history = await t.call('GET', `/api/fee_schedules/${current.id}/history`, { as: admin });
    expect(history.json.filter((h: { action: string }) => h.action === 'update')).toHaveLength(2);
  });
});

import { Decimal } from 'decimal.js';
import type { Db } from '../../server/src/db/connect.js';
import type { Actor } from '../../server/src/modules/audit/audit.service.js';
import { openClient } from '../../server/src/modules/clients/clients.service.js';
import { checkChar } from '../../server/src/modules/clients/id-number.calc.js';
import { postEntry } from '../../server/src/modules/ledger/ledger.service.js';
import { placeOrder } from '../../server/src/modules/orders/orders.service.js';
import { openShareholderAccount, transferSecurities } from '../../server/src/modules/orders/positions.service.js';
import { rng } from '../../server/src/modules/trades/exchange.sim.js';
import { simulateExchange } from '../../server/src/modules/trades/exchange.sim.js';
import { importTradeReport } from '../../server/src/modules/trades/trades.service.js';
import { runDayEnd } from '../../server/src/modules/day-end/day-end.service.js';
import { AppError } from '../../server/src/http/errors.js';
import { GIVEN_NAME_CHARS, ID_AREA_CODES, MOBILE_PREFIXES, STREETS, SURNAMES } from './data/people.data.js';

export interface ActivityOptions {
  seed: number;
  clients: number;
  days: number;
  ordersPerDay: number;
  /** leave the last day open (orders and fills, no day-end): the crash test's starting point */
  leaveLastDayOpen?: boolean;
}

/**
 * A few days of a branch's life for the demo, made by the same services as live work (opening,
 * the ledger, orders, the simulated exchange, day-end), so every invariant holds by construction.
 * Deterministic for a seed. The full-scale year of issue 6 builds on this.
 */
export async function seedActivity(db: Db, opts: ActivityOptions) {
  const r = rng(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const weighted = <T extends { weight: number }>(xs: readonly T[]) => {
    let x = r() * xs.reduce((s, v) => s + v.weight, 0);
    for (const v of xs) {
      x -= v.weight;
      if (x < 0) return v;
    }
    return xs[xs.length - 1]!;
  };
  const op = async (username: string): Promise<Actor> => {
    const o = await db
      .selectFrom('operators')
      .select(['id', 'branch_id'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return { operator_id: o.id, username, branch_id: o.branch_id, ip: '', request_id: 'seed', at: new Date() };
  };
  const teller = await op('teller');
  const clerk = await op('clerk');
  const managers = await db
    .selectFrom('client_managers')
    .select('id')
    .where('branch_id', '=', teller.branch_id)
    .execute();
  const securities = await db
    .selectFrom('securities')
    .select(['code', 'market', 'prev_close', 'board', 'tick'])
    .where('type', 'in', ['stock', 'etf'])
    .where('market', 'in', ['SH-A', 'SZ-A'])
    .where('st', '=', false)
    .orderBy('id')
    .execute();
  const cheap = securities.filter((s) => new Decimal(s.prev_close).lt(80) && s.board !== 'star');
  let key = 0;
  const k = () => `seed-${opts.seed}-${++key}`;

  const clients: { id: number; account: number; cash: Decimal }[] = [];
  for (let i = 0; i < opts.clients; i++) {
    const female = r() < 0.48;
    const given = GIVEN_NAME_CHARS.filter((c) => c.gender === (female ? 'f' : 'm') || c.gender === 'u');
    const name = weighted(SURNAMES).surname + pick(given).char + (r() < 0.7 ? pick(given).char : '');
    const birth = new Date(Date.UTC(1950 + Math.floor(r() * 52), Math.floor(r() * 12), 1 + Math.floor(r() * 28)))
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    const seq = String(Math.floor(r() * 50) * 2 + (female ? 0 : 1)).padStart(3, '0');
    const first17 = `${weighted(ID_AREA_CODES).code}${birth}${seq}`;
    const wealthy = r() < 0.08;
    const c = await openClient(db, teller, teller.branch_id, {
      name,
      id_number: first17 + checkChar(first17),
      phone: `${pick(MOBILE_PREFIXES).prefix}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      address: `辽宁省本溪市${pick(STREETS).name}${1 + Math.floor(r() * 120)}号`,
      client_class: wealthy ? 'vip' : 'retail',
      client_manager_id: managers.length ? pick(managers).id : null,
      allow_counter: true,
      allow_phone: r() < 0.6,
      allow_online: r() < 0.9,
      agent_name: '',
      agent_id_number: '',
      agent_phone: '',
    }).catch((e: unknown) => (e instanceof AppError ? null : Promise.reject(e)));
    if (!c) continue; // an ID number drawn twice
    // most clients hold tens of thousands; a long tail holds millions (大户)
    const cash = new Decimal(
      wealthy ? 800_000 + Math.floor(r() * 4_000_000) : 5_000 + Math.floor(r() * r() * 400_000),
    ).toFixed(2);
    await postEntry(db, teller, teller.branch_id, {
      account_id: c.fund_account_id,
      type: r() < 0.5 ? 'deposit' : 'bank_in',
      bank_code: 'ICBC',
      amount: cash,
      idempotency_key: k(),
    });
    const no = String(100_000_000 + c.id).slice(-9);
    const sh = await openShareholderAccount(db, teller, teller.branch_id, {
      client_id: c.id,
      market: 'SH-A',
      code: `A${no}`,
    });
    await openShareholderAccount(db, teller, teller.branch_id, { client_id: c.id, market: 'SZ-A', code: `0${no}` });
    if (r() < 0.6) {
      const s = pick(cheap.filter((x) => x.market === 'SH-A'));
      const quantity = (1 + Math.floor(r() * 20)) * 100;
      await transferSecurities(db, teller, teller.branch_id, {
        shareholder_account_id: sh.id,
        code: s.code,
        type: 'transfer_in',
        quantity,
        cost: new Decimal(s.prev_close).times(quantity).toFixed(2),
        idempotency_key: k(),
      });
    }
    clients.push({ id: c.id, account: c.fund_account_id, cash: new Decimal(cash) });
  }

  for (let day = 0; day < opts.days; day++) {
    const date = (
      await db.selectFrom('system_params').select('value').where('key', '=', 'business_date').executeTakeFirstOrThrow()
    ).value;
    for (let n = 0; n < opts.ordersPerDay; n++) {
      const c = pick(clients);
      const s = pick(cheap);
      const positions = await db
        .selectFrom('positions as p')
        .innerJoin('securities as s', 's.id', 'p.security_id')
        .select(['s.code', 's.market', 's.prev_close', 'p.quantity', 'p.today_bought', 'p.frozen'])
        .where('p.client_id', '=', c.id)
        .execute();
      const sellable = positions.filter((p) => Number(p.quantity) - Number(p.today_bought) - Number(p.frozen) >= 100);
      const sell = sellable.length > 0 && r() < 0.45;
      const target = sell ? pick(sellable) : s;
      const ticks = Math.floor((r() - 0.5) * 8);
      const price = Decimal.max('0.01', new Decimal(target.prev_close).plus(new Decimal('0.01').times(ticks))).toFixed(
        2,
      );
      const held = sell
        ? Number((target as (typeof sellable)[number]).quantity) -
          Number((target as (typeof sellable)[number]).today_bought) -
          Number((target as (typeof sellable)[number]).frozen)
        : 0;
      const quantity = sell
        ? Math.max(100, Math.floor((held * (0.3 + r() * 0.7)) / 100) * 100)
        : (1 + Math.floor(r() * 10)) * 100;
      await placeOrder(db, { ...teller, at: new Date() }, teller.branch_id, {
        client_id: c.id,
        code: target.code,
        market: target.market,
        side: sell ? 'sell' : 'buy',
        price,
        quantity,
        channel: pick(['counter', 'phone', 'online'] as const),
        idempotency_key: k(),
      }).catch((e: unknown) => {
        if (!(e instanceof AppError)) throw e; // a client short of cash, a price off the band: as at a real counter
      });
    }
    const report = await simulateExchange(db, clerk.branch_id, opts.seed * 1000 + day);
    await importTradeReport(db, clerk, clerk.branch_id, report.csv, `simulated-${date}.csv`);
    if (opts.leaveLastDayOpen && day === opts.days - 1) break;
    await runDayEnd(db, { ...clerk, at: new Date() }, date, { acknowledged: 'all' });
  }
}

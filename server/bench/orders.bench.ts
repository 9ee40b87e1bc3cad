import { benchApp, benchDb, fig } from './harness.js';

/**
 * Order entry latency through the real HTTP route (POST /api/orders: checks, fee estimate, the
 * freeze through the ledger, the order row, audit — one transaction), and of the estimate the
 * order screen calls as the clerk types. p50/p95 over ORDERS requests, one after another.
 */
const ORDERS = Number(process.env.BENCH_ORDERS ?? 500);
// cheap enough that 500 orders of 100 shares fit in one deposit
const CODES = ['600000', '601318', '000001', '600036', '601988', '000002'];

const conn = await benchDb();
const { app, headers } = await benchApp(conn, 'teller');
console.log(`\n## order entry on ${conn.label}`);
const call = async (path: string, body: unknown) => {
  const res = await app.request(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, any>;
  if (res.status >= 300) throw new Error(`${path} ${res.status} ${JSON.stringify(json)}`);
  return json;
};
const client = await call('/api/clients', { name: '压测委托', id_number: '11010519491231002X' });
await call('/api/fund_journal', {
  account_id: client.fund_account_id,
  type: 'deposit',
  amount: '5000000.00',
  idempotency_key: 'bench-orders-deposit',
});
await call('/api/shareholder_accounts', { client_id: client.id, market: 'SH-A', code: 'A900000001' });
await call('/api/shareholder_accounts', { client_id: client.id, market: 'SZ-A', code: '0900000001' });
const prev = new Map(
  (await conn.db.selectFrom('securities').select(['code', 'prev_close']).where('code', 'in', CODES).execute()).map(
    (s) => [s.code, s.prev_close],
  ),
);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const estimate: number[] = [];
const place: number[] = [];
for (let i = 0; i < ORDERS; i++) {
  const code = CODES[i % CODES.length]!;
  const body = { client_id: client.id, code, side: 'buy', price: prev.get(code), quantity: 100 };
  let t0 = performance.now();
  await call('/api/orders/estimate', body);
  estimate.push(performance.now() - t0);
  t0 = performance.now();
  await call('/api/orders', { ...body, idempotency_key: `bench-order-${i}` });
  place.push(performance.now() - t0);
}
console.log(
  `estimate: ${ORDERS} requests, p50 ${fig(pct(estimate, 0.5), 1)} ms, p95 ${fig(pct(estimate, 0.95), 1)} ms`,
);
console.log(`order entry: ${ORDERS} orders, p50 ${fig(pct(place, 0.5), 1)} ms, p95 ${fig(pct(place, 0.95), 1)} ms`);
await conn.close();

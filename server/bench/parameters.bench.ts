import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { benchApp, benchDb, measure, fig } from './harness.js';

/**
 * Issue 3's figures: export 100,000 rows of a parameter resource to .xlsx through the real HTTP
 * route (rows/s, peak RSS), and preview an import of 10,000 rows (seconds).
 */
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

const conn = await benchDb();
const { app, headers } = await benchApp(conn);
console.log(`\n## parameters on ${conn.label}`);

// 100,000 securities (the seed has ~440): synthetic codes in a market of their own
await sql`INSERT INTO markets (code, name_zh, name_en, exchange, currency, trading_hours, settlement_cycle) VALUES ('ZZ', '压测市场', 'Bench market', 'SSE', 'CNY', '09:30-11:30,13:00-15:00', 'T+1')`.execute(
  conn.db,
);
await sql`INSERT INTO securities (market, code, name, type, board, industry, lot_size, tick, price_limit_pct, st, prev_close, status, listed_on)
  SELECT 'ZZ', lpad(g::text, 6, '0'), '压测证券' || g, 'stock', 'main', '银行', 100, 0.01, 10, g % 50 = 0, (g % 5000) / 100.0 + 1, 'listed', date '2000-01-01' + (g % 9000)
  FROM generate_series(1, ${EXPORT_ROWS}) g`.execute(conn.db);
const total = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM securities`.execute(conn.db)).rows[0]!.n);

const exp = await measure(async () => {
  const res = await app.request('/api/securities/export', { headers });
  if (res.status !== 200) throw new Error(`export ${res.status}`);
  let bytes = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return bytes;
});
console.log(
  `export: ${total} rows → ${fig(exp.result / 1024 / 1024, 1)} MB xlsx in ${fig(exp.seconds, 2)} s = ${Math.round(total / exp.seconds)} rows/s, peak RSS ${exp.peakMb} MB (${exp.baseMb} MB before)`,
);

// import preview: 10,000 new trading-calendar rows (far-future dates, so all are creates)
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('交易日历');
ws.addRow(['市场', '日期', '交易日', '说明']);
const start = Date.UTC(2040, 0, 1);
for (let i = 0; i < IMPORT_ROWS; i++) {
  const market = ['SH-A', 'SZ-A'][i % 2]!;
  ws.addRow([market, new Date(start + Math.floor(i / 2) * 86_400_000), true, '压测']);
}
const file = Buffer.from(await wb.xlsx.writeBuffer());
const imp = await measure(async () => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'calendar.xlsx');
  const res = await app.request('/api/trading_calendar/import', { method: 'POST', headers, body: form });
  const body = (await res.json()) as { summary: Record<string, number> };
  if (res.status !== 200) throw new Error(JSON.stringify(body));
  return body.summary;
});
console.log(
  `import preview: ${IMPORT_ROWS} rows (${fig(file.length / 1024, 0)} KB) in ${fig(imp.seconds, 2)} s, peak RSS ${imp.peakMb} MB (${imp.baseMb} MB before) → ${JSON.stringify(imp.result)}`,
);
await conn.close();

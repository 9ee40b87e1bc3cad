import { sql } from 'kysely';
import { expect } from 'vitest';
import { type Session, testApp } from '../../server/test/harness.js';
import { csvRows, download, pdfPages, xlsxSheets } from './files.js';

export const ROLES = ['admin', 'teller', 'clerk', 'manager', 'hq'] as const;

/**
 * The small branch of a few closed days (server/test/constants.ts HISTORY) with a session per
 * built-in role, and the business dates a report test needs.
 */
export async function reportWorld() {
  const t = await testApp({ history: true });
  const s = {} as Record<(typeof ROLES)[number], Session>;
  for (const r of ROLES) s[r] = await t.login(r);
  const { rows } = await sql<{ open: string; closed: string[] }>`
    SELECT (SELECT value FROM system_params WHERE key = 'business_date') AS open,
           (SELECT array_agg(business_date::text ORDER BY business_date) FROM day_end_runs WHERE status = 'completed') AS closed`.execute(
    t.db,
  );
  const closed = rows[0]!.closed;
  return { t, s, open: rows[0]!.open, closed, last: closed[closed.length - 1]! };
}
export type World = Awaited<ReturnType<typeof reportWorld>>;

/** Every line of a report's preview, page by page. */
export async function previewAll(w: World, as: Session, id: string, query: string) {
  const first = await w.t.call('GET', `/api/reports/${id}?${query}&per_page=200`, { as });
  expect(first.status, JSON.stringify(first.json)).toBe(200);
  const lines = [...first.json.lines];
  const pages = Math.ceil(first.json.total_rows / 200);
  for (let page = 2; page <= pages; page++) {
    const next = await w.t.call('GET', `/api/reports/${id}?${query}&per_page=200&page=${page}`, { as });
    lines.push(...next.json.lines);
  }
  return { ...first.json, lines } as {
    header: Record<string, string | boolean>;
    columns: { key: string; label: string; numeric: boolean }[];
    lines: { kind: string; n?: number; label?: string; cells: Record<string, string> }[];
    total_rows: number;
    notes: string[];
  };
}

const plain = (s: string) => s.replaceAll(',', '');

/**
 * Downloads the report as .xlsx, PDF and CSV and checks the three say what the preview says:
 * the same rows in the same order with the same numbers, the header block and the signature
 * line. Returns what it read, for the report's own reconciliations.
 */
export async function threeFormats(w: World, as: Session, id: string, query: string) {
  const preview = await previewAll(w, as, id, query);
  const keys = preview.columns.map((c) => c.key);
  const dataLines = preview.lines;

  const csv = await download(w.t, as, `/api/reports/${id}/csv?${query}`);
  expect(csv.status).toBe(200);
  expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf'); // UTF-8 BOM
  const csvTable = csvRows(csv.bytes.toString('utf8'));
  expect(csvTable[0]).toEqual(['序号', ...preview.columns.map((c) => c.label)]);
  const csvBody = csvTable.slice(1);
  expect(csvBody.length).toBe(dataLines.length);
  dataLines.forEach((line, i) => {
    const row = csvBody[i]!;
    if (line.kind === 'row') expect(row[0]).toBe(String(line.n));
    keys.forEach((k, j) => {
      const v = line.cells[k] ?? '';
      if (line.kind !== 'row' && v === '') return;
      expect(row[j + 1], `${id} csv line ${i} ${k}`).toBe(preview.columns[j]!.numeric ? plain(v) : v);
    });
  });

  const xlsx = await download(w.t, as, `/api/reports/${id}/xlsx?${query}`);
  expect(xlsx.status).toBe(200);
  const [sheet] = await xlsxSheets(xlsx.bytes);
  const rows = sheet!.rows;
  expect(rows[0]![0]).toBe(preview.header.company);
  expect(rows[2]![0]).toBe(preview.header.title);
  expect(String(rows[3]![0])).toContain(String(preview.header.status));
  expect(rows[5]![0]).toBe('序号');
  expect(sheet!.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
  expect(sheet!.sheet.autoFilter).toBeTruthy();
  expect(sheet!.sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
  expect(sheet!.sheet.headerFooter.oddFooter).toContain('&P');
  const body = rows.slice(6, 6 + dataLines.length);
  dataLines.forEach((line, i) => {
    keys.forEach((k, j) => {
      const col = preview.columns[j]!;
      const v = line.cells[k] ?? '';
      const cell = body[i]![j + 1];
      if (v === '' || (line.kind !== 'row' && cell === null)) return;
      if (col.numeric && !v.endsWith('%')) expect(cell, `${id} xlsx line ${i} ${k}`).toBe(Number(plain(v)));
      else if (cell instanceof Date) expect(cell.toISOString().slice(0, 10)).toBe(v);
      else if (!col.numeric) expect(cell, `${id} xlsx line ${i} ${k}`).toBe(v);
    });
  });
  expect(rows.some((r) => String(r[0] ?? '').startsWith('制表人：'))).toBe(true);

  let pdf: string[] = [];
  if (preview.total_rows <= 2000) {
    const file = await download(w.t, as, `/api/reports/${id}/pdf?${query}`);
    expect(file.status).toBe(200);
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    pdf = await pdfPages(file.bytes);
    const all = pdf.join('\n');
    expect(all.replaceAll(' ', '')).toContain(String(preview.header.title).replaceAll(' ', ''));
    expect(pdf[0]).toContain(`第 1 页 / 共 ${pdf.length} 页`);
    expect(all).toContain('制表人');
    // every number the preview shows is printed, formatted the same way
    for (const line of dataLines.slice(0, 50))
      for (const c of preview.columns) if (c.numeric && line.cells[c.key]) expect(all).toContain(line.cells[c.key]!);
  }
  return { preview, csvBody, rows: body, pdf };
}

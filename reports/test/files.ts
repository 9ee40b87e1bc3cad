import ExcelJS from 'exceljs';
import type { Session, TestApp } from '../../server/test/harness.js';

/** Downloads a report file as the given operator: status, bytes and headers. */
export async function download(t: TestApp, as: Session, path: string, lang = 'zh') {
  const res = await t.app.request(path, { headers: { cookie: as.cookie, 'accept-language': lang } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

export type Cell = string | number | Date | null;

/** Every sheet of an .xlsx as rows of plain values (formulas never appear in a report). */
export async function xlsxSheets(bytes: Buffer): Promise<{ name: string; rows: Cell[][]; sheet: ExcelJS.Worksheet }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as Cell[])
        .slice(1)
        .map((v) =>
          v && typeof v === 'object' && !(v instanceof Date)
            ? String((v as { text?: string }).text ?? '')
            : (v ?? null),
        );
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []), sheet: ws };
  });
}

/** The text of each PDF page, items joined by spaces (pdf.js, as a reader would copy it). */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.cleanup();
  return pages;
}

/** RFC 4180 CSV (quoted fields, doubled quotes), after the UTF-8 BOM. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

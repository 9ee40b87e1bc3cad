import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../http/lang.js';
import type { FieldDef, ResourceDef } from './define-resource.js';
import { numFmt, toCell } from './excel-cells.js';
import type { Row } from './crud.repository.js';

/** An .xlsx sheet holds at most 1,048,576 rows including the header. */
export const XLSX_MAX_ROWS = 1_048_575;
/** Wait for the consumer when more than this is buffered (exceljs ignores backpressure: STACK-NOTES.md). */
const HIGH_WATER = 4 * 1024 * 1024;

/** The columns of an export (and of an import template): every declared field, in order. */
export const exportFields = (def: ResourceDef): FieldDef[] => def.fields;

/**
 * Streams a resource's rows to an .xlsx file with the streaming WorkbookWriter: a frozen header
 * row in the user's language, real number/date/boolean cells, formula-like text neutralised.
 * Memory stays flat whatever the row count.
 */
export async function writeXlsx(
  def: ResourceDef,
  lang: Lang,
  batches: AsyncIterable<Row[]>,
  out: Writable,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(def.label[lang].slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const fields = exportFields(def);
  ws.columns = fields.map((f) => ({
    header: f.label[lang],
    key: f.name,
    width: Math.max(10, f.label[lang].length * 2 + 2),
    style: numFmt(f) ? { numFmt: numFmt(f) } : {},
  }));
  ws.getRow(1).font = { bold: true };
  let n = 0;
  for await (const rows of batches) {
    for (const row of rows) {
      if (n >= XLSX_MAX_ROWS) break;
      ws.addRow(fields.map((f) => toCell(f, row[f.name]))).commit();
      n++;
    }
    if (out.writableLength > HIGH_WATER) await once(out, 'drain');
  }
  ws.commit();
  await wb.commit();
  return n;
}

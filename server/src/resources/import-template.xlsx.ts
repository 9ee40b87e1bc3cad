import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../http/lang.js';
import type { FieldDef, ResourceDef } from './define-resource.js';
import { numFmt } from './excel-cells.js';

/** The columns an import reads: every declared field, in order (an export has each of them). */
export const importFields = (def: ResourceDef): FieldDef[] => def.fields;

/**
 * The import template: one frozen row of column titles in the user's language over empty,
 * formatted columns, to be filled in. (An export, changed and uploaded, imports too: the import
 * skips its header block, 序号 and signature line and reads its words back to codes.)
 */
export async function writeTemplate(def: ResourceDef, lang: Lang, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(def.label[lang].slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = importFields(def).map((f) => ({
    header: f.label[lang],
    key: f.name,
    width: Math.max(10, f.label[lang].length * 2 + 2),
    style: numFmt(f) ? { numFmt: numFmt(f) } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.commit();
  await wb.commit();
}

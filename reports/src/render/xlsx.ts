import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportColumn, Row } from '../define-report.js';
import { capitals, isNumeric, neutralise, widthOf, xlsxFormat } from '../format.js';
import { emptyTotals } from '../layout.js';
import { w } from '../messages.js';
import { lines, signatureLine, type Prepared } from '../run.js';
import { drain } from './drain.js';

/** An .xlsx sheet holds at most 1,048,576 rows: a report past that goes on to a second sheet. */
export const XLSX_MAX_ROWS = 1_048_576;
/** Wait for the consumer when more than this is buffered: exceljs's writer ignores backpressure. */
const HIGH_WATER = 4 * 1024 * 1024;
/** Rows of the header block above the column titles. */
const HEADER_ROWS = 5;

/** A report column's value as a real Excel cell: numbers as numbers, dates as dates, enums as words. */
function cell(c: ReportColumn, v: unknown, p: Prepared): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (isNumeric(c.type)) return Number(v); // money ≤ 15 significant digits survives a double exactly at 2 places
  if (c.type === 'date') return new Date(`${String(v)}T00:00:00Z`);
  if (c.type === 'enum') return neutralise(p.words.get(c.dict!)?.get(String(v)) ?? String(v));
  if (c.type === 'amount_words') return capitals(v);
  return neutralise(String(v));
}

/**
 * Backpressure exceljs does not apply (its issue #1894, "the stream is fake"). A sheet's rows
 * collect in the sheet's buffer until the zip (archiver) takes the sheet up, which it does only
 * after the entries queued before it, one turn of the event loop at a time — turns a renderer fed
 * by promise resolutions seldom gives it, so a whole sheet piled up uncompressed in memory. Then
 * rows go into the entry's deflate stream without waiting. So: give the zip turns of the event
 * loop until it has taken the sheet up, and wait whenever the deflate input or our own output
 * holds more than HIGH_WATER.
 */
async function drained(ws: ExcelJS.Worksheet, out: Writable) {
  const sheet = (ws as unknown as { stream: { pipes: Writable[] } }).stream;
  for (let turn = 0; sheet.pipes.length === 0 && turn < 10_000; turn++) await new Promise((r) => setImmediate(r));
  // archiver's PassThrough comes from readable-stream 2, which has no writableLength getter
  const entry = sheet.pipes[0] as (Writable & { _writableState?: { length: number } }) | undefined;
  if (entry && (entry._writableState?.length ?? entry.writableLength) > HIGH_WATER) await drain(entry, out);
  if (out.writableLength > HIGH_WATER) await drain(out, out);
  if (out.destroyed) throw new Error('the download was closed');
}

/**
 * exceljs renders every cell's style to XML to find its style id (a fresh style object per cell,
 * so its own WeakMap cache never hits): a quarter of the time of a million-row sheet. A report
 * has a handful of styles; remember each one's id by its JSON. The ids are exceljs's own.
 */
function cacheStyles(wb: ExcelJS.stream.xlsx.WorkbookWriter) {
  const styles = (wb as unknown as { styles: { addStyleModel(model: unknown, type?: number): number } }).styles;
  const add = styles.addStyleModel.bind(styles);
  const ids = new Map<string, number>();
  styles.addStyleModel = (model, type) => {
    const key = `${type}|${JSON.stringify(model)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = add(model, type);
      ids.set(key, id);
    }
    return id;
  };
}

const colName = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * Streams the report to .xlsx with exceljs's streaming writer (REPORTS.md "Excel specifics"): the
 * header block, 序号, frozen column titles with an autofilter, real number and date cells with
 * 千分位, bold 小计 and 合计 rows, the signature line, A4 print setup (landscape where wide, fit
 * to one page wide, column titles repeated on every page, 第 &P 页 共 &N 页), and a further
 * sheet whenever one fills up. Waits for the output to drain, so memory stays flat.
 */
export async function renderXlsx(p: Prepared, out: Writable, opts: { sheetRows?: number } = {}): Promise<number> {
  const sheetRows = opts.sheetRows ?? XLSX_MAX_ROWS;
  const { lang, header, columns } = p;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    // level 1: a few percent larger than the default 6, markedly faster on a million rows (README: benchmarks)
    zip: { zlib: { level: 1 } },
  });
  wb.creator = header.operator;
  cacheStyles(wb);
  const width = columns.length + 1;
  const last = colName(width - 1);
  const titleRow = HEADER_ROWS + 1;
  let sheets = 0;
  let ws!: ExcelJS.Worksheet;
  let used = 0;

  const openSheet = () => {
    sheets++;
    const name = `${header.title}${sheets > 1 ? w(lang, 'continued', { n: sheets }) : ''}`.slice(0, 31);
    ws = wb.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: titleRow }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: p.def.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${titleRow}:${titleRow}`,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `&C${w(lang, 'xlsx_footer')}` },
    });
    ws.columns = [
      { key: '__n', width: 7 },
      ...columns.map((c) => ({
        key: c.key,
        width: widthOf(c) + 1,
        style: xlsxFormat(c) ? { numFmt: xlsxFormat(c) } : {},
      })),
    ];
    // the header block names the company and the branch as typed (系统参数, 营业部): text like any cell's
    const block = (text: string, opts: Partial<ExcelJS.Font> = {}, align: 'center' | 'left' = 'center') => {
      const r = ws.addRow([neutralise(text)]);
      ws.mergeCells(`A${r.number}:${last}${r.number}`);
      r.getCell(1).font = { name: '宋体', size: 11, ...opts };
      r.getCell(1).alignment = { horizontal: align };
      r.commit();
    };
    block(header.company, { bold: true, size: 12 });
    block(header.branch, { size: 11 });
    block(header.title, { bold: true, size: 16 });
    // a list of names (operators, roles) has no currency and no unit: the line says only what applies
    block(
      [
        `${header.period}（${header.status}）`,
        header.currency ? `${w(lang, 'currency')}${header.currency}` : '',
        header.unit,
      ]
        .filter(Boolean)
        .join('    '),
      {},
      'left',
    );
    block(`${w(lang, 'params')}${header.params}    ${w(lang, 'generated_at')}${header.generated_at}`, {}, 'left');
    const titles = ws.addRow([w(lang, 'seq'), ...columns.map((c) => c.label[lang])]);
    titles.font = { bold: true };
    titles.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    titles.eachCell((c) => {
      c.border = { bottom: { style: 'thin' } };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    });
    titles.commit();
    ws.autoFilter = `A${titleRow}:${last}${titleRow}`;
    used = titleRow;
  };

  const summary = (label: string, row: Row) => {
    const r = ws.addRow([label, ...columns.map((c) => (c.sum ? cell(c, row[c.key], p) : null))]);
    r.font = { bold: true };
    r.commit();
    used++;
  };

  openSheet();
  let n = 0;
  const totals = emptyTotals();
  for await (const batch of lines(p, totals)) {
    for (const line of batch) {
      // keep room for the 合计, the notes and the signature line at the end of a full sheet
      if (used >= sheetRows - 8) {
        ws.commit();
        openSheet();
      }
      if (line.kind === 'row') {
        const values: (string | number | Date | null)[] = [line.n];
        for (const c of columns) values.push(cell(c, line.row[c.key], p));
        ws.addRow(values).commit();
        used++;
        n++;
      } else summary(line.kind === 'total' ? w(lang, 'total') : `${w(lang, 'subtotal')} ${line.label}`, line.row);
    }
    await drained(ws, out);
  }
  if (n === 0) {
    const r = ws.addRow([w(lang, 'empty')]);
    ws.mergeCells(`A${r.number}:${last}${r.number}`);
    r.getCell(1).alignment = { horizontal: 'center' };
    r.commit();
  }
  for (const note of p.def.notes && n > 0 ? p.def.notes(totals, lang) : []) {
    const r = ws.addRow([note]);
    ws.mergeCells(`A${r.number}:${last}${r.number}`);
    r.getCell(1).font = { bold: true };
    r.commit();
  }
  ws.addRow([]).commit();
  const sign = ws.addRow([signatureLine(p).join('        ')]);
  ws.mergeCells(`A${sign.number}:${last}${sign.number}`);
  sign.commit();
  ws.commit();
  await wb.commit();
  return n;
}

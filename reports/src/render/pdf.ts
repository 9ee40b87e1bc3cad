import { createRequire } from 'node:module';
import path from 'node:path';
import type { Writable } from 'node:stream';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Row } from '../define-report.js';
import { cellText, displayWidth, isNumeric, widthOf } from '../format.js';
import { emptyTotals } from '../layout.js';
import { w } from '../messages.js';
import { lines, signatureLine, type Prepared } from '../run.js';

/**
 * Noto Sans SC (OFL), installed by npm with the project: TrueType outlines, which pdfkit subsets,
 * so a report embeds only the glyphs it prints (an empty report is tens of KB, not 10 MB).
 */
const fontDir = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const FONT = {
  normal: path.join(fontDir, '400Regular/NotoSansSC_400Regular.ttf'),
  bold: path.join(fontDir, '700Bold/NotoSansSC_700Bold.ttf'),
};
pdfmake.setFonts({
  NotoSansSC: { normal: FONT.normal, bold: FONT.bold, italics: FONT.normal, bolditalics: FONT.bold },
});
// a report never fetches anything: no URLs, and local files only from the font's directory
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(fontDir));

const A4_WIDTH = { portrait: 595.28, landscape: 841.89 };
const MARGIN = 28;

/**
 * One record as a voucher's form: label and value side by side, two fields to a line, a `wide`
 * field (the amount in capitals, the note) on a line of its own; amounts in bold.
 */
function voucherForm(p: Prepared, row: Row): Content {
  const body: TableCell[][] = [];
  const label = (c: Prepared['columns'][number]): TableCell => ({
    text: c.label[p.lang],
    bold: true,
    fillColor: '#efefef',
    alignment: 'center',
  });
  const value = (c: Prepared['columns'][number]) => ({
    text: cellText(c, row[c.key], p.words, p.lang, { separators: true }),
    bold: c.type === 'money' || c.type === 'amount_words',
    fontSize: c.type === 'amount_words' ? 12 : undefined,
  });
  let pending: Prepared['columns'][number] | undefined;
  for (const c of p.columns) {
    if (c.wide) {
      if (pending) body.push([label(pending), { ...value(pending), colSpan: 3 }, {}, {}]);
      pending = undefined;
      body.push([label(c), { ...value(c), colSpan: 3 }, {}, {}]);
    } else if (pending) {
      body.push([label(pending), value(pending), label(c), value(c)]);
      pending = undefined;
    } else pending = c;
  }
  if (pending) body.push([label(pending), { ...value(pending), colSpan: 3 }, {}, {}]);
  return {
    table: { widths: [72, '*', 72, '*'], body },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => '#444444',
      vLineColor: () => '#444444',
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 7,
      paddingBottom: () => 7,
    },
    fontSize: 10.5,
    margin: [0, 6, 0, 0],
  };
}

/**
 * Renders the report as an A4 PDF (REPORTS.md "PDF specifics"): the header block on the first
 * page, the column titles repeated on every page, 小计 and 合计 rows in bold, 本期无数据 for an
 * empty report, the signature line, and 第 x 页 / 共 y 页 in every footer. pdfmake lays out in
 * memory, so the route caps the rows a PDF may hold (system parameter report_pdf_max_rows).
 */
export async function renderPdf(p: Prepared, out: Writable): Promise<number> {
  const { lang, header, columns } = p;
  const num = (c: { type: Parameters<typeof isNumeric>[0] }) => isNumeric(c.type);
  const body: TableCell[][] = [
    [{ text: w(lang, 'seq'), style: 'th' }, ...columns.map((c) => ({ text: c.label[lang], style: 'th' }))],
  ];
  const text = (row: Row, summedOnly: boolean) =>
    columns.map((c) => ({
      text: summedOnly && !c.sum ? '' : cellText(c, row[c.key], p.words, lang, { separators: true }),
      alignment: num(c) ? ('right' as const) : ('left' as const),
    }));
  let n = 0;
  const totals = emptyTotals();
  const forms: Content[] = [];
  for await (const batch of lines(p, totals)) {
    for (const line of batch) {
      if (p.def.layout === 'voucher') {
        // a voucher (凭证): each record a form of labelled fields; no 序号, no totals
        if (line.kind === 'row') {
          forms.push(voucherForm(p, line.row));
          n++;
        }
      } else if (line.kind === 'row') {
        body.push([{ text: String(line.n), alignment: 'right' }, ...text(line.row, false)]);
        n++;
      } else {
        const label = line.kind === 'total' ? w(lang, 'total') : `${w(lang, 'subtotal')} ${line.label}`;
        body.push([
          { text: label, bold: true, noWrap: true },
          ...text(line.row, true).map((c) => ({ ...c, bold: true })),
        ]);
      }
    }
  }
  // column widths in proportion to their declared character widths, filling the page
  const chars = [Math.max(4, displayWidth(String(n)) + 1), ...columns.map((c) => widthOf(c))];
  // pdfmake adds each cell's padding (2 + 2) and its border to the widths given
  const avail = A4_WIDTH[p.def.orientation] - 2 * MARGIN - chars.length * 4.2 - 1;
  const scale = avail / chars.reduce((a, b) => a + b, 0);
  const widths = chars.map((c) => Math.floor(c * scale * 100) / 100);
  const table: Content =
    n > 0 && p.def.layout === 'voucher'
      ? forms
      : n === 0
        ? { text: w(lang, 'empty'), alignment: 'center', margin: [0, 24, 0, 24], fontSize: 11 }
        : {
            table: { headerRows: 1, widths, body },
            layout: {
              hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
                i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.2,
              vLineWidth: () => 0.2,
              hLineColor: () => '#666666',
              vLineColor: () => '#999999',
              paddingLeft: () => 2,
              paddingRight: () => 2,
              paddingTop: () => 1.5,
              paddingBottom: () => 1.5,
            },
            fontSize: columns.length > 12 ? 6.5 : columns.length > 8 ? 7 : 8,
          };
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: p.def.orientation,
    pageMargins: [MARGIN, MARGIN, MARGIN, 36],
    info: { title: header.title, author: header.operator, creator: header.company, subject: header.branch },
    defaultStyle: { font: 'NotoSansSC', fontSize: 8 },
    styles: { th: { bold: true, alignment: 'center', fillColor: '#efefef' } },
    content: [
      { text: header.company, alignment: 'center', fontSize: 11, bold: true },
      { text: header.branch, alignment: 'center', fontSize: 10, margin: [0, 2, 0, 0] },
      {
        text: header.title,
        alignment: 'center',
        fontSize: 16,
        bold: true,
        margin: [0, 4, 0, 6],
        characterSpacing: lang === 'zh' ? 4 : 0,
      },
      {
        columns: [
          { text: `${header.period}（${header.status}）`, width: '*' },
          {
            text: header.currency ? `${w(lang, 'currency')}${header.currency}` : '',
            width: 'auto',
            margin: [12, 0, 12, 0],
          },
          { text: header.unit, width: 'auto' },
        ],
        fontSize: 8.5,
      },
      {
        columns: [
          { text: `${w(lang, 'params')}${header.params}`, width: '*' },
          { text: `${w(lang, 'generated_at')}${header.generated_at}`, width: 'auto' },
        ],
        fontSize: 8.5,
        margin: [0, 2, 0, 6],
      },
      table,
      ...(p.def.notes && n > 0 ? p.def.notes(totals, lang) : []).map(
        (note): Content => ({ text: note, bold: true, fontSize: 9, margin: [0, 6, 0, 0] }),
      ),
      {
        columns: signatureLine(p).map((text) => ({ text })),
        margin: [0, p.def.layout === 'voucher' ? 28 : 16, 0, 0],
        fontSize: p.def.layout === 'voucher' ? 10.5 : 9,
        unbreakable: true,
      },
    ],
    footer: (page: number, pages: number) => ({
      text: w(lang, 'page', { p: page, n: pages }),
      alignment: 'right',
      fontSize: 8,
      margin: [MARGIN, 10, MARGIN, 0],
    }),
  };
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  await new Promise<void>((resolve, reject) => out.end(buffer, (e?: Error | null) => (e ? reject(e) : resolve())));
  return n;
}

import type { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { cellText, isNumeric } from '../format.js';
import { emptyTotals } from '../layout.js';
import { w } from '../messages.js';
import { lines, type Prepared } from '../run.js';
import { drain } from './drain.js';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * Streams the report as CSV (REPORTS.md "CSV specifics"): UTF-8 with a BOM so Excel on a Chinese
 * Windows opens it correctly (GBK on request), the column titles in words, the same values as the
 * .xlsx without thousands separators (a number stays a number), enums as words, 小计 and 合计 rows,
 * formula-like text neutralised.
 */
export async function renderCsv(p: Prepared, out: Writable, encoding: 'utf8' | 'gbk' = 'utf8'): Promise<number> {
  const { lang, columns } = p;
  const encode = (text: string) => (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  // numbers never need quoting; only text is checked for commas, quotes and line breaks
  const quote = columns.map((c) => !isNumeric(c.type));
  const text = (row: Record<string, unknown>, summedOnly: boolean) =>
    columns.map((c, i) => {
      if (summedOnly && !c.sum) return '';
      const s = cellText(c, row[c.key], p.words, lang, { separators: false });
      return quote[i] ? field(s) : s;
    });
  let chunk = encoding === 'utf8' ? '\uFEFF' : '';
  chunk += `${[w(lang, 'seq'), ...columns.map((c) => field(c.label[lang]))].join(',')}\r\n`;
  let n = 0;
  const totals = emptyTotals();
  for await (const batch of lines(p, totals)) {
    for (const line of batch) {
      if (line.kind === 'row') {
        chunk += `${[line.n, ...text(line.row, false)].join(',')}\r\n`;
        n++;
      } else {
        const label = line.kind === 'total' ? w(lang, 'total') : `${w(lang, 'subtotal')} ${line.label}`;
        chunk += `${[field(label), ...text(line.row, true)].join(',')}\r\n`;
      }
    }
    if (!out.write(encode(chunk))) await drain(out, out);
    else if (out.destroyed) throw new Error('the download was closed');
    chunk = '';
  }
  if (chunk) out.write(encode(chunk));
  out.end();
  return n;
}

import { Decimal } from 'decimal.js';
import { amountInWords } from '../../admin/src/resources/fund_accounts/amountWords.js';
import type { Lang } from '../../server/src/http/lang.js';
import type { ColumnType, ReportColumn } from './define-report.js';

/** Dictionary category → code → label, in the report's language. */
export type Words = Map<string, Map<string, string>>;

/** 1234567.8 → "1,234,567.80": 千分位 and a fixed number of decimals, a minus sign when negative. */
export function grouped(value: string | number, decimals: number): string {
  const fixed = new Decimal(value).toFixed(decimals, Decimal.ROUND_HALF_UP);
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** Digits after the point each numeric column type shows (REPORTS.md: money two, prices three). */
export const DECIMALS: Partial<Record<ColumnType, number>> = { money: 2, price: 3, count: 0, quantity: 0 };

/** Digits after the point a numeric column shows: its own `decimals`, else its type's. */
export const decimalsOf = (c: ReportColumn): number =>
  c.decimals !== undefined && (c.type === 'money' || c.type === 'price') ? c.decimals : DECIMALS[c.type]!;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection"). */
export const neutralise = (s: string) => (/^'*[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** Plain decimal text with exactly 0, 1, 2 or 3 decimals. */
const FIXED = [/^-?\d+$/, /^-?\d+\.\d$/, /^-?\d+\.\d\d$/, /^-?\d+\.\d\d\d$/];

/** A cell as a person reads it: on screen, in the PDF, and (without separators) in CSV. */
export function cellText(c: ReportColumn, v: unknown, words: Words, lang: Lang, opts: { separators: boolean }): string {
  if (v === null || v === undefined || v === '') return '';
  switch (c.type) {
    case 'money':
    case 'price':
    case 'count':
    case 'quantity': {
      const d = decimalsOf(c);
      if (opts.separators) return grouped(v as string, d);
      // the database sends numeric(…, d) with exactly d decimals and integers as integers: most
      // values are already what the cell shows, and a million rows should not each pass decimal.js
      const text = String(v);
      return FIXED[d]?.test(text) ? text : new Decimal(text).toFixed(d, Decimal.ROUND_HALF_UP);
    }
    case 'rate':
      // a fraction shown as a percentage with four decimals: 0.0003 → 0.0300%
      return `${new Decimal(v as string).times(100).toFixed(4, Decimal.ROUND_HALF_UP)}%`;
    case 'enum':
      // the dictionary's words are typed by a person (数据字典) like any other text
      return neutralise(
        words.get(c.dict!)?.get(String(v)) ?? (lang === 'zh' ? `未知(${String(v)})` : `unknown (${String(v)})`),
      );
    case 'amount_words':
      return capitals(v);
    default:
      return neutralise(String(v));
  }
}

/** An `amount_words` cell: '1234.50' or 'USD 1234.50' in Chinese capitals (the text as it came, if it is no amount). */
export function capitals(v: unknown): string {
  const m = /^(?:([A-Z]{3}) )?(.*)$/.exec(String(v))!;
  return amountInWords(m[2], m[1] ?? 'CNY') ?? String(v);
}

/** Excel number formats per column type (REPORTS.md: `#,##0.00`, `#,##0`, `yyyy-mm-dd`). */
export const XLSX_FORMAT: Partial<Record<ColumnType, string>> = {
  money: '#,##0.00;-#,##0.00',
  price: '#,##0.000',
  count: '#,##0',
  quantity: '#,##0',
  rate: '0.0000%',
  date: 'yyyy-mm-dd',
};

/** A column's Excel number format: its type's, with its own number of decimals where it has one. */
export function xlsxFormat(c: ReportColumn): string | undefined {
  const d = c.decimals;
  if (d === undefined || (c.type !== 'money' && c.type !== 'price')) return XLSX_FORMAT[c.type];
  const frac = d > 0 ? `.${'0'.repeat(d)}` : '';
  return c.type === 'money' ? `#,##0${frac};-#,##0${frac}` : `#,##0${frac}`;
}

/** Default widths in Latin characters (a CJK character counts two). */
export const WIDTH: Record<ColumnType, number> = {
  text: 14,
  code: 12,
  count: 8,
  quantity: 12,
  money: 16,
  price: 10,
  rate: 10,
  date: 11,
  enum: 10,
  amount_words: 40,
};

export const widthOf = (c: ReportColumn) => c.width ?? Math.max(WIDTH[c.type], displayWidth(c.label.zh) + 2);

/** Columns of text a string takes: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

export const isNumeric = (t: ColumnType) =>
  t === 'money' || t === 'price' || t === 'count' || t === 'quantity' || t === 'rate';

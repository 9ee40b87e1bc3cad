import { Decimal } from 'decimal.js';
import type { Lang } from '../../server/src/http/lang.js';
import type { ReportColumn, ReportDef, Row } from './define-report.js';

/**
 * What every renderer draws, in order: the rows numbered (序号), a 小计 after each group, one
 * 合计 at the end. The screen preview, .xlsx, PDF and CSV all read these lines, so their
 * numbers are the same by construction.
 */
export type Line =
  | { kind: 'row'; n: number; row: Row }
  | { kind: 'subtotal'; label: string; count: number; row: Row }
  | { kind: 'total'; count: number; row: Row };

export interface Totals {
  groups: Map<string, Row>;
  total: Row;
  count: number;
}

/** Totals to be filled by `layout` as it reads the rows. */
export const emptyTotals = (): Totals => ({ groups: new Map(), total: {}, count: 0 });

const summed = (columns: ReportColumn[]) => columns.filter((c) => c.sum);

/**
 * Sums are exact integers of hundredths (BigInt): money has two decimals and quantities none, so
 * adding a million cells needs no decimal library (a tenth of the time decimal.js took) and no float.
 */
type Acc = Map<string, bigint>;
const CENTS = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
function cents(v: unknown): bigint {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v) * 100n;
  const text = String(v);
  const m = CENTS.exec(text);
  if (!m) return BigInt(new Decimal(text).times(100).toFixed(0, Decimal.ROUND_HALF_UP));
  const n = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -n : n;
}
function add(acc: Acc, columns: ReportColumn[], row: Row) {
  for (const c of columns) {
    const v = row[c.key];
    if (v === null || v === undefined || v === '') continue;
    acc.set(c.key, (acc.get(c.key) ?? 0n) + cents(v));
  }
}
const asRow = (acc: Acc): Row =>
  Object.fromEntries(
    [...acc].map(([k, n]) => {
      const neg = n < 0n;
      const abs = neg ? -n : n;
      return [k, `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`];
    }),
  );

/**
 * Turns batches of ordered rows into batches of lines. Sums are decimal (never floats); the
 * totals are returned once the stream is read, for the notes under the table.
 */
export async function* layout(
  def: ReportDef,
  columns: ReportColumn[],
  batches: AsyncIterable<Row[]>,
  lang: Lang,
  totals: Totals = emptyTotals(),
): AsyncGenerator<Line[]> {
  const sums = summed(columns);
  const all: Acc = new Map();
  let group: { key: string; label: string; acc: Acc; count: number } | undefined;
  let n = 0;
  const close = (out: Line[]) => {
    if (!group) return;
    const row = asRow(group.acc);
    totals.groups.set(group.key, row);
    out.push({ kind: 'subtotal', label: group.label, count: group.count, row });
  };
  for await (const rows of batches) {
    const out: Line[] = [];
    for (const row of rows) {
      if (def.group) {
        const key = String(row[def.group.key]);
        if (group?.key !== key) {
          close(out);
          group = { key, label: def.group.label(row, lang), acc: new Map(), count: 0 };
        }
        add(group.acc, sums, row);
        group.count++;
      }
      add(all, sums, row);
      out.push({ kind: 'row', n: ++n, row });
    }
    if (out.length) yield out;
  }
  const tail: Line[] = [];
  close(tail);
  totals.total = asRow(all);
  totals.count = n;
  if (n > 0 && def.grandTotal !== false) tail.push({ kind: 'total', count: n, row: totals.total });
  if (tail.length) yield tail;
}

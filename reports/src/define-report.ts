import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../server/src/db/connect.js';
import type { Database } from '../../server/src/db/schema.js';
import type { Lang } from '../../server/src/http/lang.js';
import type { ParamSpec } from './params.js';

export interface Label {
  zh: string;
  en: string;
}

/**
 * How a column is stored in the row, written to .xlsx and worded in PDF and CSV:
 * `money` is a decimal string shown with thousands separators and two decimals (REPORTS.md),
 * `price` a decimal string with three, `quantity` and `count` integers, `rate` a decimal shown
 * as a percentage, `enum` a code shown through the data dictionary (`dict`), `date` 'YYYY-MM-DD',
 * `amount_words` an amount (decimal text, optionally after its currency code and a space:
 * 'USD 12.50') written in Chinese capitals (人民币壹拾贰元伍角整), as text in every format.
 */
export type ColumnType =
  | 'text'
  | 'code'
  | 'count'
  | 'quantity'
  | 'money'
  | 'price'
  | 'rate'
  | 'date'
  | 'enum'
  | 'amount_words';

export interface ReportColumn {
  key: string;
  label: Label;
  type: ColumnType;
  /** enum: the data-dictionary category whose labels are shown instead of the code */
  dict?: string;
  /** width in Latin characters (a CJK character counts two); a default per type otherwise */
  width?: number;
  /** summed into the 小计 and 合计 rows */
  sum?: boolean;
  /** money and price: digits after the point when not the type's own (a fee rate's eight) */
  decimals?: number;
  /** a voucher's field that takes a whole line (a long text, the amount in capitals) */
  wide?: boolean;
}

/** Everything a report's query may depend on besides its parameters. */
export interface ReportContext {
  db: Db;
  /** the branch the report covers; null = every branch (head office) */
  branchId: number | null;
  lang: Lang;
  /** the open business date and the last date whose day-end completed */
  openDate: string;
  lastClosed: string | null;
}

/** A row as the query yields it: column key → value (numbers as decimal strings where money). */
export type Row = Record<string, unknown>;

export type ReportQuery = SelectQueryBuilder<Database, keyof Database, Row>;

export interface ReportDef<P extends Record<string, unknown> = Record<string, unknown>> {
  /** the URL segment, the permission prefix (`<id>.run`, `<id>.export`) and the i18n key */
  id: string;
  title: Label;
  /** one line for the catalogue: what the report answers */
  description: Label;
  /** the parameters, in the order the form shows them (see params.ts) */
  params: ParamSpec[];
  /** cross-field rules beyond each parameter's own (a date range's span); field → message */
  check?: (p: P) => Record<string, Label> | null;
  /**
   * The rows, as a Kysely query whose output columns include every column key, every `order`
   * key and the group key. The engine orders it (`order`), pages it by keyset on PGlite or reads
   * it through a cursor on PostgreSQL, and counts and sums it in SQL for the preview.
   */
  query: (ctx: ReportContext, p: P) => ReportQuery;
  /**
   * The row order, which must be unique (keyset pages follow it). All ascending or all
   * descending; otherwise the report must be small enough for one batch (`maxRows`).
   */
  order: [string, 'asc' | 'desc'][];
  /** the report is bounded (a top-N ranking): read in one batch of at most this many rows */
  maxRows?: number;
  columns: ReportColumn[];
  /** 小计 rows: rows come ordered by this key first; the label names the group */
  group?: { key: string; label: (row: Row, lang: Lang) => string };
  /** false where a sum across groups means nothing (amounts in different currencies) */
  grandTotal?: boolean;
  orientation: 'portrait' | 'landscape';
  /** rows belong to branches (the query yields `branch_name`): across branches a 营业部 column leads */
  perBranch?: boolean;
  /** the date parameter whose day-end status the header states (已日终 / 未日终) */
  dateParam: string;
  /** lines printed under the table, from the totals (资金日计表's check line) */
  notes?: (totals: { groups: Map<string, Row>; total: Row }, lang: Lang) => string[];
  /**
   * A report of one record (a voucher): finds it within the report's scope (`ctx.branchId`) and
   * gives the business date (and the currency) the header states; undefined — no such record, or
   * another branch's — is a 404, never an empty file. `dateParam` is then ''.
   */
  subject?: (ctx: ReportContext, p: P) => Promise<{ date: string; currency?: string } | undefined>;
  /**
   * `voucher`: the PDF prints each row as a form of labelled fields (a 凭证), two to a line, with
   * no 序号 and no totals; the screen, .xlsx and CSV keep the table. Default `table`.
   */
  layout?: 'table' | 'voucher';
  /** the lines to sign under the report; default 制表人 (the operator) / 复核人 / 负责人 */
  signatures?: Label[];
}

/** A report declaration, checked for internal consistency when the module loads. */
export function defineReport<P extends Record<string, unknown>>(def: ReportDef<P>): ReportDef {
  const keys = new Set(def.columns.map((c) => c.key));
  for (const c of def.columns) {
    if (c.type === 'enum' && !c.dict) throw new Error(`${def.id}.${c.key}: enum needs dict`);
    if (c.sum && !['count', 'quantity', 'money'].includes(c.type))
      throw new Error(`${def.id}.${c.key}: only numbers sum`);
  }
  if (def.subject ? def.dateParam !== '' : !def.params.some((p) => p.name === def.dateParam))
    throw new Error(`${def.id}: dateParam ${def.dateParam}`);
  if (def.group && !keys.has(def.group.key) && !def.order.some(([k]) => k === def.group!.key))
    throw new Error(`${def.id}: group key ${def.group.key} must be a column or an order key`);
  if (def.order[0] && def.group && def.order[0][0] !== def.group.key)
    throw new Error(`${def.id}: rows must be ordered by the group key first`);
  return def as unknown as ReportDef;
}

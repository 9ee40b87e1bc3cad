import { sql } from 'kysely';
import type { FilterWord } from '../../../reports/src/filter-words.js';
import { FILTER } from '../../../reports/src/filter-words.js';
import type { ReportColumn } from '../../../reports/src/define-report.js';
import type { ListExport } from '../../../reports/src/run.js';
import { asReportQuery } from '../../../reports/src/sql.js';
import { filtered } from './crud.repository.js';
import type { Lang } from '../http/lang.js';
import type { FieldDef, ResourceDef } from './define-resource.js';
import { referenceCell } from './reference-text.js';

/** The data-dictionary category that words a yes/no field (是 / 否). */
export const YES_NO = 'yes_no';

/**
 * A field as a column of the report renderer: decimals at their own scale, integers as counts,
 * dates as dates, enums and yes/no through the dictionary (and a code whose category another field
 * chooses, `dictByCell`, in the query), references by the referenced record's words (reference-text.ts).
 */
function columnOf(f: FieldDef): ReportColumn {
  const base = { key: f.name, label: f.label };
  switch (f.type) {
    case 'integer':
      return { ...base, type: 'count' };
    case 'decimal':
      // at the field's own scale: a parameter's decimal is a rate, a tick or a limit as often as an
      // amount, so none is labelled money (the header then names no currency and no unit)
      return { ...base, type: 'price', decimals: f.scale ?? 2 };
    case 'date':
      return { ...base, type: 'date' };
    case 'boolean':
      return { ...base, type: 'enum', dict: YES_NO };
    case 'enum':
      return { ...base, type: 'enum', dict: f.dict };
    default:
      return { ...base, type: 'text' };
  }
}

/**
 * A text field whose dictionary category another field chooses (`dictBy`: a fee's 适用对象 by its
 * 适用范围, a yes/no parameter's value by its type) as SQL over the row `t`: the code's word in the
 * category the other field names, the text as it is where no category applies (a market code, a
 * client number) or the category has no such code. The import reads the word back (import.service.ts).
 */
export function dictByCell(f: FieldDef, lang: Lang) {
  const by = f.dictBy!;
  const category = sql`CASE ${sql.ref(`t.${by.field}`)} ${sql.join(
    Object.entries(by.categories).map(([value, dict]) => sql`WHEN ${value}::text THEN ${dict}::text`),
    sql` `,
  )} END`;
  const value = sql.ref(`t.${f.name}`);
  return sql<string>`COALESCE((SELECT ${sql.ref(lang === 'zh' ? 'd.label_zh' : 'd.label_en')} FROM dictionary d
    WHERE d.category = ${category} AND d.code = ${value}), ${value})`;
}

/** How the header words a declared filter: the field's label, 起 / 止 for a range, words for codes. */
function filterWords(def: ResourceDef): Record<string, FilterWord> {
  const out: Record<string, FilterWord> = { id: FILTER.id, q: FILTER.q };
  for (const f of def.fields) {
    if (!f.filter) continue;
    const word: FilterWord =
      f.type === 'enum'
        ? { label: f.label, kind: 'enum', dict: f.dict! }
        : f.type === 'boolean'
          ? { label: f.label, kind: 'boolean' }
          : f.type === 'reference' && f.reference === 'branches'
            ? { label: f.label, kind: 'lookup', lookup: 'branch' }
            : f.type === 'reference' && f.reference === 'markets' && f.referenceColumn === 'code'
              ? { label: f.label, kind: 'lookup', lookup: 'market' }
              : f.type === 'reference' && f.reference === 'securities'
                ? { label: f.label, kind: 'lookup', lookup: 'security' }
                : { label: f.label };
    if (f.filter === 'range') {
      out[`${f.name}_gte`] = { ...word, label: { zh: `${f.label.zh}起`, en: `${f.label.en} from` } };
      out[`${f.name}_lte`] = { ...word, label: { zh: `${f.label.zh}止`, en: `${f.label.en} to` } };
    } else out[f.name] = word;
  }
  return out;
}

/**
 * A declared resource's export through the report renderer (header block, 序号, Chinese headers,
 * enums and yes/no in words, references by name), in the list's sort. The file is also what the
 * Excel import reads back (import.service.ts): exporting and importing it changes nothing.
 */
export function resourceExport(def: ResourceDef, sort: { field: string; order: 'asc' | 'desc' }): ListExport {
  // keyset pages compare (sort key, id) row-wise, which a null would break: a nullable sort
  // column's export goes by id alone
  const field = def.fields.find((f) => f.name === sort.field);
  const bySort = sort.field !== 'id' && !!field && !field.nullable;
  return {
    resource: def.name,
    title: def.label,
    columns: def.fields.map(columnOf),
    query: (ctx, filter) =>
      asReportQuery(
        filtered(ctx.db, def, ctx.branchId, filter).select([
          't.id',
          ...(bySort ? [sql.ref(`t.${sort.field}`).as('__sort')] : []),
          ...def.fields.map((f) =>
            f.type === 'reference'
              ? referenceCell(f, ctx.lang).as(f.name)
              : f.type === 'boolean'
                ? sql<string>`${sql.ref(`t.${f.name}`)}::text`.as(f.name)
                : f.dictBy
                  ? dictByCell(f, ctx.lang).as(f.name)
                  : sql.ref(`t.${f.name}`).as(f.name),
          ),
        ]),
      ),
    order: bySort
      ? [
          ['__sort', sort.order],
          ['id', sort.order],
        ]
      : [['id', sort.order]],
    orientation: def.fields.length > 7 ? 'landscape' : 'portrait',
    filters: filterWords(def),
  };
}

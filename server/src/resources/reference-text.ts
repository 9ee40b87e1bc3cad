import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Lang } from '../http/lang.js';
import type { FieldDef } from './define-resource.js';

/**
 * How a reference is shown in an exported file, as SQL over the referenced row `r`: the record's
 * name, with the code where the name alone does not say which (a security), never its id. An
 * import reads the same words back to the record (`resolveReference`).
 */
const TEXT: Record<string, (lang: Lang) => RawBuilder<string>> = {
  branches: () => sql`r.name`,
  markets: (lang) => (lang === 'zh' ? sql`r.name_zh` : sql`r.name_en`),
  securities: () => sql`r.code || ' ' || r.name`,
  operators: () => sql`r.name || '（' || r.username || '）'`,
};

const textOf = (f: FieldDef, lang: Lang) => TEXT[f.reference!]?.(lang) ?? sql<string>`r.id::text`;
const keyOf = (f: FieldDef) => sql.ref(`r.${f.referenceColumn ?? 'id'}`);

/** The words of the record `t.<field>` points to, as a correlated subquery (an export's cell). */
export function referenceCell(f: FieldDef, lang: Lang): RawBuilder<string> {
  return sql<string>`(SELECT ${textOf(f, lang)} FROM ${sql.table(f.reference!)} r WHERE ${keyOf(f)} = ${sql.ref(`t.${f.name}`)})`;
}

/** A reference's words in a filter: the record a filter value points to. */
export async function referenceWords(db: Db, f: FieldDef, value: unknown, lang: Lang): Promise<string> {
  const { rows } = await sql<{ text: string }>`
    SELECT ${textOf(f, lang)} AS text FROM ${sql.table(f.reference!)} r WHERE ${keyOf(f)} = ${value} LIMIT 1`.execute(
    db,
  );
  return rows[0]?.text ?? String(value);
}

/**
 * The record a cell of an imported file names: its key as an export writes it (a market's code, an
 * id) for files made by hand or by an earlier version, else its words in either language. Undefined
 * when nothing or more than one record answers to them.
 */
export async function resolveReference(db: Db, f: FieldDef, text: string): Promise<string | number | undefined> {
  const table = sql.table(f.reference!);
  const byCode = f.referenceColumn && f.referenceColumn !== 'id';
  if (byCode || /^\d+$/.test(text)) {
    const { rows } = await sql<{ v: string | number }>`
      SELECT ${keyOf(f)} AS v FROM ${table} r WHERE ${keyOf(f)} = ${byCode ? text : Number(text)}`.execute(db);
    if (rows[0]) return rows[0].v;
  }
  const { rows } = await sql<{ v: string | number }>`
    SELECT DISTINCT ${keyOf(f)} AS v FROM ${table} r
    WHERE ${textOf(f, 'zh')} = ${text} OR ${textOf(f, 'en')} = ${text} LIMIT 2`.execute(db);
  return rows.length === 1 ? rows[0]!.v : undefined;
}

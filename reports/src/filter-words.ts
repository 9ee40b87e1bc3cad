import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../server/src/db/connect.js';
import type { Lang } from '../../server/src/http/lang.js';
import type { Label } from './define-report.js';

/**
 * Records a list filters on by id or code, worded as a person names them: 客户 by number and
 * name, 柜员 by name and login. `branch` is the column that puts a record in a branch: a branch
 * operator's header never names another branch's record (it shows the bare id, as the list shows
 * nothing for it).
 */
const LOOKUPS = {
  client: { table: 'clients', by: 'id', text: () => sql`client_no || ' ' || name`, branch: 'branch_id' },
  fund_account: { table: 'fund_accounts', by: 'id', text: () => sql`account_no`, branch: 'branch_id' },
  shareholder_account: {
    table: 'shareholder_accounts',
    by: 'id',
    text: () => sql`market || ' ' || code`,
    branch: 'branch_id',
  },
  order: { table: 'orders', by: 'id', text: () => sql`order_no`, branch: 'branch_id' },
  operator: { table: 'operators', by: 'id', text: () => sql`name || '（' || username || '）'`, branch: 'branch_id' },
  client_manager: { table: 'client_managers', by: 'id', text: () => sql`code || ' ' || name`, branch: 'branch_id' },
  branch: { table: 'branches', by: 'id', text: () => sql`name`, branch: 'id' },
  // a role of no branch is company-wide: every branch sees it
  role: { table: 'roles', by: 'id', text: () => sql`name`, branch: 'branch_id' },
  bank: {
    table: 'banks',
    by: 'code',
    text: (lang: Lang) => (lang === 'zh' ? sql`name_zh` : sql`name_en`),
    branch: null,
  },
  security: { table: 'securities', by: 'id', text: () => sql`code || ' ' || name`, branch: null },
  market: {
    table: 'markets',
    by: 'code',
    text: (lang: Lang) => (lang === 'zh' ? sql`name_zh` : sql`name_en`),
    branch: null,
  },
} as const satisfies Record<
  string,
  { table: string; by: string; text: (lang: Lang) => RawBuilder<unknown>; branch: string | null }
>;
export type Lookup = keyof typeof LOOKUPS;

/** How the header of a list's export words one filter of the list (REPORTS.md: names, not ids). */
export type FilterWord =
  | { label: Label; kind?: 'text' }
  | { label: Label; kind: 'enum'; dict: string }
  | { label: Label; kind: 'words'; words: Record<string, Label> }
  | { label: Label; kind: 'boolean' }
  | { label: Label; kind: 'lookup'; lookup: Lookup }
  /** react-admin's "these records" (`{"id":[…]}`): how many */
  | { label: Label; kind: 'ids' };

const L = (zh: string, en: string): Label => ({ zh, en });
/** The filters most lists share. */
export const FILTER = {
  id: { label: L('指定记录', 'Selected records'), kind: 'ids' },
  q: { label: L('查找', 'Search') },
  client_id: { label: L('客户', 'Client'), kind: 'lookup', lookup: 'client' },
  branch_id: { label: L('营业部', 'Branch'), kind: 'lookup', lookup: 'branch' },
} as const satisfies Record<string, FilterWord>;

const YES_NO = { true: L('是', 'yes'), false: L('否', 'no') };

async function lookup(db: Db, name: Lookup, value: unknown, lang: Lang, scope: number | null) {
  const l = LOOKUPS[name];
  const col = (c: string) => sql.ref(`t.${c}`);
  const inScope =
    scope === null || !l.branch
      ? sql``
      : name === 'role'
        ? sql`AND (${col(l.branch)} IS NULL OR ${col(l.branch)} = ${scope})`
        : sql`AND ${col(l.branch)} = ${scope}`;
  const { rows } = await sql<{ text: string }>`
    SELECT ${l.text(lang)} AS text FROM ${sql.table(l.table)} t
    WHERE ${col(l.by)} = ${l.by === 'id' ? Number(value) : String(value)} ${inScope} LIMIT 1`.execute(db);
  return rows[0]?.text ?? `#${String(value)}`;
}

/**
 * A list's filter in words for the header of its export, in the filter's own order:
 * "状态：已成交；委托日期起：2026-11-01". Ids become names (within the operator's scope), enums
 * the dictionary's words.
 */
export async function describeFilter(
  db: Db,
  filter: Record<string, unknown>,
  described: Record<string, FilterWord>,
  opts: { lang: Lang; scope: number | null },
): Promise<string> {
  const { lang, scope } = opts;
  const sep = lang === 'zh' ? '：' : ': ';
  const out: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    const f = described[key];
    if (!f) {
      out.push(`${key}${sep}${String(value)}`);
      continue;
    }
    let text: string;
    switch (f.kind) {
      case 'ids': {
        const n = Array.isArray(value) ? value.length : 1;
        text = lang === 'zh' ? `${n} 条` : `${n}`;
        break;
      }
      case 'enum': {
        const row = await db
          .selectFrom('dictionary')
          .select(['label_zh', 'label_en'])
          .where('category', '=', f.dict)
          .where('code', '=', String(value))
          .executeTakeFirst();
        text = row ? (lang === 'zh' ? row.label_zh : row.label_en) : String(value);
        break;
      }
      case 'words':
        text = f.words[String(value)]?.[lang] ?? String(value);
        break;
      case 'boolean':
        text = YES_NO[value ? 'true' : 'false'][lang];
        break;
      case 'lookup':
        text = Array.isArray(value)
          ? (await Promise.all(value.map((v) => lookup(db, f.lookup, v, lang, scope)))).join('、')
          : await lookup(db, f.lookup, value, lang, scope);
        break;
      default:
        text = String(value);
    }
    out.push(`${f.label[lang]}${sep}${text}`);
  }
  return out.join(lang === 'zh' ? '；' : '; ');
}

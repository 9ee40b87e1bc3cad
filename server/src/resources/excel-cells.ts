import { Decimal } from 'decimal.js';
import type { FieldDef } from './define-resource.js';

/**
 * Text that a spreadsheet could read as a formula (= + - @, or a leading tab/CR) gets a leading
 * apostrophe on export (OWASP "CSV injection"); import removes exactly that apostrophe again,
 * so export → import is a round trip. Text that already starts with apostrophes before such a
 * sign gets one more, so the one import removes is never part of the value.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
export const neutralise = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
export const unneutralise = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

/** A stored value as a real Excel cell: numbers as numbers, dates as dates, booleans as booleans. */
export function toCell(f: FieldDef, v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  switch (f.type) {
    case 'integer':
      return Number(v);
    case 'decimal':
      // Excel keeps doubles; `scale` ≤ 8 digits survive the trip and import rounds back to scale
      return Number(v);
    case 'date':
      return new Date(`${String(v)}T00:00:00Z`);
    case 'boolean':
      return v === true;
    case 'reference':
      return f.referenceColumn && f.referenceColumn !== 'id' ? neutralise(String(v)) : Number(v);
    default:
      return neutralise(String(v));
  }
}

export function numFmt(f: FieldDef): string | undefined {
  if (f.type === 'decimal') return f.scale ? `0.${'0'.repeat(f.scale)}` : '0';
  if (f.type === 'date') return 'yyyy-mm-dd';
  if (f.type === 'integer' || (f.type === 'reference' && !f.referenceColumn)) return '0';
  return undefined;
}

export type CellProblem = { problem: 'formula' | 'type' };

/** An Excel cell read back into the JSON value the field's schema expects. */
export function fromCell(f: FieldDef, raw: unknown): unknown | CellProblem {
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
    if ('formula' in raw || 'sharedFormula' in raw) return { problem: 'formula' };
    if ('richText' in raw) raw = (raw as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    else if ('text' in raw) raw = (raw as { text: string }).text;
    else return { problem: 'type' };
  }
  if (raw === null || raw === undefined || raw === '') {
    if (f.type === 'text') return f.nullable ? null : '';
    return f.nullable ? null : undefined;
  }
  switch (f.type) {
    case 'integer':
      if (typeof raw === 'number') return raw;
      return /^-?\d+$/.test(String(raw).trim()) ? Number(String(raw).trim()) : { problem: 'type' };
    case 'decimal': {
      const s = typeof raw === 'number' ? new Decimal(raw.toPrecision(15)).toFixed() : String(raw).trim();
      try {
        const d = new Decimal(s);
        // doubles such as 0.30000000000000004 come back at the field's scale
        return d.decimalPlaces() > (f.scale ?? 2) && typeof raw === 'number'
          ? d.toDecimalPlaces(f.scale ?? 2, Decimal.ROUND_HALF_UP).toFixed()
          : s;
      } catch {
        return { problem: 'type' };
      }
    }
    case 'date':
      if (raw instanceof Date) return raw.toISOString().slice(0, 10);
      return /^\d{4}-\d{2}-\d{2}$/.test(String(raw).trim()) ? String(raw).trim() : { problem: 'type' };
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (['是', 'true', 'TRUE', 'Y', '1', 'yes'].includes(String(raw).trim())) return true;
      if (['否', 'false', 'FALSE', 'N', '0', 'no'].includes(String(raw).trim())) return false;
      return { problem: 'type' };
    case 'reference':
      if (f.referenceColumn && f.referenceColumn !== 'id') return unneutralise(String(raw).trim());
      return typeof raw === 'number'
        ? raw
        : /^\d+$/.test(String(raw).trim())
          ? Number(String(raw).trim())
          : { problem: 'type' };
    case 'time':
      if (raw instanceof Date) return raw.toISOString().slice(11, 16);
      return String(raw).trim();
    default:
      return unneutralise(typeof raw === 'string' ? raw : String(raw));
  }
}

export const isProblem = (v: unknown): v is CellProblem =>
  v !== null && typeof v === 'object' && 'problem' in (v as object);

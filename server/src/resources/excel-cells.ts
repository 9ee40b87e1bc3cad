import { Decimal } from 'decimal.js';
import type { FieldDef } from './define-resource.js';

/**
 * Text that a spreadsheet could read as a formula (= + - @, or a leading tab/CR) gets a leading
 * apostrophe on export (the report renderer's `neutralise`, reports/src/format.ts; OWASP "CSV
 * injection"); import removes exactly that apostrophe again, so export → import is a round trip.
 * Text that already starts with apostrophes before such a sign gets one more, so the one import
 * removes is never part of the value.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
export const unneutralise = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

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
      // an export words them 是 / 否 (Yes / No in English)
      if (['是', 'true', 'y', '1', 'yes'].includes(String(raw).trim().toLowerCase())) return true;
      if (['否', 'false', 'n', '0', 'no'].includes(String(raw).trim().toLowerCase())) return false;
      return { problem: 'type' };
    case 'reference':
      // an id as a number; otherwise the record's words (or code), read back by the import (reference-text.ts)
      if (typeof raw === 'number') return f.referenceColumn && f.referenceColumn !== 'id' ? String(raw) : raw;
      if (raw instanceof Date) return { problem: 'type' };
      return unneutralise(String(raw).trim());
    case 'time':
      if (raw instanceof Date) return raw.toISOString().slice(11, 16);
      return String(raw).trim();
    default:
      return unneutralise(typeof raw === 'string' ? raw : String(raw));
  }
}

export const isProblem = (v: unknown): v is CellProblem =>
  v !== null && typeof v === 'object' && 'problem' in (v as object);

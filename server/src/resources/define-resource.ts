import type { Db } from '../db/connect.js';
import type { FieldMsg } from '../http/errors.js';

export interface Label {
  zh: string;
  en: string;
}

/** How a field is stored, validated, filtered, shown and written to Excel. */
export type FieldType = 'text' | 'integer' | 'decimal' | 'date' | 'time' | 'boolean' | 'enum' | 'reference';

export interface FieldDef {
  name: string;
  type: FieldType;
  label: Label;
  /** must be given on create (text: non-empty); default true */
  required?: boolean;
  /** may be null (dates "open-ended", optional references) */
  nullable?: boolean;
  /** text: maximum length (default 100) */
  max?: number;
  /** text: a pattern the value must match, with the message shown when it does not */
  pattern?: { regex: RegExp; message: Label };
  /** integer/decimal bounds (decimals as strings) */
  min?: string | number;
  maxValue?: string | number;
  /** decimal: digits after the point */
  scale?: number;
  /** enum: the data-dictionary category holding the allowed codes and their labels */
  dict?: string;
  /**
   * text: a code whose dictionary category is chosen by another field's value — a fee's 适用对象 is
   * a security type, a board or a client class by its 适用范围 — shown by its words like an enum's
   */
  dictBy?: { field: string; categories: Record<string, string> };
  /** reference: the resource it points to, and the column there (default 'id') */
  reference?: string;
  referenceColumn?: string;
  /** how lists filter on it: equality, text search (contains), or a from/to range */
  filter?: 'eq' | 'like' | 'range';
  sortable?: boolean;
  /** shown as a list column by default (others can be added with the column chooser) */
  list?: boolean;
  /** set by the system, never by the API (e.g. the business date) */
  readOnly?: boolean;
  /** settable on create only (natural keys such as a code) */
  createOnly?: boolean;
  /** value used on create when the field is not given */
  default?: string | number | boolean | null;
  help?: Label;
}

export interface RuleContext {
  db: Db;
  /** the record being edited (undefined on create) */
  current?: Record<string, unknown>;
}

export interface ResourceDef {
  /** table name = URL segment = react-admin resource = i18n key = permission prefix */
  name: string;
  label: Label;
  /** the menu group in the admin */
  group: 'system' | 'trading' | 'clients';
  fields: FieldDef[];
  /** the natural key: how an Excel import finds the existing row */
  key: string[];
  /** the text shown for a record when referenced */
  display: string;
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  /** 'branch': rows belong to a branch (column `branchColumn`, default branch_id) and operators see only their own */
  scope: 'global' | 'branch';
  branchColumn?: string;
  /** changes wait for a second operator's approval (复核) */
  approval?: boolean;
  operations?: { create?: boolean; edit?: boolean; delete?: boolean; import?: boolean };
  /** cross-field and database rules beyond each field's own (overlaps, typed values) */
  rules?: (row: Record<string, unknown>, ctx: RuleContext) => Promise<Record<string, FieldMsg> | null>;
  /** the rules read other rows of the table (fee periods must not overlap): an Excel import then
   * checks its rows against each other, and again against the table when it is applied */
  crossRowRules?: boolean;
  /** records whose boolean `field` is true can never be edited through the API (read-only system parameters) */
  lockedBy?: string;
}

/** A resource definition, checked for internal consistency when the module loads. */
export function defineResource(def: ResourceDef): ResourceDef {
  const names = new Set(def.fields.map((f) => f.name));
  for (const k of [...def.key, def.display, def.defaultSort[0]]) {
    if (k !== 'id' && !names.has(k)) throw new Error(`${def.name}: unknown field ${k}`);
  }
  for (const f of def.fields) {
    if (f.type === 'enum' && !f.dict) throw new Error(`${def.name}.${f.name}: enum needs dict`);
    if (f.type === 'reference' && !f.reference) throw new Error(`${def.name}.${f.name}: reference needs reference`);
    if (f.type === 'decimal' && f.scale === undefined) throw new Error(`${def.name}.${f.name}: decimal needs scale`);
  }
  return def;
}

export const can = (def: ResourceDef, op: 'create' | 'edit' | 'delete' | 'import') => def.operations?.[op] ?? true;
export const branchColumnOf = (def: ResourceDef) => def.branchColumn ?? 'branch_id';
/** Columns every parameter table has besides its declared fields. */
export const SYSTEM_COLUMNS = ['id', 'version', 'created_at', 'updated_at'] as const;

/** A record the API may not change (its resource's `lockedBy` flag is set on it). */
export const isLocked = (def: ResourceDef, row: Record<string, unknown>) =>
  !!def.lockedBy && row[def.lockedBy] === true;

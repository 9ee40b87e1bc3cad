import { apiDate } from '../http/dates.js';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { requestLang } from '../http/lang.js';
import type { FieldDef, ResourceDef } from './define-resource.js';

const msg = (zh: string, en: string) => () => (requestLang.getStore() === 'en' ? en : zh);

/** A decimal as an exact string: accepts "12.5" or 12.5, refuses more digits than `scale`. */
export function decimalSchema(f: Pick<FieldDef, 'scale' | 'min' | 'maxValue'>) {
  const scale = f.scale ?? 2;
  return z.union([z.string().trim().max(40), z.number()]).transform((v, ctx) => {
    let d: Decimal;
    try {
      d = new Decimal(typeof v === 'number' ? v.toString() : v);
    } catch {
      ctx.addIssue({ code: 'custom', message: msg('不是有效的数字', 'Not a valid number')() });
      return z.NEVER;
    }
    if (!d.isFinite()) {
      ctx.addIssue({ code: 'custom', message: msg('不是有效的数字', 'Not a valid number')() });
      return z.NEVER;
    }
    if (d.decimalPlaces() > scale) {
      ctx.addIssue({ code: 'custom', message: msg(`最多 ${scale} 位小数`, `At most ${scale} decimal places`)() });
      return z.NEVER;
    }
    if (f.min !== undefined && d.lt(f.min)) {
      ctx.addIssue({ code: 'custom', message: msg(`不能小于 ${f.min}`, `Must be at least ${f.min}`)() });
      return z.NEVER;
    }
    if (f.maxValue !== undefined && d.gt(f.maxValue)) {
      ctx.addIssue({ code: 'custom', message: msg(`不能大于 ${f.maxValue}`, `Must be at most ${f.maxValue}`)() });
      return z.NEVER;
    }
    return d.toFixed(scale);
  });
}

/** The zod schema of one field's value, from its declaration. */
export function fieldSchema(f: FieldDef): z.ZodType {
  let s: z.ZodType;
  switch (f.type) {
    case 'text': {
      let t = z
        .string()
        .trim()
        .max(f.max ?? 100);
      if (f.required !== false) t = t.min(1);
      if (f.pattern) {
        const p = f.pattern;
        t = t.refine((v) => v === '' || p.regex.test(v), {
          error: () => (requestLang.getStore() === 'en' ? p.message.en : p.message.zh),
        });
      }
      s = t;
      break;
    }
    case 'integer': {
      let n = z.number().int().min(-2_147_483_648).max(2_147_483_647);
      if (f.min !== undefined) n = n.min(Number(f.min));
      if (f.maxValue !== undefined) n = n.max(Number(f.maxValue));
      s = n;
      break;
    }
    case 'decimal':
      s = decimalSchema(f);
      break;
    case 'date':
      s = apiDate;
      break;
    case 'time':
      s = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: msg('时间格式应为 HH:MM', 'Use HH:MM') });
      break;
    case 'boolean':
      s = z.boolean();
      break;
    case 'enum':
      s = z.string().trim().min(1).max(40);
      break;
    case 'reference':
      s =
        f.referenceColumn && f.referenceColumn !== 'id'
          ? z.string().trim().min(1).max(40)
          : z.number().int().positive();
      break;
  }
  return f.nullable ? s.nullable() : s;
}

/** The body schema for create or update: only writable fields, nothing unknown; update carries `version`. */
export function bodySchema(def: ResourceDef, mode: 'create' | 'update') {
  const shape: Record<string, z.ZodType> = {};
  for (const f of def.fields) {
    if (f.readOnly) continue;
    if (mode === 'update' && f.createOnly) continue;
    let s = fieldSchema(f);
    if (mode === 'create') {
      // a declared default has the field's type, which the union of field schemas cannot show zod
      if (f.default !== undefined) s = s.default(f.default as never);
      else if (f.required === false) s = s.optional();
    } else {
      s = s.optional();
    }
    shape[f.name] = s;
  }
  if (mode === 'update') shape.version = z.number().int().positive();
  return z.strictObject(shape);
}

/** The list filters a resource accepts, from its fields' `filter` declarations. */
export function filterShape(def: ResourceDef): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {
    id: z.union([z.number().int().positive(), z.array(z.number().int().positive()).max(1000)]).optional(),
    q: z.string().max(100).optional(),
  };
  for (const f of def.fields) {
    if (!f.filter) continue;
    const value =
      f.type === 'decimal'
        ? decimalSchema({ scale: 8 })
        : fieldSchema({ ...f, nullable: false, required: false, pattern: undefined });
    if (f.filter === 'range') {
      shape[`${f.name}_gte`] = value.optional();
      shape[`${f.name}_lte`] = value.optional();
    } else if (f.filter === 'like') {
      shape[f.name] = z.string().max(100).optional();
    } else {
      shape[f.name] = z.union([value, z.array(value).max(100)]).optional();
    }
  }
  return shape;
}

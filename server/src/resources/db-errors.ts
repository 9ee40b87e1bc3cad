import type { FieldMsg } from '../http/errors.js';
import type { ResourceDef } from './define-resource.js';

/**
 * Turns a constraint violation into field errors: a duplicate natural key (23505), a missing or
 * still-used reference (23503), a failed CHECK (23514). Null when it is none of those.
 * The constraint is the last line of defence; services check first so messages are specific.
 */
export function dbErrorFields(def: ResourceDef, e: unknown): Record<string, FieldMsg> | null {
  const code = (e as { code?: string }).code;
  const detail = String((e as { detail?: string }).detail ?? (e as Error).message ?? '');
  const named = def.fields.find(
    (f) => detail.includes(`(${f.name})`) || detail.includes(`${f.name},`) || detail.includes(`, ${f.name})`),
  );
  const field = named?.name ?? def.key[def.key.length - 1] ?? 'id';
  if (code === '23505')
    return { [def.key[def.key.length - 1] ?? field]: { key: 'duplicate', params: { value: def.key.join(' + ') } } };
  if (code === '23503')
    return detail.includes('still referenced') || /is still referenced/.test(detail)
      ? { id: { key: 'in_use' } }
      : { [field]: { key: 'unknown_reference' } };
  if (code === '23514') return { [field]: { key: 'check_failed' } };
  return null;
}

import type { JsonValue } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { Lang } from '../../http/lang.js';
import { type MsgKey, messages, t } from '../../http/messages.js';

/**
 * A parameter of a message a run records: a value; a name in each language (a bank's); or a list
 * of messages, worded one by one and joined as the language lists things.
 */
export type WordParam = string | number | { zh: string; en: string } | Worded[];
export type WordParams = Record<string, WordParam>;

/** A message as day-end records it (day_end_runs.error_*, day_end_steps.detail_*): worded when read. */
export interface Worded {
  key: MsgKey;
  params?: WordParams;
}

const isMsgKey = (key: string): key is MsgKey => Object.hasOwn(messages, key);

/** `w` in the reader's language. */
export function word(lang: Lang, w: Worded): string {
  const params: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(w.params ?? {}))
    params[name] =
      typeof v !== 'object'
        ? v
        : Array.isArray(v)
          ? v.map((x) => word(lang, x)).join(lang === 'en' ? '; ' : '；')
          : v[lang];
  return t(lang, w.key, params);
}

/**
 * A message as stored (key and jsonb parameters) back into a Worded: the parameters are ones the
 * run wrote, read as a WordParam where they have its shape. Null when the row has no key (written
 * before keys were stored: its text column says it) or its key is no longer a message (the key
 * itself is shown).
 */
export function storedWorded(key: string | null, params: JsonValue | null): Worded | null {
  if (key === null || !isMsgKey(key)) return null;
  return { key, params: wordParams(params) };
}

function wordParams(json: JsonValue | null): WordParams {
  const out: WordParams = {};
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return out;
  for (const [name, v] of Object.entries(json)) {
    if (typeof v === 'string' || typeof v === 'number') out[name] = v;
    else if (Array.isArray(v))
      out[name] = v.flatMap((x) => {
        const w =
          x !== null && typeof x === 'object' && !Array.isArray(x) && typeof x.key === 'string'
            ? storedWorded(x.key, x.params ?? null)
            : null;
        return w ? [w] : [];
      });
    else if (v !== null && typeof v === 'object' && typeof v.zh === 'string' && typeof v.en === 'string')
      out[name] = { zh: v.zh, en: v.en };
  }
  return out;
}

/** The jsonb text of a message's parameters, as the repository writes it. */
export const paramsJson = (w: Worded) => JSON.stringify(w.params ?? {});

/** A failure's reason: an AppError's own key and parameters; anything else its raw message, under a generic key. */
export function reasonOf(e: unknown): Worded {
  if (e instanceof AppError) return { key: e.key, params: e.params };
  return { key: 'day_end_error', params: { message: String((e as Error | null)?.message ?? e).slice(0, 1000) } };
}

/** The stored columns of a run and of a step that carry words (the repository's rows have them). */
interface StoredRun {
  error: string;
  error_key: string | null;
  error_params: JsonValue | null;
  failed_step: string | null;
}
interface StoredStep {
  detail: string;
  detail_key: string | null;
  detail_params: JsonValue | null;
}

/** A run as the API shows it: its failure worded in the reader's language (a row without a key: its stored text). */
export function wordRun<R extends StoredRun>(run: R, lang: Lang): R {
  const reason = storedWorded(run.error_key, run.error_params);
  return {
    ...run,
    error: reason
      ? t(lang, 'day_end_failed_at', { step: run.failed_step ?? '', reason: word(lang, reason) })
      : run.error || [run.failed_step, run.error_key].filter(Boolean).join(': '),
  };
}

/** A step as the API shows it: its detail worded in the reader's language (a row without a key: its stored text). */
export function wordStep<S extends StoredStep>(step: S, lang: Lang): S {
  const detail = storedWorded(step.detail_key, step.detail_params);
  return { ...step, detail: detail ? word(lang, detail) : step.detail || (step.detail_key ?? '') };
}

/** A run with its steps, worded. */
export function wordRunWithSteps<R extends StoredRun & { steps: StoredStep[] }>(run: R, lang: Lang): R {
  return { ...wordRun(run, lang), steps: run.steps.map((s) => wordStep(s, lang)) };
}

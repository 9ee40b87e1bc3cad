import type { Lang } from '../../http/lang.js';
import { type MsgKey, messages, t } from '../../http/messages.js';
import type { JobRow } from './export-jobs.repository.js';

/** A job as the API shows it: no file path, its failure worded in the reader's language. */
export function jobBody(r: JobRow, lang: Lang) {
  const { file: _file, ...rest } = r;
  const key = `export_job_${r.error}` as MsgKey;
  return {
    ...rest,
    rows_done: Number(r.rows_done),
    rows_expected: r.rows_expected === null ? null : Number(r.rows_expected),
    bytes: r.bytes === null ? null : Number(r.bytes),
    error_text: r.error ? (key in messages ? t(lang, key) : r.error) : null,
  };
}

import { z } from 'zod';
import { requestLang } from './lang.js';

const word = (zh: string, en: string) => (requestLang.getStore() === 'en' ? en : zh);

/**
 * The one date type of the API (bodies, queries, filters, report parameters): 'YYYY-MM-DD', a
 * real calendar day (2026-02-30 is refused by the ISO check), within 1900–2999. ISO alone lets
 * 0000-01-01 and 9999-12-31 through; PostgreSQL refuses year 0 and the bounds keep every date a
 * JavaScript Date and a PostgreSQL date can both hold — a date the validation accepts must never
 * be one the database then refuses (that was a 500, and a cut download on the export routes).
 */
export const apiDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2999-12-31', {
  error: () => word('日期须在 1900-01-01 至 2999-12-31 之间', 'A date lies within 1900–2999'),
});

/** Business dates a branch can have: an API date within 2000–2099. */
export const businessDate = apiDate.refine((d) => d >= '2000-01-01' && d <= '2099-12-31', {
  error: () => word('业务日期须在 2000-01-01 至 2099-12-31 之间', 'A business date lies within 2000–2099'),
});

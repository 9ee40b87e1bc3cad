/**
 * Exchange closures (休市) on weekdays for SSE / SZSE / BSE, 2025–2027.
 *
 * Only weekdays are listed: the exchanges never trade on a Saturday or Sunday, including the
 * make-up working weekends (调休上班日) of the State Council arrangement, so those need no row.
 *
 * 2025 follows the State Council notice 国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12):
 * 元旦 1/1, 春节 1/28–2/4, 清明 4/4–4/6, 劳动节 5/1–5/5, 端午 5/31–6/2, 国庆·中秋 10/1–10/8
 * (the year a demo history reaching back more than a year needs).
 *
 * 2026 follows the State Council notice 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04):
 * 元旦 1/1–1/3, 春节 2/15–2/23, 清明 4/4–4/6, 劳动节 5/1–5/5, 端午 6/19–6/21, 中秋 9/25–9/27,
 * 国庆 10/1–10/7.
 *
 * 2027 is PROVISIONAL: no official arrangement was known when this file was written. It is derived
 * from the lunar/solar dates (春节 2027-02-06, eve 02-05; 清明 04-05; 端午 06-09; 中秋 09-15) and
 * the usual pattern. Replace it when the State Council publishes the 2027 notice (usually in
 * November of the year before).
 */

export interface HolidaySeed {
  /** 'YYYY-MM-DD', always a Monday–Friday. */
  date: string;
  name_zh: string;
  name_en: string;
}

export const CALENDAR_NOTE =
  '2026 closures follow the official State Council arrangement (published 2025-11-04); 2027 closures are provisional, derived from the usual pattern, and must be replaced by the official 2027 arrangement.';

/** The last year the list covers: the seeded calendar runs to its end. */
export const LAST_CALENDAR_YEAR = 2027;

/** Years whose closures are not yet confirmed by an official notice. */
export const PROVISIONAL_YEARS: number[] = [2027];

export const HOLIDAYS: HolidaySeed[] = [
  // 2025 — official
  { date: '2025-01-01', name_zh: '元旦', name_en: "New Year's Day" },
  { date: '2025-01-28', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2025-01-29', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2025-01-30', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2025-01-31', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2025-02-03', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2025-02-04', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2025-04-04', name_zh: '清明节', name_en: 'Qingming Festival' },
  { date: '2025-05-01', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2025-05-02', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2025-05-05', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2025-06-02', name_zh: '端午节', name_en: 'Dragon Boat Festival' },
  { date: '2025-10-01', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2025-10-02', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2025-10-03', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2025-10-06', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2025-10-07', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2025-10-08', name_zh: '国庆节', name_en: 'National Day' },
  // 2026 — official
  { date: '2026-01-01', name_zh: '元旦', name_en: "New Year's Day" },
  { date: '2026-01-02', name_zh: '元旦', name_en: "New Year's Day" },
  { date: '2026-02-16', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2026-02-17', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2026-02-18', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2026-02-19', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2026-02-20', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2026-02-23', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2026-04-06', name_zh: '清明节', name_en: 'Qingming Festival' },
  { date: '2026-05-01', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2026-05-04', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2026-05-05', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2026-06-19', name_zh: '端午节', name_en: 'Dragon Boat Festival' },
  { date: '2026-09-25', name_zh: '中秋节', name_en: 'Mid-Autumn Festival' },
  { date: '2026-10-01', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2026-10-02', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2026-10-05', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2026-10-06', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2026-10-07', name_zh: '国庆节', name_en: 'National Day' },
  // 2027 — PROVISIONAL (derived, not official)
  { date: '2027-01-01', name_zh: '元旦', name_en: "New Year's Day" },
  { date: '2027-02-05', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2027-02-08', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2027-02-09', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2027-02-10', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2027-02-11', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2027-02-12', name_zh: '春节', name_en: 'Spring Festival' },
  { date: '2027-04-05', name_zh: '清明节', name_en: 'Qingming Festival' },
  { date: '2027-05-03', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2027-05-04', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2027-05-05', name_zh: '劳动节', name_en: 'Labour Day' },
  { date: '2027-06-09', name_zh: '端午节', name_en: 'Dragon Boat Festival' },
  { date: '2027-09-15', name_zh: '中秋节', name_en: 'Mid-Autumn Festival' },
  { date: '2027-10-01', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2027-10-04', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2027-10-05', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2027-10-06', name_zh: '国庆节', name_en: 'National Day' },
  { date: '2027-10-07', name_zh: '国庆节', name_en: 'National Day' },
];

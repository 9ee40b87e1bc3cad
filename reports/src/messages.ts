import type { Lang } from '../../server/src/http/lang.js';

/** The words every report prints around its table (REPORTS.md "The page"), in both languages. */
const WORDS = {
  business_date: { zh: '业务日期：', en: 'Business date: ' },
  period: { zh: '期间：', en: 'Period: ' },
  to: { zh: ' 至 ', en: ' to ' },
  closed: { zh: '已日终', en: 'day-end completed' },
  open: { zh: '未日终 · 数据未最终确认', en: 'day-end not completed · figures not final' },
  currency: { zh: '币种：', en: 'Currency: ' },
  all_currencies: { zh: '全部币种', en: 'all currencies' },
  unit: { zh: '单位：元', en: 'Unit: yuan' },
  params: { zh: '参数：', en: 'Parameters: ' },
  all_params: { zh: '全部', en: 'all' },
  all_branches: { zh: '全部营业部', en: 'all branches' },
  generated_at: { zh: '制表时间：', en: 'Generated: ' },
  preparer: { zh: '制表人：', en: 'Prepared by: ' },
  reviewer: { zh: '复核人：', en: 'Reviewed by: ' },
  approver: { zh: '负责人：', en: 'Approved by: ' },
  page: { zh: '第 {p} 页 / 共 {n} 页', en: 'Page {p} of {n}' },
  xlsx_footer: { zh: '第 &P 页 共 &N 页', en: 'Page &P of &N' },
  seq: { zh: '序号', en: 'No.' },
  subtotal: { zh: '小计', en: 'Subtotal' },
  total: { zh: '合计', en: 'Total' },
  rows: { zh: '{n} 笔', en: '{n} rows' },
  empty: { zh: '本期无数据', en: 'No data for this period' },
  branch: { zh: '营业部', en: 'Branch' },
  top: { zh: '前 {n} 名', en: 'top {n}' },
  continued: { zh: '（续表 {n}）', en: ' (continued, sheet {n})' },
} as const;

export type Word = keyof typeof WORDS;

export function w(lang: Lang, key: Word, params: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

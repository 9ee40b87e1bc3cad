/** The branch the demo imitates (DOMAIN.md §7): 本溪风光街营业部, and its head office. */
export const HEAD_OFFICE = { code: '0000', name: '总部', is_head_office: true } as const;
export const DEMO_BRANCH = { code: '0417', name: '本溪风光街营业部', is_head_office: false } as const;

/** One demo operator per built-in role; `branch` says where they sit. */
export const DEMO_OPERATORS = [
  { username: 'admin', name: '王建国', role: 'admin', branch: 'branch' },
  { username: 'teller', name: '李晓梅', role: 'teller', branch: 'branch' },
  { username: 'clerk', name: '张立新', role: 'clerk', branch: 'branch' },
  { username: 'manager', name: '刘志强', role: 'manager', branch: 'branch' },
  { username: 'hq', name: '陈静', role: 'hq', branch: 'head_office' },
] as const;

export const BRANCH_DETAILS = {
  head_office: { address: '辽宁省沈阳市和平区南京北街', phone: '024-23280000', opened_on: '1993-06-18' },
  branch: { address: '辽宁省本溪市平山区风光街', phone: '024-42860417', opened_on: '1998-09-08' },
} as const;

/** The business date tests and benchmarks start on (a Monday; the demo itself starts on the
 * first trading day on or after the day it is installed). */
export const DEMO_BUSINESS_DATE = '2026-11-23';

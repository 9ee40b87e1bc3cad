/**
 * Depository banks for 银证转账 / 三方存管 used by the demo branch in Benxi, Liaoning.
 *
 * bank_no is the bank-category code of the PBOC payment system (CNAPS 行别代码: 102 工行, 103 农行,
 * 104 中行, 105 建行, 301 交行, 302 中信, 308 招行, 310 浦发).
 *
 * settlement_account is FICTITIOUS: the branch's 存管 settlement account at each bank, made up for
 * the demo. Only its length imitates the bank's usual corporate-account style (lengths are the
 * author's best understanding and not authoritative); the digits are not a real account.
 */

export interface BankSeed {
  /** Short code used as the key in the console. */
  code: string;
  /** CNAPS bank-category code (行别代码). */
  bank_no: string;
  name_zh: string;
  name_en: string;
  /** Bank-securities transfers accepted from (HH:MM, trading days only). */
  transfer_start: string;
  /** … until (HH:MM). */
  transfer_end: string;
  /** Fictitious settlement account of the branch at this bank, digits only. */
  settlement_account: string;
  status: 'active' | 'suspended';
}

export const BANKS: BankSeed[] = [
  {
    code: 'ICBC',
    bank_no: '102',
    name_zh: '中国工商银行',
    name_en: 'Industrial and Commercial Bank of China',
    transfer_start: '09:00',
    transfer_end: '16:00',
    settlement_account: '0706000019000417001',
    status: 'active',
  },
  {
    code: 'ABC',
    bank_no: '103',
    name_zh: '中国农业银行',
    name_en: 'Agricultural Bank of China',
    transfer_start: '09:00',
    transfer_end: '16:00',
    settlement_account: '06410101040004170',
    status: 'active',
  },
  {
    code: 'BOC',
    bank_no: '104',
    name_zh: '中国银行',
    name_en: 'Bank of China',
    transfer_start: '09:00',
    transfer_end: '16:00',
    settlement_account: '300004170001',
    status: 'active',
  },
  {
    code: 'CCB',
    bank_no: '105',
    name_zh: '中国建设银行',
    name_en: 'China Construction Bank',
    transfer_start: '09:00',
    transfer_end: '16:00',
    settlement_account: '21050000000004170001',
    status: 'active',
  },
  {
    code: 'BOCOM',
    bank_no: '301',
    name_zh: '交通银行',
    name_en: 'Bank of Communications',
    transfer_start: '09:00',
    transfer_end: '16:00',
    settlement_account: '212000000010004170001',
    status: 'active',
  },
  {
    code: 'CMB',
    bank_no: '308',
    name_zh: '招商银行',
    name_en: 'China Merchants Bank',
    transfer_start: '09:00',
    transfer_end: '15:30',
    settlement_account: '410900004170001',
    status: 'active',
  },
  {
    code: 'CITIC',
    bank_no: '302',
    name_zh: '中信银行',
    name_en: 'China CITIC Bank',
    transfer_start: '09:00',
    transfer_end: '15:30',
    settlement_account: '8112000000004170001',
    status: 'active',
  },
  {
    code: 'SPDB',
    bank_no: '310',
    name_zh: '上海浦东发展银行',
    name_en: 'Shanghai Pudong Development Bank',
    transfer_start: '09:00',
    transfer_end: '15:30',
    settlement_account: '72000000000004170001',
    status: 'active',
  },
];

/**
 * The bank's statement of 银证转账 clearing, received back from the bank (a plain CSV, one header
 * line, no quoting; a byte-order mark is allowed):
 *
 *   business_date,bank_code,journal_id,direction,amount
 *   2026-11-23,ICBC,1045,IN,5000.00
 *
 * direction IN = bank → securities (银证转入), OUT = securities → bank (银证转出); journal_id is the
 * transfer's serial on both sides, so lines match one to one. This is the bank's machine format,
 * read here and never shown to anyone as it is: the reconciliation's result says what differs.
 *
 * The day's detail we send the bank (明细账) is a file of the report renderer instead
 * (`clearingDetailExport`, bank-clearing.service.ts): Chinese column titles, the bank by code and
 * name, 银证转入 / 银证转出, amounts with two decimals, UTF-8 with a BOM (GBK on request). Nothing
 * reads it back: the statement above is the bank's own file.
 */
export const STATEMENT_HEADER = 'business_date,bank_code,journal_id,direction,amount';

/** One transfer of the day as the reconciliation compares it with the statement's line. */
export interface DetailLine {
  business_date: string;
  bank_code: string;
  journal_id: number;
  account_no: string;
  client_no: string;
  client_name: string;
  direction: 'IN' | 'OUT';
  amount: string;
}
export interface StatementLine {
  line: number;
  business_date: string;
  bank_code: string;
  journal_id: number;
  direction: 'IN' | 'OUT';
  amount: string;
}

/** Reads a bank statement: its lines, and the numbers of lines it cannot read. */
export function parseStatement(text: string): { lines: StatementLine[]; bad: number[] } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines: StatementLine[] = [];
  const bad: number[] = [];
  if ((rows[0] ?? '').trim() !== STATEMENT_HEADER) bad.push(1);
  rows.slice(1).forEach((raw, i) => {
    if (!raw.trim()) return;
    const f = raw.split(',').map((x) => x.trim());
    const [business_date, bank_code, id, direction, amount] = f as [string, string, string, string, string];
    if (
      f.length !== 5 ||
      !/^\d{4}-\d{2}-\d{2}$/.test(business_date) ||
      !/^\d+$/.test(id) ||
      (direction !== 'IN' && direction !== 'OUT') ||
      !/^\d{1,13}(\.\d{1,2})?$/.test(amount)
    ) {
      bad.push(i + 2);
      return;
    }
    lines.push({ line: i + 2, business_date, bank_code, journal_id: Number(id), direction, amount });
  });
  return { lines, bad };
}

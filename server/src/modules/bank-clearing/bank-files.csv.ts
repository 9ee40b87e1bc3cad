/**
 * The files of 银证转账 clearing (one plain CSV each, UTF-8, one header line, no quoting):
 *
 * the branch's day detail (明细账) per bank, sent to the bank:
 *   business_date,bank_code,journal_id,account_no,client_no,client_name,direction,amount
 *   2026-11-23,ICBC,1045,041700012301,0417000123,王江,IN,5000.00
 *
 * the bank's statement, received back:
 *   business_date,bank_code,journal_id,direction,amount
 *   2026-11-23,ICBC,1045,IN,5000.00
 *
 * direction IN = bank → securities (银证转入), OUT = securities → bank (银证转出); journal_id is the
 * transfer's serial on both sides, so lines match one to one.
 *
 * These are interchange files for the bank's system, not documents for people, and keep their
 * machine format: English field names, IN/OUT, and no byte-order mark. The agreed format starts
 * with the header line itself, and a reader that checks it (as `parseStatement` does ours) would
 * take a BOM for part of `business_date`; so the detail goes out without one (a statement that
 * comes back with one is still read). The same transfers for people — Chinese titles, the bank
 * by name, 银证转入/转出, a BOM for Excel — are the 银证转账 list's export (ledger.export.ts).
 */
export const DETAIL_HEADER = 'business_date,bank_code,journal_id,account_no,client_no,client_name,direction,amount';
export const STATEMENT_HEADER = 'business_date,bank_code,journal_id,direction,amount';

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

export function formatDetail(lines: DetailLine[]): string {
  return `${[
    DETAIL_HEADER,
    ...lines.map((l) =>
      [
        l.business_date,
        l.bank_code,
        l.journal_id,
        l.account_no,
        l.client_no,
        l.client_name.replaceAll(',', ' '),
        l.direction,
        l.amount,
      ].join(','),
    ),
  ].join('\n')}\n`;
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

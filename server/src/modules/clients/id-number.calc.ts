/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd =
 * male), and a check character: Σ(digit × weight) mod 11 → "10X98765432".
 */
export const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
export const CHECK = '10X98765432';

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdProblem = 'id_format' | 'id_birth_date' | 'id_check_digit';

/** Reads an ID number: its birth date and gender, or why it is not valid. `today` bounds the birth date. */
export function parseIdNumber(
  raw: string,
  today: string,
): { birth_date: string; gender: 'M' | 'F'; normalized: string } | { problem: IdProblem } {
  const id = raw.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return { problem: 'id_format' };
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || birth > today || birth < '1900-01-01')
    return { problem: 'id_birth_date' };
  if (checkChar(id.slice(0, 17)) !== id[17]) return { problem: 'id_check_digit' };
  return { birth_date: birth, gender: Number(id[16]) % 2 === 1 ? 'M' : 'F', normalized: id };
}

import argon2 from 'argon2';
import type { FieldMsg } from '../../http/errors.js';

/** argon2id, the library's defaults (64 MiB, 3 passes) — OWASP's recommended family. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** The password rule: a minimum length (a system parameter) and both letters and digits. */
export function passwordProblem(password: string, minLength: number): FieldMsg | null {
  if (password.length < minLength) return { key: 'password_too_short', params: { min: minLength } };
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return { key: 'password_too_weak' };
  return null;
}

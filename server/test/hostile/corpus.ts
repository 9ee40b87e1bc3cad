import { createRequire } from 'node:module';

/**
 * Hostile values for any field of the API (Issue 14): what careless users, broken clients and
 * attackers send. Each is a JSON value; a query or path parameter gets its text form.
 */
const require = createRequire(import.meta.url);
/** The Big List of Naughty Strings (minimaxir/big-list-of-naughty-strings), 461 strings. */
export const BLNS: string[] = require('big-list-of-naughty-strings/blns.json');

const STRINGS = [
  '',
  ' ',
  'x'.repeat(100_000),
  "' OR '1'='1' --",
  "'; DROP TABLE operators; --",
  '%',
  '_',
  '%_%\\',
  '\\',
  '"',
  '\u0000',
  'a\u0000b',
  '\u202Eabc\u202C', // right-to-left override
  '\u200B\u200C\u200D\uFEFF', // zero-width
  'مرحبا بالعالم', // right-to-left script
  'ＡＢＣ１２３', // full-width letters and digits
  '１２３４５６',
  '١٢٣', // Arabic-Indic digits
  '😀👨‍👩‍👧',
  '\uD800', // a lone surrogate
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '=HYPERLINK("http://x","y")',
  '@SUM(1+1)',
  '+1-1',
  '\r\n\t',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '-1',
  '0',
  '1e309',
  '0x1F',
  '1.00000000000000000001',
  '99999999999999999999999999',
  '-0.000000000000000000001',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '2026-13-01',
  '20261201',
  '2026-12-01T25:61:00Z',
  '__proto__',
  'constructor',
  'prototype',
  '[0,99999999]',
  '["password_hash","ASC"]',
  '{"password_hash":"x"}',
  '{"id":{"$gt":0}}',
];

const OTHERS: unknown[] = [
  0,
  -1,
  -0.5,
  1.5,
  1e308,
  -1e308,
  2_147_483_648,
  2 ** 53 + 2, // beyond the integers a double holds exactly
  0.12345678901234568,
  true,
  false,
  null,
  [],
  [1, 2, 3],
  ['a', null, {}],
  {},
  { a: { b: { c: { d: {} } } } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
];

/** The corpus: the hand-made values, then `blns` strings of the naughty list (all of it with HOSTILE_FULL=1). */
export function corpus(blns: number): unknown[] {
  const step = Math.max(1, Math.floor(BLNS.length / Math.max(blns, 1)));
  const sample = blns >= BLNS.length ? BLNS : blns === 0 ? [] : BLNS.filter((_, i) => i % step === 0).slice(0, blns);
  return [...STRINGS, ...OTHERS, ...sample];
}

/** A value as it goes into a query string or a path segment. */
export const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

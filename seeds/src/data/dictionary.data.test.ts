import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DICTIONARY } from './dictionary.data.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** Every non-test TypeScript file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('node_modules'))
    .map((f) => path.join(root, dir, f));
}

describe('the audit trail speaks in words', () => {
  it('every action the server or the seed writes to the trail has its words in the dictionary (audit_action)', () => {
    const known = new Set(DICTIONARY.audit_action!.map(([code]) => code));
    const written = new Set<string>();
    for (const file of [...sources('server/src'), ...sources('seeds/src')]) {
      if (file.endsWith('schema.ts') || file.endsWith('schema.codegen.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\baction: '([a-z_]+)'/g)) written.add(m[1]!);
      // status changes are written as status_<status>
      if (text.includes('action: `status_${'))
        for (const s of ['normal', 'frozen', 'lost', 'closed']) written.add(`status_${s}`);
    }
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((a) => !known.has(a))).toEqual([]);
  });
});

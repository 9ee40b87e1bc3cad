import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDb } from '../../test/harness.js';
import type { Connection } from './connect.js';
import { schemaSource } from './schema.codegen.js';

let conn: Connection;
beforeAll(async () => {
  conn = await openTestDb();
});
afterAll(() => conn.close());

it('schema.ts is what the migrations produce (run `npm run db:schema` after adding a migration)', async () => {
  const committed = readFileSync(new URL('./schema.ts', import.meta.url), 'utf8');
  expect(await schemaSource(conn.db)).toBe(committed);
});

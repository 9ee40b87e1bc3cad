import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connect } from './connect.js';
import { migrate } from './migrate.js';
import { schemaSource } from './schema.codegen.js';

/** `npm run db:schema`: migrates an empty in-memory database and writes schema.ts from it. */
const conn = await connect({});
await migrate(conn.db);
const file = fileURLToPath(new URL('./schema.ts', import.meta.url));
writeFileSync(file, await schemaSource(conn.db));
await conn.close();
console.log(`wrote ${file}`);

import { connect } from './connect.js';
import { migrate } from './migrate.js';
import { readConfig } from '../config.js';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database in DATA_DIR. */
const { databaseUrl, dataDir } = readConfig();
const conn = await connect({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
const applied = await migrate(conn.db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
await conn.close();

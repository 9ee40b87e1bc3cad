import { connect } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { readConfig } from '../../config.js';
import { t } from '../../http/messages.js';
import { verifyChain, verifyMessage } from './report-packages.service.js';

/**
 * `npm run reports:verify [-- --branch ID] [--lang en]`: walks the report archive's hash chain
 * (REPORTS_ARCHIVE_DIR, default `<DATA_DIR>-reports`) of every branch, or of one, and prints the
 * result in words. Exit code 0 when the chain is whole, 1 at a broken link (named), 2 on bad usage.
 */
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const branchArg = arg('branch');
if (branchArg !== undefined && !/^[1-9]\d{0,11}$/.test(branchArg)) {
  console.error('usage: npm run reports:verify -- [--branch ID] [--lang zh|en]');
  process.exit(2);
}
const lang = arg('lang') === 'en' ? 'en' : 'zh';
const { databaseUrl, dataDir, reportArchiveDir } = readConfig();
const conn = await connect({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
try {
  await migrate(conn.db);
  const r = await verifyChain(conn.db, reportArchiveDir, branchArg === undefined ? null : Number(branchArg));
  const m = verifyMessage(r);
  console.log(t(lang, m.key, m.params));
  if (r.broken) {
    console.log(JSON.stringify(r.broken));
    process.exitCode = 1;
  }
} catch (e) {
  console.error(`verify failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await conn.close();
}

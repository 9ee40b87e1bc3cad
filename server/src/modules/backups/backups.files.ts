import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

/**
 * The backup directory: one snapshot file per backup and, beside it, `<file>.json`, its manifest.
 * The directory is the truth of which snapshots exist; the `backups` table is an index of it that
 * a restore replaces along with everything else, so the manifests are what rebuild it.
 */

export type Engine = 'pglite' | 'postgres';
export type BackupKind = 'before_clearing' | 'after_clearing' | 'manual';
export const BACKUP_KINDS = ['before_clearing', 'after_clearing', 'manual'] as const;

/** Names are generated here from fixed words, a date, a time and random hex, never from input. */
const FILE_NAME = /^\d{8}-(before_clearing|after_clearing|manual)-\d{8}T\d{6}Z-[0-9a-f]{8}\.(pgdump|tar\.gz)$/;

/** e.g. `20261123-before_clearing-20261123T101500Z-9f3a1c07.pgdump` (PostgreSQL's custom format)
 * or `….tar.gz` (a PGlite data directory). */
export function snapshotFileName(engine: Engine, kind: BackupKind, businessDate: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${businessDate.replaceAll('-', '')}-${kind}-${stamp}-${randomBytes(4).toString('hex')}.${engine === 'postgres' ? 'pgdump' : 'tar.gz'}`;
}

/** A snapshot file's path. Only a generated name is accepted, so a row or a manifest can never
 * point outside the backup directory. */
export function snapshotPath(dir: string, file: string): string {
  if (!FILE_NAME.test(file)) throw new Error(`not a snapshot file name: ${JSON.stringify(file.slice(0, 80))}`);
  return path.join(dir, file);
}

export const manifestPath = (dir: string, file: string) => `${snapshotPath(dir, file)}.json`;

/** Size and SHA-256 of a file, streamed (snapshots can be large). */
export async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return { bytes: (await stat(file)).size, sha256: hash.digest('hex') };
}

export const manifestSchema = z.object({
  id: z.number().int().positive(),
  kind: z.enum(BACKUP_KINDS),
  business_date: z.iso.date(),
  run_id: z.number().int().positive().nullable(),
  engine: z.enum(['pglite', 'postgres']),
  file: z.string().regex(FILE_NAME),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  schema_version: z.string().max(200),
  created_by: z.number().int().positive().nullable(),
  created_at: z.iso.datetime({ offset: true }),
  note: z.string().max(500),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Written beside the snapshot (atomically: a reader never sees half a manifest). */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const target = manifestPath(dir, manifest.file);
  await writeFile(`${target}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${target}.partial`, target);
}

/** The manifests of the snapshots whose file is still there. A manifest that does not parse is
 * skipped with a warning: the directory may hold files someone copied in by hand. */
export async function readManifests(dir: string): Promise<Manifest[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const present = new Set(names);
  const out: Manifest[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = name.slice(0, -'.json'.length);
    if (!FILE_NAME.test(file) || !present.has(file)) continue;
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(await readFile(path.join(dir, name), 'utf8')));
      if (parsed.success && parsed.data.file === file) out.push(parsed.data);
      else console.warn(`backup manifest ${name} is not valid: skipped`);
    } catch {
      console.warn(`backup manifest ${name} cannot be read: skipped`);
    }
  }
  return out;
}

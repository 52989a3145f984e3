import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { protocolArtifacts } from '@ae/contracts';
import { UserError } from '@ae/core';
import { MIGRATIONS_DIR } from '@ae/indexer/migrationsDir';

const FILE = 'data-version.json';

/**
 * What a DATA_DIR's saved devnet and index are made of: the protocol's bytecode and the indexer's migrations.
 * A DATA_DIR from another version of the project fails later with errors that do not say why (a deployment
 * without the newer contracts waits forever; a migration adding required columns cannot apply to old rows).
 */
export function dataVersion(): string {
  const h = createHash('sha256');
  for (const [name, a] of Object.entries(protocolArtifacts).sort(([x], [y]) => x.localeCompare(y)))
    h.update(`${name}:${a.bytecode}\n`);
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) h.update(`migration:${f}\n`);
  return h.digest('hex').slice(0, 16);
}

/** Records, beside a new devnet's state, the version that made it. */
export function writeDataVersion(dataDir: string): void {
  writeFileSync(join(dataDir, FILE), `${JSON.stringify({ version: dataVersion() }, null, 2)}\n`);
}

/**
 * Before resuming a saved devnet: a clear error when DATA_DIR was made by another version (or by one from
 * before the stamp), saying how to start over, instead of a later failure far from its cause.
 */
export function checkDataVersion(dataDir: string): void {
  const file = join(dataDir, FILE);
  let saved: string | undefined;
  try {
    saved = existsSync(file) ? String(JSON.parse(readFileSync(file, 'utf8')).version) : undefined;
  } catch {
    saved = undefined;
  }
  const now = dataVersion();
  if (saved === now) return;
  throw new UserError(`${dataDir} was made by another version of this project`, {
    details:
      `its devnet and index were built with ${saved ? `version ${saved}` : 'a version from before data-version.json'}, ` +
      `this code is ${now} (contracts or the indexer's tables changed, and what the index's figures mean). ` +
      `Start over with a new devnet: rm -rf ${dataDir} (or keep it and set DATA_DIR to another directory)`,
    meta: { dataDir, saved: saved ?? null, now },
  });
}

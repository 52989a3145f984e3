import { readFileSync, statSync } from 'node:fs';
import { CONTRACT_NAMES, createLogger, loadDeployment } from '@ae/core';

const log = createLogger();

const ADDRESS = /^0x[0-9a-f]{40}$/;
const TTL_MS = 10_000;
let cached: { at: number; key: string; tags: Record<string, string> } | null = null;

/** Parses a name-tag file: an object of address → name; bad entries are skipped, names cut to 60 characters. */
export function parseNameTags(text: string): Record<string, string> {
  const raw = JSON.parse(text) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error('name tags must be a JSON object');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const a = k.trim().toLowerCase();
    if (ADDRESS.test(a) && typeof v === 'string' && v.trim()) out[a] = v.trim().slice(0, 60);
  }
  return out;
}

/**
 * The names the explorer shows for known accounts: every protocol contract by its deployment name, then the
 * EXPLORER_NAME_TAGS file (on a devnet the launcher writes one with the named roles; on a real chain an operator
 * keeps one). Re-read at most every 10 s; an unreadable file leaves the contract names.
 */
export function nameTags(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  let mtime = 0;
  try {
    mtime = file ? statSync(file).mtimeMs : 0;
  } catch {
    /* no file (yet) */
  }
  const key = `${file}|${mtime}`;
  if (cached && cached.key === key && Date.now() - cached.at < TTL_MS) return cached.tags;
  const tags: Record<string, string> = {};
  try {
    const d = loadDeployment(env);
    for (const n of CONTRACT_NAMES)
      if (d?.contracts[n]) tags[d.contracts[n].toLowerCase()] = `${n} (contract)`;
  } catch {
    /* no deployment known */
  }
  if (file && mtime) {
    try {
      Object.assign(tags, parseNameTags(readFileSync(file, 'utf8')));
    } catch (e) {
      log.warn('name tags ignored', { file, error: (e as Error).message });
    }
  }
  cached = { at: Date.now(), key, tags };
  return tags;
}

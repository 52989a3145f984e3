import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '@ae/core/errors';
import { ArtifactIntegrityError, ArtifactNotFoundError, type ArtifactStore } from './ArtifactStore.js';
import { type Bytes32Hex, isBytes32Hex, sha256Hex } from './sha256.js';

/** Normalizes a hash to lowercase 0x-hex; a malformed one is the caller's error (chain strings are hostile). */
export function normalizeHash(hash: string): Bytes32Hex {
  if (!isBytes32Hex(hash))
    throw new UserError(`not a sha256 artifact hash: ${JSON.stringify(String(hash).slice(0, 80))}`);
  return hash.toLowerCase() as Bytes32Hex;
}

/**
 * The default backend: `<dir>/sha256/<hex>`. Writes go to a temporary file in the same folder and are
 * renamed into place, so a crash never leaves a half-written artifact under its final name.
 */
export class FolderArtifactStore implements ArtifactStore {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  pathOf(hash: string): string {
    return join(this.dir, 'sha256', normalizeHash(hash).slice(2));
  }

  async put(bytes: Uint8Array): Promise<Bytes32Hex> {
    const hash = sha256Hex(bytes);
    const path = this.pathOf(hash);
    if (await this.has(hash)) return hash;
    await mkdir(join(this.dir, 'sha256'), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
    try {
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
    return hash;
  }

  async get(hash: string): Promise<Uint8Array> {
    const h = normalizeHash(hash);
    const path = this.pathOf(h);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ArtifactNotFoundError(h, path);
      throw e;
    }
    const actual = sha256Hex(bytes);
    if (actual !== h) throw new ArtifactIntegrityError(h, actual, path);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async has(hash: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(hash))).isFile();
    } catch {
      return false;
    }
  }
}

/** An in-memory store with the same verification, for tests and one-shot tools. */
export class MemoryArtifactStore implements ArtifactStore {
  readonly blobs = new Map<string, Uint8Array>();
  async put(bytes: Uint8Array): Promise<Bytes32Hex> {
    const h = sha256Hex(bytes);
    this.blobs.set(h, Uint8Array.from(bytes));
    return h;
  }
  async get(hash: string): Promise<Uint8Array> {
    const h = normalizeHash(hash);
    const b = this.blobs.get(h);
    if (!b) throw new ArtifactNotFoundError(h, 'memory');
    const actual = sha256Hex(b);
    if (actual !== h) throw new ArtifactIntegrityError(h, actual, 'memory');
    return b;
  }
  async has(hash: string): Promise<boolean> {
    return this.blobs.has(normalizeHash(hash));
  }
}

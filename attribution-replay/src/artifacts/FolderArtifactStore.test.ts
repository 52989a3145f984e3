import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@ae/core/errors';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ArtifactIntegrityError, ArtifactNotFoundError, artifactProblem } from './ArtifactStore.js';
import { FolderArtifactStore, MemoryArtifactStore } from './FolderArtifactStore.js';
import { sha256Hex } from './sha256.js';

const dir = await mkdtemp(join(tmpdir(), 'artifacts-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('FolderArtifactStore', () => {
  const store = new FolderArtifactStore(dir);

  it('puts under <dir>/sha256/<hex> and returns the on-chain form of the hash', async () => {
    const bytes = new TextEncoder().encode('{"label":1,"text":"hi"}');
    const h = await store.put(bytes);
    expect(h).toBe(sha256Hex(bytes));
    expect(h).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await readdir(join(dir, 'sha256'))).toContain(h.slice(2));
    expect(await store.get(h.toUpperCase().replace('0X', '0x'))).toEqual(bytes);
    expect(await store.put(bytes)).toBe(h); // idempotent
    expect((await readdir(join(dir, 'sha256'))).some((f) => f.includes('.tmp-'))).toBe(false);
  });

  it('round-trips any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (b) => {
        const h = await store.put(b);
        expect(await store.get(h)).toEqual(b);
        expect(await store.has(h)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('names a missing artifact', async () => {
    const h = sha256Hex('never stored');
    const e = await store.get(h).catch((x) => x);
    expect(e).toBeInstanceOf(ArtifactNotFoundError);
    expect(e.shortMessage).toContain(h);
    expect(artifactProblem(e)).toBe('missing');
  });

  it('refuses corrupt bytes on read, naming the artifact', async () => {
    const h = await store.put(new TextEncoder().encode('original'));
    await writeFile(store.pathOf(h), 'tampered');
    const e = await store.get(h).catch((x) => x);
    expect(e).toBeInstanceOf(ArtifactIntegrityError);
    expect(e.shortMessage).toContain(h);
    expect(e.actual).toBe(sha256Hex('tampered'));
    expect(artifactProblem(e)).toBe('hash-mismatch');
  });

  it('treats a malformed hash (hostile chain string) as a user error, never a path', async () => {
    for (const bad of ['../../etc/passwd', '0x1234', `0x${'g'.repeat(64)}`, ''])
      await expect(store.get(bad)).rejects.toBeInstanceOf(UserError);
  });

  it('the memory store verifies the same way', async () => {
    const m = new MemoryArtifactStore();
    const h = await m.put(Uint8Array.of(1, 2, 3));
    m.blobs.set(h, Uint8Array.of(9));
    await expect(m.get(h)).rejects.toBeInstanceOf(ArtifactIntegrityError);
  });
});

import { TABLE } from '@ae/core/tables';
import { type Anvil, startAnvil } from '@ae/devnet';
import {
  createTestDatabase,
  ProtocolDriver,
  setupActivity,
  startIndexer,
  type TestDatabase,
  writeRawStrings,
} from '@ae/testkit';
import fc from 'fast-check';
import pg from 'pg';
import { keccak256, parseEther, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storableText } from '../src/chainStrings/storableText.js';
import { stateFingerprint } from '../src/digest/stateFingerprint.js';

let anvil: Anvil;
let d: ProtocolDriver;
const dbs: TestDatabase[] = [];
const enc = (s: string) => new TextEncoder().encode(s);

/** What a hostile account names things with: NUL, invalid UTF-8, an encoded surrogate, 100 KB, random bytes. */
const HOSTILE: Uint8Array[] = [
  enc('a\u0000b'),
  Uint8Array.from([0x61, 0xff, 0xfe, 0xc0, 0x80, 0x62]),
  Uint8Array.from([0xed, 0xa0, 0x80, 0x00, 0xef, 0xbb, 0xbf]),
  enc('ipfs://x\u0000y'),
  ...fc.sample(fc.uint8Array({ maxLength: 200 }), { numRuns: 4, seed: 1613 }),
];
/** 100 KB of every byte value: as a datanet's metadata URI, and as a datanet's and a model's name. */
const BIG = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);

async function index(): Promise<TestDatabase> {
  const db = await createTestDatabase({ prefix: 'chain_strings' });
  dbs.push(db);
  const ix = startIndexer({ databaseUrl: db.url, rpcUrl: anvil.rpcUrl, deployment: d.deployment });
  try {
    await ix.waitForHeight(await d.blockNumber());
  } finally {
    await ix.stop();
  }
  return db;
}

async function rows(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  anvil = await startAnvil();
  d = await ProtocolDriver.start({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  const w = await setupActivity(d);
  for (const [i, s] of HOSTILE.entries()) {
    const other = HOSTILE[(i + 1) % HOSTILE.length];
    await writeRawStrings(d, 'curator', 'DatanetRegistry', 'createDatanet', [s, i ? other : BIG, false, 0n]);
    await writeRawStrings(d, 'contributor2', 'DatanetRegistry', 'submitContribution', [
      w.open,
      keccak256(toHex(`c${i}`)),
      1n,
      s,
    ]);
    await writeRawStrings(d, 'trainer', 'ModelRegistry', 'registerModel', [
      s,
      0,
      0n,
      keccak256(s),
      other,
      keccak256(s),
    ]);
  }
  // 100 KB names: the name columns have no btree index, which could not hold such a value.
  await writeRawStrings(d, 'curator', 'DatanetRegistry', 'createDatanet', [BIG, HOSTILE[0], false, 0n]);
  await writeRawStrings(d, 'trainer', 'ModelRegistry', 'registerModel', [
    BIG,
    0,
    0n,
    keccak256(BIG),
    HOSTILE[0],
    keccak256(BIG),
  ]);
  // A string with a lone surrogate as a client library sends it (viem encodes it as U+FFFD).
  await d.write('curator', 'DatanetRegistry', 'createDatanet', [
    'lone \uD800 surrogate',
    'x\uDC00',
    false,
    0n,
  ]);
  await writeRawStrings(d, 'outsider', 'ComputeRegistry', 'registerProvider', [HOSTILE[0]], parseEther('50'));
  // Indexing goes on past them: a plain datanet afterwards.
  await d.write('curator', 'DatanetRegistry', 'createDatanet', ['after', 'ipfs://after', false, 0n]);
}, 300_000);

afterAll(async () => {
  for (const x of dbs) await x.drop();
  await anvil?.stop();
});

describe('chain strings through the real contracts and indexer', () => {
  it('indexes every hostile string as its storable text, keeps going, and two indexes agree', async () => {
    const a = await index();
    const datanets = await rows(
      a.url,
      `SELECT name, metadata_uri FROM ${TABLE.datanet} ORDER BY created_block, id`,
    );
    const names = datanets.map((r) => r.name);
    for (const s of HOSTILE) expect(names).toContain(storableText(s));
    expect(names).toContain('a\uFFFDb');
    expect(names).toContain('lone \uFFFD surrogate');
    expect(names.at(-1)).toBe('after');
    expect(datanets.map((r) => r.metadata_uri)).toContain(storableText(BIG));
    expect(names).toContain(storableText(BIG));
    const licenses = (await rows(a.url, `SELECT license FROM ${TABLE.contribution}`)).map((r) => r.license);
    for (const s of HOSTILE) expect(licenses).toContain(storableText(s));
    const models = await rows(a.url, `SELECT name, artifact_uri FROM ${TABLE.model}`);
    for (const s of HOSTILE) expect(models.map((r) => r.name)).toContain(storableText(s));
    expect(models.map((r) => r.name)).toContain(storableText(BIG));
    const providers = await rows(a.url, `SELECT endpoint_uri FROM ${TABLE.computeProvider}`);
    expect(providers.map((r) => r.endpoint_uri)).toContain('a\uFFFDb');
    const b = await index();
    expect(await stateFingerprint(b.url)).toEqual(await stateFingerprint(a.url));
  }, 400_000);
});

import { loadavg } from 'node:os';
import { JsonRpc } from '@ae/core';
import pg from 'pg';
import type { BenchChain } from './benchChain.js';
import { indexOnce } from './indexOnce.js';
import { indexesIn, ponderIndexes } from './ponderIndexes.js';
import { PONDER_SCHEMA, ponderMissing, ponderOnce } from './ponderRun.js';
import { type ComparedTable, digestQuery, PONDER_TABLES, rowsQuery } from './ponderTables.js';

/** More than Ponder's default finality depth for chains it does not know (30). */
const EMPTY_BLOCKS_ON_TOP = 64;

type Digests = Record<string, { rows: number; digest: string }>;
interface Side {
  round: number;
  who: 'indexer' | 'ponder';
  events: number;
  cpuMs: number;
  dbCpuMs: number;
  wallMs: number;
  digests: Digests;
  /** The secondary indexes on the compared tables when it was done, as `table(col, …)`. */
  indexes: string[];
}

const f = (x: number, d = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The Ponder comparison (#16): the indexer and the Ponder 0.16 app of `bench-ponder/` (same tables, same
 * handlers for the compared columns) index the same chain to its head into fresh databases on the same
 * Postgres, interleaved for `rounds` rounds (the order alternates). Prints CPU seconds, wall and events/s of
 * each, the ratios of the medians, and compares every compared table row by row (md5 over the rows in id
 * order; the first differing row when they differ). Returns false when Ponder cannot run here (the reason is
 * printed) or the tables differ.
 */
export async function ponderCompare(chain: BenchChain, rounds: number): Promise<boolean> {
  const missing = ponderMissing();
  if (missing) {
    console.log(`\nPonder comparison SKIPPED: ${missing}`);
    return false;
  }
  // Ponder backfills only below its finality depth (30 blocks for an unknown chain id) and indexes the rest
  // block by block as live blocks; the indexer keeps the last 10 blocks hot. Empty blocks on top (on the
  // bench's copy of the chain) make every protocol block final for both: both backfill the same events.
  await new JsonRpc(chain.rpcUrl, { timeoutMs: 900_000 }).call('anvil_mine', [
    `0x${EMPTY_BLOCKS_ON_TOP.toString(16)}`,
  ]);
  const indexes = await ponderIndexes();
  const declared = Object.values(indexes).flat().length;
  console.log(`  the Ponder app declares the indexer's ${declared} secondary indexes on the compared tables`);
  const sides: Side[] = [];
  let same = true;
  for (let round = 1; round <= rounds; round++) {
    const order: Side['who'][] = round % 2 ? ['indexer', 'ponder'] : ['ponder', 'indexer'];
    for (const who of order) {
      let digests: Digests = {};
      let built: string[] = [];
      const r =
        who === 'indexer'
          ? await indexOnce({
              label: `indexer, round ${round}`,
              rpcUrl: chain.rpcUrl,
              deployment: chain.deployment,
              stopAt: chain.head,
              finality: 10,
              compiled: true, // as `npm start` runs it; Ponder's `start` builds its app with vite-node each time
              inspect: async (url) => {
                digests = await digestAll(url, 'ours');
                built = await indexesIn(url, 'public');
              },
            })
          : await ponderOnce(chain, chain.head, indexes, async (url) => {
              digests = await digestAll(url, 'ponder');
              built = await indexesIn(url, PONDER_SCHEMA);
            });
      const s: Side = {
        round,
        who,
        events: r.events,
        cpuMs: r.cpuMs,
        dbCpuMs: r.dbCpuMs,
        wallMs: r.processWallMs,
        digests,
        indexes: built,
      };
      sides.push(s);
      console.log(
        `  ${who}, round ${round}: ${s.events} events, CPU ${f(s.cpuMs / 1000, 1)} s (+ Postgres ${f(s.dbCpuMs / 1000, 1)} s), wall ${f(s.wallMs / 1000, 1)} s`,
      );
    }
  }
  const ours = sides.filter((s) => s.who === 'indexer');
  const theirs = sides.filter((s) => s.who === 'ponder');
  console.log(
    `\nload average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
  );
  console.log('\n| run | round | events handled | CPU s | Postgres CPU s | wall s | events/s (wall) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of sides)
    console.log(
      `| ${s.who === 'indexer' ? 'indexer (new store)' : 'Ponder 0.16'} | ${s.round} | ${f(s.events)} | ${f(s.cpuMs / 1000, 1)} | ${f(s.dbCpuMs / 1000, 1)} | ${f(s.wallMs / 1000, 1)} | ${f(s.events / (s.wallMs / 1000))} |`,
    );
  const cpu = median(theirs.map((s) => s.cpuMs)) / median(ours.map((s) => s.cpuMs));
  const withDb =
    median(theirs.map((s) => s.cpuMs + s.dbCpuMs)) / median(ours.map((s) => s.cpuMs + s.dbCpuMs));
  const wall = median(theirs.map((s) => s.wallMs)) / median(ours.map((s) => s.wallMs));
  console.log(
    `\nPonder / indexer, medians of ${rounds} rounds: CPU ${f(cpu, 2)}×, CPU with Postgres ${f(withDb, 2)}×, wall ${f(wall, 2)}× (events/s of the indexer counts every protocol event it handles; Ponder's only the events of the compared tables)`,
  );
  console.log('\n| table | rows (indexer) | rows (Ponder) | md5 indexer | md5 Ponder | same |');
  console.log('| --- | ---: | ---: | --- | --- | --- |');
  for (const t of PONDER_TABLES) {
    const a = ours[0].digests[t.name];
    for (const p of theirs) {
      const b = p.digests[t.name];
      const eq = a.rows === b.rows && a.digest === b.digest && a.rows > 0;
      same &&= eq;
      if (p === theirs[0])
        console.log(
          `| ${t.name} | ${f(a.rows)} | ${f(b.rows)} | ${a.digest.slice(0, 10)} | ${b.digest.slice(0, 10)} | ${eq ? 'yes' : a.rows === 0 ? 'EMPTY' : 'NO'} |`,
        );
    }
    for (const o of ours.slice(1)) same &&= o.digests[t.name].digest === a.digest;
  }
  const sameIndexes = sides.every((s) => s.indexes.join() === sides[0].indexes.join());
  same &&= sameIndexes && sides[0].indexes.length === declared;
  console.log(
    sameIndexes
      ? `\nboth ended with the same ${sides[0].indexes.length} secondary indexes on the compared tables`
      : `\nsecondary indexes DIFFER: ${sides.map((s) => `${s.who} ${s.round}: ${s.indexes.join(' ')}`).join('; ')}`,
  );
  console.log(
    same
      ? '\nevery compared table identical, row by row, in every round'
      : '\ncompared tables DIFFER (see above)',
  );
  return same;
}

/** The indexer's rows of its first round, to name the first differing row when a Ponder digest differs. */
const ourRows = new Map<string, Map<string, string>>();

async function digestAll(url: string, side: 'ours' | 'ponder'): Promise<Digests> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Digests = {};
    const schema = side === 'ours' ? 'public' : PONDER_SCHEMA;
    for (const t of PONDER_TABLES as readonly ComparedTable[]) {
      const r = (await c.query(digestQuery(t, side, schema))).rows[0];
      out[t.name] = { rows: r.rows, digest: r.digest };
      const mine = ourRows.get(t.name);
      if (side === 'ours' && !mine) ourRows.set(t.name, await rowsOf(c, t, side, schema));
      else if (side === 'ponder' && mine) firstDifference(t.name, mine, await rowsOf(c, t, side, schema));
    }
    return out;
  } finally {
    await c.end();
  }
}

async function rowsOf(c: pg.Client, t: ComparedTable, side: 'ours' | 'ponder', schema: string) {
  const rows = (await c.query(rowsQuery(t, side, schema))).rows as { id: string; line: string }[];
  return new Map(rows.map((r) => [r.id, r.line]));
}

function firstDifference(table: string, ours: Map<string, string>, theirs: Map<string, string>): void {
  for (const [id, line] of ours)
    if (theirs.get(id) !== line) {
      console.log(`  ${table} ${id}: indexer "${line}" / Ponder "${theirs.get(id) ?? 'missing'}"`);
      break;
    }
  for (const id of theirs.keys())
    if (!ours.has(id)) {
      console.log(`  ${table} ${id}: only in Ponder`);
      break;
    }
}

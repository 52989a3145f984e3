import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attributionRegistryAbi } from '@ae/contracts';
import { devnetAuditor, freePort, type LiveTruthLine, namedAccounts, type ScenarioTruth } from '@ae/devnet';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import { type Address, createPublicClient, http, type Log, parseEventLogs } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStartConfig } from './config.js';
import { type Launched, launch } from './launch.js';
import { waitFor } from './probe.js';

/**
 * The default loop, end to end: `npm start`'s own launcher (live devnet, replay worker, devnet arbiter; no
 * explorer, as in launch.e2e.test.ts) runs until the live phase has posted lies of its own and their
 * windows have closed on the chain clock. Then the chain alone is read: every lie the scenario and the live
 * phase posted (truth file + live-truth.jsonl) was disputed inside its window and never paid, no honest
 * posting was upheld, and the stack kept going through the disputes.
 */
/** Live lies to wait for (the live phase takes the ways to lie in turn: weights first, then evidence). */
const LIVE_LIES = 2;
let dir: string;
let db: TestDatabase | undefined;
let running: Launched | undefined;
const lines: string[] = [];

function liveTruth(): LiveTruthLine[] {
  const file = join(dir, 'live-truth.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

interface Posting {
  id: string;
  kind: string;
  postedAt: number;
  block: bigint;
}

let truth: ScenarioTruth;
let window: number;
let postings: Posting[];
let logs: ReturnType<typeof parseEventLogs<typeof attributionRegistryAbi>>;
let blockTime: Map<bigint, number>;
let failedEarly: unknown;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ae-loop-e2e-'));
  // an empty database: npm start applies the migrations itself
  db = await createTestDatabase({ prefix: 'e2e_loop', migrate: false });
  const cfg = loadStartConfig(['--no-explorer', '--scale', 'small', '--seed', '1'], {
    PATH: process.env.PATH,
    DATA_DIR: dir,
    DATABASE_URL: db.url,
    RPC_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    EXPLORER_PORT: String(await freePort()),
    NO_COLOR: '1',
  });
  try {
    running = await launch(cfg, { write: (l) => lines.push(l), format: 'pretty' });
    running.failure.catch((e) => {
      failedEarly = e;
    });
    const truthFile = join(dir, 'scenario-truth.json');
    truth = await waitFor(
      'the scenario truth file',
      async () => (existsSync(truthFile) ? JSON.parse(readFileSync(truthFile, 'utf8')) : undefined),
      { timeoutMs: 600_000, intervalMs: 1_000 },
    );
    const client = createPublicClient({ transport: http(running.rpcUrl) });
    const registry = truth.contracts.AttributionRegistry as Address;
    window = Number(
      await client.readContract({
        address: registry,
        abi: attributionRegistryAbi,
        functionName: 'challengeWindow',
      }),
    );
    // until LIVE_LIES live lies were posted and the last of them is a tick past its window on the chain clock
    await waitFor(
      `${LIVE_LIES} live lies and their challenge windows closed`,
      async () => {
        if (failedEarly) throw failedEarly;
        const lies = liveTruth().flatMap((l) => (l.event === 'posted' && l.kind !== 'honest' ? [l] : []));
        if (lies.length < LIVE_LIES) return undefined;
        const head = await client.getBlock();
        return Number(head.timestamp) > lies[LIVE_LIES - 1].postedAt + window + 600 ? true : undefined;
      },
      { timeoutMs: 900_000, intervalMs: 3_000 },
    );
    // the arbiter replays every dispute itself and may trail the chain on a loaded machine: give it time to
    // rule on the disputes opened so far (a ruling that never comes fails the assertions below, with its lines)
    const asOf = await client.getBlockNumber();
    await waitFor(
      'the arbiter to rule on every dispute opened so far',
      async () => {
        const ls = parseEventLogs({
          abi: attributionRegistryAbi,
          logs: await client.getLogs({ address: registry, fromBlock: 0n, toBlock: 'latest' }),
        });
        const ruled = new Set(
          ls
            .filter((l) => l.eventName === 'DisputeResolved')
            .map((l) => argsOf<{ disputeId: bigint }>(l).disputeId),
        );
        const waiting = ls.filter(
          (l) =>
            l.eventName === 'AttributionDisputed' &&
            l.blockNumber <= asOf &&
            !ruled.has(argsOf<{ disputeId: bigint }>(l).disputeId),
        );
        return waiting.length === 0 ? true : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 2_000 },
    ).catch((e) => console.error((e as Error).message));
    const raw: Log[] = await client.getLogs({ address: registry, fromBlock: 0n, toBlock: 'latest' });
    logs = parseEventLogs({ abi: attributionRegistryAbi, logs: raw });
    const blocks = [...new Set(logs.map((l) => l.blockNumber))];
    blockTime = new Map();
    for (const b of blocks) blockTime.set(b, Number((await client.getBlock({ blockNumber: b })).timestamp));
    const kindOf = new Map<string, string>();
    for (const id of truth.attributions.honest) kindOf.set(id, 'honest');
    for (const m of truth.attributions.manipulated) kindOf.set(m.attributionId, `manipulated (${m.how})`);
    for (const b of truth.attributions.badHash) kindOf.set(b.attributionId, b.how);
    for (const l of liveTruth()) if (l.event === 'posted') kindOf.set(l.attributionId, l.kind);
    postings = logs
      .filter((l) => l.eventName === 'AttributionPosted')
      .map((l) => {
        const id = (l.args as { attributionId: bigint }).attributionId.toString();
        return {
          id,
          kind: kindOf.get(id) ?? 'unknown',
          postedAt: blockTime.get(l.blockNumber)!,
          block: l.blockNumber,
        };
      });
  } catch (e) {
    console.error(lines.slice(-80).join('\n'));
    throw e;
  }
}, 1_500_000);

afterAll(async () => {
  await running?.stop();
  await db?.drop().catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

const argsOf = <T>(l: { args: unknown }) => l.args as T;

describe('the default devnet loop (npm start, live)', () => {
  it('disputed every lie inside its window, paid none of them and slashed their posters', () => {
    const head = Math.max(...blockTime.values());
    const closed = postings.filter((p) => p.postedAt + window < head);
    const lies = closed.filter((p) => p.kind !== 'honest');
    expect(postings.every((p) => p.kind !== 'unknown')).toBe(true);
    expect(lies.filter((p) => p.kind.startsWith('manipulated')).length).toBeGreaterThanOrEqual(2);
    expect(lies.filter((p) => !p.kind.startsWith('manipulated')).length).toBeGreaterThanOrEqual(3);
    const disputes = logs.filter((l) => l.eventName === 'AttributionDisputed');
    const resolved = new Map(
      logs
        .filter((l) => l.eventName === 'DisputeResolved')
        .map((l) => [argsOf<{ disputeId: bigint }>(l).disputeId, argsOf<{ upheld: boolean }>(l).upheld]),
    );
    const paid = new Set(
      logs
        .filter((l) => l.eventName === 'AttributionSettled' && argsOf<{ paid: boolean }>(l).paid)
        .map((l) => argsOf<{ attributionId: bigint }>(l).attributionId.toString()),
    );
    const replayAuditor = devnetAuditor('replay').address.toLowerCase();
    const delays: number[] = [];
    const seconds: number[] = [];
    const report = lies.map((p) => {
      const d = disputes.find((x) => argsOf<{ attributionId: bigint }>(x).attributionId.toString() === p.id);
      const a = d && argsOf<{ disputeId: bigint; challenger: Address }>(d);
      if (d) {
        delays.push(Number(d.blockNumber - p.block));
        seconds.push(blockTime.get(d.blockNumber)! - p.postedAt);
      }
      return {
        id: p.id,
        kind: p.kind,
        disputedInWindow: d ? blockTime.get(d.blockNumber)! < p.postedAt + window : false,
        by: a ? (a.challenger.toLowerCase() === replayAuditor ? 'replay worker' : 'scripted auditor') : null,
        upheld: a ? resolved.get(a.disputeId) === true : false,
        paid: paid.has(p.id),
      };
    });
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const byWorker = report.filter((r) => r.by === 'replay worker').length;
    console.log(
      `audit loop: ${postings.length} postings, ${closed.length} with their window closed, ${lies.length} lies among them ` +
        `(${byWorker} disputed by the replay worker, ${lies.length - byWorker} by scripted auditors); ` +
        `from posting to dispute: median ${median(delays)} blocks (min ${Math.min(...delays)}, max ${Math.max(...delays)}), ` +
        `median ${median(seconds)} s of chain time (max ${Math.max(...seconds)} s of a ${window} s window)`,
    );
    // when a lie was not upheld, what the arbiter and the worker said about disputes is the first thing to read
    if (report.some((r) => !r.upheld || !r.disputedInWindow))
      console.error(
        lines
          .filter((l) => /arbiter|disput/i.test(l))
          .slice(-60)
          .join('\n'),
      );
    expect(report).toEqual(
      report.map((r) => ({
        ...r,
        disputedInWindow: true,
        upheld: true,
        paid: false,
        by: expect.any(String),
      })),
    );
    expect(byWorker).toBeGreaterThanOrEqual(LIVE_LIES);
    // the poster of each upheld lie was slashed
    const slashedIn = new Set(
      logs
        .filter((l) => l.eventName === 'DisputeResolved' && argsOf<{ slashed: bigint }>(l).slashed > 0n)
        .map((l) => argsOf<{ disputeId: bigint }>(l).disputeId),
    );
    for (const d of disputes) {
      const a = argsOf<{ disputeId: bigint; attributionId: bigint }>(d);
      if (resolved.get(a.disputeId)) expect(slashedIn.has(a.disputeId), `dispute ${a.disputeId}`).toBe(true);
    }
  });

  it('upheld no dispute of an honest posting, and paid the honest ones once their window passed', () => {
    const honest = new Set(postings.filter((p) => p.kind === 'honest').map((p) => p.id));
    const disputes = logs.filter((l) => l.eventName === 'AttributionDisputed');
    const upheld = new Set(
      logs
        .filter((l) => l.eventName === 'DisputeResolved' && argsOf<{ upheld: boolean }>(l).upheld)
        .map((l) => argsOf<{ disputeId: bigint }>(l).disputeId),
    );
    const wronglyUpheld = disputes
      .map((d) => argsOf<{ disputeId: bigint; attributionId: bigint }>(d))
      .filter((a) => honest.has(a.attributionId.toString()) && upheld.has(a.disputeId));
    expect(wronglyUpheld).toEqual([]);
    // the scripted auditors' frivolous live disputes were rejected by the arbiter (the bond forfeited)
    const frivolous = liveTruth().filter((l) => l.event === 'frivolous-dispute');
    for (const f of frivolous) {
      const r = logs.find(
        (l) =>
          l.eventName === 'DisputeResolved' &&
          argsOf<{ disputeId: bigint }>(l).disputeId.toString() === f.disputeId,
      );
      if (r) expect(argsOf<{ upheld: boolean }>(r).upheld, `frivolous dispute ${f.disputeId}`).toBe(false);
    }
    const head = Math.max(...blockTime.values());
    const settledPaid = logs.filter(
      (l) => l.eventName === 'AttributionSettled' && argsOf<{ paid: boolean }>(l).paid,
    ).length;
    expect(settledPaid).toBeGreaterThan(0);
    expect(
      postings.filter((p) => p.kind === 'honest' && p.postedAt + window < head - 600).length,
    ).toBeGreaterThan(0);
  });

  it('kept the stack running through the disputes: no service exited, the devnet kept ticking', async () => {
    expect(failedEarly).toBeUndefined();
    const arbiter = namedAccounts().arbiter.address;
    expect(lines.some((l) => l.includes(`as ${arbiter}`))).toBe(true);
    const firstUpheld = lines.findIndex((l) => /\[arbiter\].*UPHELD/.test(l));
    expect(firstUpheld).toBeGreaterThan(0);
    const ticksAfter = lines.slice(firstUpheld).filter((l) => /\[devnet\].*live tick \d+/.test(l)).length;
    expect(ticksAfter).toBeGreaterThanOrEqual(5);
  });
});

import type { Hex } from 'viem';
import { idsOf } from './decodeLogs.js';
import { type LiveGovernance, liveGovernanceTick } from './governance/liveGovernance.js';
import { LiveTruth, type LiveTruthLine } from './liveTruth.js';
import { frivolousDispute, settleDue, topUpPosters } from './phases/keeper.js';
import { postAttributions, recordInferences, runInferences } from './phases/rounds.js';
import type { AttributionKind, PlannedInference } from './plan.js';
import { Rng } from './rng.js';
import type { TxRequest } from './runner/blockRunner.js';
import type { AttributionRecord, World } from './world.js';

export interface LiveOptions {
  /** Wall-clock pause between ticks (default 4000 ms). */
  intervalMs?: number;
  /**
   * Chain seconds each tick moves the clock (default 300): with the deployment's one-hour window a posting
   * stays disputable for 12 ticks, about a minute of wall time, which the replay worker needs on a loaded
   * machine (index, replay on the canonical CPU runner, dispute).
   */
  secondsPerTick?: number;
  /** Share of live postings that lie (default 0.15), in turn each way a posting can: weights, evidence. */
  fraudShare?: number;
  /** Every this many ticks a scripted auditor disputes an honest posting, for the arbiter to reject (default 6). */
  frivolousEvery?: number;
  /** Where live-truth.jsonl goes (which live postings lie); undefined = nowhere. */
  dataDir?: string;
  /** Stops the loop (Ctrl-C). */
  signal: AbortSignal;
}

/** The ways a live posting lies, taken in turn (so a short run shows each of them). */
const FRAUDS: AttributionKind[] = [
  'manipulated-weight',
  'bad-result-hash',
  'manipulated-swap',
  'missing-artifact',
  'bad-params-hash',
];

interface LiveState {
  tick: number;
  nextKey: number;
  frauds: number;
  /** Corpus messages no planned contribution or query uses. */
  free: number[];
  /** Curated contributions submitted last tick, reviewed this tick. */
  pending: { id: bigint; datanet: number; accept: boolean }[];
  /** Honest postings of the previous tick (a frivolous dispute picks one). */
  lastHonest: AttributionRecord[];
  /** The live proposal in flight (one at a time) and how many were made. */
  governance: LiveGovernance;
  truth: LiveTruth;
}

/**
 * `--live`: after the scenario, keep the ecosystem moving so that an explorer watching it moves — every
 * tick new contributions (curated ones reviewed on the next tick), a few paid inferences with their
 * attributions (a share of them lying), now and then a frivolous dispute, the keeper's settlement of
 * what is due, and governance (a proposal always in flight: proposed, voted on a vote a tick, queued and
 * executed or defeated); the chain clock moves `secondsPerTick` a tick. Between ticks, transactions others send (the
 * replay worker's disputes, the arbiter's rulings, a person's wallet) are mined within half a second, as a
 * real chain's next block would take them. Returns the number of ticks played.
 */
export async function runLive(w: World, opts: LiveOptions): Promise<number> {
  const used = new Set([...w.plan.training, ...w.plan.heldOut]);
  const s: LiveState = {
    tick: 0,
    nextKey: w.plan.inferences.length,
    frauds: 0,
    free: w.corpus.map((_, i) => i).filter((i) => !used.has(i)),
    pending: [],
    lastHonest: [],
    governance: { made: 0 },
    truth: new LiveTruth(opts.dataDir),
  };
  while (!opts.signal.aborted) {
    try {
      await liveTick(w, s, opts);
      await mineOthersUntil(w, Date.now() + (opts.intervalMs ?? 4_000), opts.signal);
    } catch (e) {
      // Ctrl-C reaches anvil (same process group) as it reaches us: a tick cut short by it is no error
      if (opts.signal.aborted) break;
      throw e;
    }
    s.tick++;
  }
  return s.tick;
}

async function liveTick(w: World, s: LiveState, opts: LiveOptions): Promise<void> {
  const rng = new Rng(`${w.plan.seed}:live:${s.tick}`);
  const contributed = await contribute(w, s, rng);
  const share = opts.fraudShare ?? 0.15;
  const honestProviders = w.accounts.provider.length - 1; // the last provider colludes
  const items: PlannedInference[] = Array.from({ length: rng.int(1, 4) }, () => {
    const attribution = rng.chance(share) ? FRAUDS[s.frauds++ % FRAUDS.length] : 'honest';
    const manipulated = attribution.startsWith('manipulated');
    // draws in the same order as ever: key, model, user, provider, query, method
    const key = s.nextKey++;
    const model = rng.int(0, w.plan.models.length - 1);
    const user = rng.int(0, w.accounts.user.length - 1);
    const provider = manipulated ? honestProviders : rng.int(0, honestProviders - 1);
    const query = rng.int(0, w.plan.heldOut.length - 1);
    // a third of the gradient-method postings are trak@1 (by key: no new draw, so the ticks replay as before)
    const classifierMethod = rng.chance(0.3) ? (key % 3 === 0 ? 'trak@1' : 'tracin-cp@1') : 'knn-shapley@2';
    // the text model's postings are span-match@1
    const method = w.plan.models[model].family === 'text' ? 'span-match@1' : classifierMethod;
    return { key, model, user, provider, query, method, attribution };
  });
  await topUpPosters(
    w,
    items.map((it) => w.accounts.provider[it.provider]),
  );
  const q = await runInferences(w, items);
  await recordInferences(w, items, q);
  const records = await postAttributions(w, items, q);
  const lines: LiveTruthLine[] = records.map((r, i) => ({
    event: 'posted',
    tick: s.tick,
    attributionId: r.attributionId.toString(),
    inferenceId: r.inferenceId.toString(),
    kind: items[i].attribution,
    poster: r.poster.address,
    postedAt: r.postedAt,
  }));
  const every = opts.frivolousEvery ?? 6;
  if (every > 0 && s.tick % every === every - 1 && s.lastHonest.length > 0) {
    const target = s.lastHonest[0];
    const auditor = w.accounts.auditor[s.tick % w.accounts.auditor.length];
    const id = await frivolousDispute(w, target, auditor);
    if (id !== undefined) {
      lines.push({
        event: 'frivolous-dispute',
        tick: s.tick,
        attributionId: target.attributionId.toString(),
        disputeId: id.toString(),
        challenger: auditor.address,
      });
    }
  }
  s.lastHonest = records.filter((_, i) => items[i].attribution === 'honest');
  lines.push(...(await liveGovernanceTick(w, s.governance, s.tick, opts.secondsPerTick ?? 300)));
  await s.truth.add(lines);
  const settled = await settleDue(w);
  w.runner.advanceTime(opts.secondsPerTick ?? 300);
  const lies = items.filter((it) => it.attribution !== 'honest').length;
  w.log(
    `live tick ${s.tick}: ${contributed} contributions, ${items.length} inferences (${lies} lying), ` +
      `${settled.settled} settled${settled.skipped ? `, ${settled.skipped} due but disputed or final` : ''}`,
  );
}

/** Reviews last tick's curated contributions and submits two new ones; returns how many were submitted. */
async function contribute(w: World, s: LiveState, rng: Rng): Promise<number> {
  const txs: TxRequest[] = [];
  for (const p of s.pending) {
    const d = w.plan.datanets[p.datanet];
    txs.push(w.calls.reviewContributions(w.accounts.curator[d.curators[0]], [p.id], [p.accept]));
  }
  s.pending = [];
  const contributed: number[] = [];
  for (let i = 0; i < 2 && s.free.length > 0; i++) {
    const message = s.free[(s.tick * 2 + i) % s.free.length];
    const d = rng.pick(w.plan.datanets);
    const who = w.accounts.contributor[rng.int(0, w.accounts.contributor.length - 1)];
    const bytes = w.engine.contributionContent(w.corpus[message]);
    const hash: Hex = await w.engine.put(bytes);
    txs.push(
      w.calls.submitContributions(who, w.datanets[d.key].id, [hash], [BigInt(bytes.length)], 'CC-BY-4.0'),
    );
    contributed.push(d.key);
  }
  const mined = await w.runner.run(txs);
  for (const [i, id] of idsOf(mined, 'ContributionSubmitted', 'contributionId').entries()) {
    const d = w.plan.datanets[contributed[i]];
    if (d.curated) s.pending.push({ id, datanet: d.key, accept: !rng.chance(w.plan.scale.rejectShare) });
  }
  return contributed.length;
}

/**
 * Until `deadline` (or an abort), mines a block whenever a transaction the scenario did not send waits in
 * the pool: the scenario mines by hand, so without this a dispute would wait for the next tick's blocks,
 * whose clock may already have passed the window. A transaction that cannot be mined (a nonce gap) stops
 * the extra blocks for this pause instead of racing the clock.
 */
async function mineOthersUntil(w: World, deadline: number, signal: AbortSignal): Promise<void> {
  let stuck = false;
  while (!signal.aborted && Date.now() < deadline) {
    await sleep(Math.min(500, Math.max(0, deadline - Date.now())), signal);
    if (stuck || signal.aborted) continue;
    const before = await pendingCount(w);
    if (before === 0) continue;
    await w.runner.mineEmpty();
    stuck = (await pendingCount(w)) >= before;
  }
}

async function pendingCount(w: World): Promise<number> {
  const s = await w.rpc.call<{ pending: Hex }>('txpool_status');
  return Number(BigInt(s.pending));
}

/** Resolves after ms, or at once when signal aborts; removes its listener either way (one per tick adds up). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

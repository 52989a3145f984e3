import type { Hex } from 'viem';
import { idsOf } from './decodeLogs.js';
import { postAttributions, recordInferences, runInferences, settle } from './phases/rounds.js';
import type { PlannedInference } from './plan.js';
import { Rng } from './rng.js';
import type { TxRequest } from './runner/blockRunner.js';
import type { World } from './world.js';

export interface LiveOptions {
  /** Wall-clock pause between ticks (default 4000 ms). */
  intervalMs?: number;
  /** Chain seconds each tick moves the clock, so that challenge windows pass while one watches (default 300). */
  secondsPerTick?: number;
  /** Stops the loop (Ctrl-C). */
  signal: AbortSignal;
}

interface LiveState {
  tick: number;
  nextKey: number;
  /** Corpus messages no planned contribution or query uses. */
  free: number[];
  /** Curated contributions submitted last tick, reviewed this tick. */
  pending: { id: bigint; datanet: number; accept: boolean }[];
}

/**
 * `--live`: after the scenario, keep the ecosystem moving so that an explorer watching it moves — every
 * tick new contributions (curated ones reviewed on the next tick), a few paid inferences with their
 * attributions (the planned share manipulated), and settlement of every attribution whose window passed.
 * Returns the number of ticks played.
 */
export async function runLive(w: World, opts: LiveOptions): Promise<number> {
  const used = new Set([...w.plan.training, ...w.plan.heldOut]);
  const s: LiveState = {
    tick: 0,
    nextKey: w.plan.inferences.length,
    free: w.corpus.map((_, i) => i).filter((i) => !used.has(i)),
    pending: [],
  };
  while (!opts.signal.aborted) {
    try {
      await liveTick(w, s, opts);
    } catch (e) {
      // Ctrl-C reaches anvil (same process group) as it reaches us: a tick cut short by it is no error
      if (opts.signal.aborted) break;
      throw e;
    }
    s.tick++;
    await sleep(opts.intervalMs ?? 4_000, opts.signal);
  }
  return s.tick;
}

async function liveTick(w: World, s: LiveState, opts: LiveOptions): Promise<void> {
  const rng = new Rng(`${w.plan.seed}:live:${s.tick}`);
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

  const items: PlannedInference[] = Array.from({ length: rng.int(1, 4) }, () => {
    const manipulated = rng.chance(w.plan.manipulatedShare);
    return {
      key: s.nextKey++,
      model: rng.int(0, w.plan.models.length - 1),
      user: rng.int(0, w.accounts.user.length - 1),
      provider: manipulated ? w.accounts.provider.length - 1 : rng.int(0, w.accounts.provider.length - 2),
      query: rng.int(0, w.plan.heldOut.length - 1),
      method: rng.chance(0.3) ? 'tracin-cp@1' : 'knn-shapley@1',
      attribution: manipulated ? 'manipulated-weight' : 'honest',
    };
  });
  const q = await runInferences(w, items);
  await recordInferences(w, items, q);
  await postAttributions(w, items, q);
  const due = w.all.filter((r) => !r.settled && r.postedAt + w.params.challengeWindow <= w.runner.timestamp);
  if (due.length) await settle(w, due);
  w.runner.advanceTime(opts.secondsPerTick ?? 300);
  w.log(
    `live tick ${s.tick}: ${contributed.length} contributions, ${items.length} inferences, ${due.length} settled`,
  );
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

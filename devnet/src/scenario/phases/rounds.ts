import { ComputeKind } from '@ae/contracts';
import type { Address, Hex } from 'viem';
import { decodeMined, idsOf } from '../decodeLogs.js';
import type { EnginePosting, ScoredQuery } from '../engine.js';
import type { PlannedInference } from '../plan.js';
import type { InferenceItem, Posting } from '../protocol.js';
import type { MinedTx, TxRequest } from '../runner/blockRunner.js';
import type { AttributionRecord, World } from '../world.js';
import { bogusHash, tamper } from './manipulate.js';

/** Inferences per round: each round records, attributes, disputes and settles its own inferences. */
export function roundSize(w: World): number {
  return Math.max(50, Math.min(2_000, w.plan.scale.batch * 80));
}

/**
 * One round of the economy: paid inferences on held-out messages (served and attested by providers),
 * their attributions from the PoA engine (honest, manipulated or with a bad hash, as planned), auditors'
 * disputes and the arbiter's rulings, then (unless `settle` is off, see runScenario's deferSettlement) the
 * challenge window passes and the rest settles.
 */
export async function playRound(
  w: World,
  items: readonly PlannedInference[],
  opts: { settle: boolean } = { settle: true },
): Promise<void> {
  const queries = await runInferences(w, items);
  await recordInferences(w, items, queries);
  const records = await postAttributions(w, items, queries);
  await disputes(w, items, records);
  if (!opts.settle) return;
  w.runner.advanceTime(w.params.challengeWindow + 1);
  await settle(w, records);
}

export async function runInferences(w: World, items: readonly PlannedInference[]): Promise<ScoredQuery[]> {
  const inferenceCache = w.caches.inference;
  const out: ScoredQuery[] = new Array(items.length);
  const byModel = new Map<number, number[]>();
  items.forEach((it, i) => {
    const key = `${w.plan.seed}:${it.model}:${it.query}`;
    const hit = inferenceCache.get(key);
    if (hit) out[i] = hit;
    else byModel.set(it.model, [...(byModel.get(it.model) ?? []), i]);
  });
  for (const [model, idx] of byModel) {
    const unique = [...new Set(idx.map((i) => items[i].query))];
    const res = await w.engine.infer(
      w.models[model],
      unique.map((q) => w.corpus[w.plan.heldOut[q]]),
    );
    for (const [j, q] of unique.entries()) inferenceCache.set(`${w.plan.seed}:${model}:${q}`, res[j]);
    for (const i of idx) out[i] = inferenceCache.get(`${w.plan.seed}:${model}:${items[i].query}`)!;
  }
  return out;
}

export async function recordInferences(
  w: World,
  items: readonly PlannedInference[],
  q: readonly ScoredQuery[],
): Promise<void> {
  const { calls, accounts: a, plan, ledger } = w;
  const txs: TxRequest[] = [];
  const order: number[] = [];
  const byUser = groupBy(
    items.map((_, i) => i),
    (i) => items[i].user,
  );
  for (const [user, idx] of byUser) {
    for (let s = 0; s < idx.length; s += plan.scale.batch) {
      const chunk = idx.slice(s, s + plan.scale.batch);
      const list: InferenceItem[] = chunk.map((i) => ({
        modelId: w.modelIds[items[i].model],
        provider: a.provider[items[i].provider].address,
        inputHash: q[i].inputHash,
        outputHash: q[i].outputHash,
        fee: plan.models[items[i].model].feeWei,
      }));
      txs.push(calls.recordInferences(a.user[user], list));
      order.push(...chunk);
    }
  }
  const ids = idsOf(await w.runner.run(txs), 'InferenceRecorded', 'inferenceId');
  order.forEach((i, j) => {
    const it = items[i];
    w.inferenceIds[it.key] = ids[j];
    ledger.inference(
      ids[j],
      plan.models[it.model].feeWei,
      a.trainer[plan.models[it.model].trainer].address,
      a.provider[it.provider].address,
    );
  });
  // providers attest the inference compute
  const attest: TxRequest[] = [];
  for (const [p, idx] of groupBy(
    items.map((_, i) => i),
    (i) => items[i].provider,
  )) {
    for (let s = 0; s < idx.length; s += plan.scale.batch * 2) {
      const chunk = idx.slice(s, s + plan.scale.batch * 2);
      attest.push(
        calls.attest(
          a.provider[p],
          chunk.map((i) => ({
            taskId: w.inferenceIds[items[i].key],
            kind: ComputeKind.INFER,
            taskHash: q[i].inputHash,
            resultHash: q[i].outputHash,
          })),
        ),
      );
      ledger.emit('ComputeAttested', chunk.length);
    }
  }
  await w.runner.run(attest);
}

async function honestPostings(
  w: World,
  items: readonly PlannedInference[],
  q: readonly ScoredQuery[],
): Promise<EnginePosting[]> {
  const postingCache = w.caches.posting;
  const out: EnginePosting[] = new Array(items.length);
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => {
    const key = `${w.plan.seed}:${it.model}:${it.method}:${it.query}`;
    const hit = postingCache.get(key);
    if (hit) out[i] = hit;
    else groups.set(`${it.model}|${it.method}`, [...(groups.get(`${it.model}|${it.method}`) ?? []), i]);
  });
  for (const [g, idx] of groups) {
    const [model, method] = g.split('|');
    const m = Number(model);
    const unique = [...new Map(idx.map((i) => [items[i].query, i])).values()];
    const res = await w.engine.attribute({
      method: method as PlannedInference['method'],
      model: w.models[m],
      train: w.modelTraining[m],
      queries: unique.map((i) => ({
        message: w.corpus[w.plan.heldOut[items[i].query]],
        predicted: q[i].predicted,
        output: q[i].output,
      })),
      topK: w.plan.scale.topK,
      validation: w.validation,
    });
    for (const [j, i] of unique.entries())
      postingCache.set(`${w.plan.seed}:${m}:${method}:${items[i].query}`, res[j]);
    for (const i of idx) out[i] = postingCache.get(`${w.plan.seed}:${m}:${method}:${items[i].query}`)!;
  }
  return out;
}

export async function postAttributions(
  w: World,
  items: readonly PlannedInference[],
  q: readonly ScoredQuery[],
): Promise<AttributionRecord[]> {
  const { calls, accounts: a, plan, ledger } = w;
  const honest = await honestPostings(w, items, q);
  const colluder = a.colluders[0].address.toLowerCase();
  const colluderContribs = acceptedOf(w, colluder);
  const postings: Posting[] = [];
  const meta: {
    over: bigint[];
    under: bigint[];
    artifact?: Hex;
    how?: 'weight-moved' | 'contribution-swapped';
  }[] = [];
  const preferredByModel = new Map<number, bigint[]>();
  for (const [i, it] of items.entries()) {
    const h = honest[i];
    const key = `inference-${it.key}`;
    let resultHash = h.resultHash;
    let paramsHash = h.paramsHash;
    await w.engine.put(h.paramsBytes);
    if (it.attribution !== 'missing-artifact') await w.engine.put(h.resultBytes);
    if (it.attribution === 'bad-result-hash') resultHash = bogusHash(`${key}:result`);
    if (it.attribution === 'bad-params-hash') paramsHash = bogusHash(`${key}:params`);
    const base: Posting = {
      inferenceId: w.inferenceIds[it.key],
      method: it.method,
      paramsHash,
      resultHash,
      resultURI: `artifact://sha256/${resultHash.slice(2)}`,
      contributionIds: h.top.map((t) => t.contributionId),
      weightsPpm: h.top.map((t) => t.weightPpm),
      scores: h.top.map((t) => t.score),
    };
    let preferred = preferredByModel.get(it.model);
    if (!preferred) {
      const inTraining = new Set(w.modelTraining[it.model].map((t) => t.contributionId));
      preferred = colluderContribs.filter((c) => inTraining.has(c));
      preferredByModel.set(it.model, preferred);
    }
    const t = tamper(it.attribution, h, base, preferred, colluderContribs);
    postings.push(t.posting);
    meta.push({
      how: t.how,
      over: t.over,
      under: t.under,
      artifact:
        it.attribution === 'bad-params-hash'
          ? paramsHash
          : it.attribution.startsWith('bad') || it.attribution === 'missing-artifact'
            ? resultHash
            : undefined,
    });
  }
  // one batch per poster (the inference's provider)
  const txs: TxRequest[] = [];
  const order: number[] = [];
  for (const [p, idx] of groupBy(
    items.map((_, i) => i),
    (i) => items[i].provider,
  )) {
    for (let s = 0; s < idx.length; s += plan.scale.batch) {
      const chunk = idx.slice(s, s + plan.scale.batch);
      txs.push(
        calls.postAttributions(
          a.provider[p],
          chunk.map((i) => postings[i]),
        ),
      );
      order.push(...chunk);
    }
  }
  const mined = await w.runner.run(txs);
  const ids = idsOf(mined, 'AttributionPosted', 'attributionId');
  const postedAt = new Map<bigint, number>();
  for (const d of decodeMined(mined, 'AttributionPosted'))
    postedAt.set(d.args.attributionId as bigint, blockTime(mined, d.log.blockNumber));
  const records: AttributionRecord[] = new Array(items.length);
  order.forEach((i, j) => {
    const it = items[i];
    const poster = a.provider[it.provider];
    const posting = postings[i];
    ledger.emit('AttributionPosted');
    ledger.emit('AttributionShare', posting.contributionIds.length);
    records[i] = {
      attributionId: ids[j],
      inferenceId: posting.inferenceId,
      poster,
      contributors: posting.contributionIds.map((c) => contributorOf(w, c)),
      weights: posting.weightsPpm,
      postedAt: postedAt.get(ids[j])!,
      settled: false,
    };
    const base = {
      attributionId: ids[j].toString(),
      inferenceId: posting.inferenceId.toString(),
      modelId: w.modelIds[it.model].toString(),
      method: it.method,
      poster: poster.address,
    };
    if (it.attribution === 'honest') w.truth.honest.push(ids[j]);
    else if (it.attribution === 'manipulated-weight' || it.attribution === 'manipulated-swap') {
      w.truth.manipulated.push({
        ...base,
        how: meta[i].how!,
        colluder: a.colluders[0].address,
        overCredited: meta[i].over.map(String),
        underCredited: meta[i].under.map(String),
      });
    } else w.truth.badHash.push({ ...base, how: it.attribution, artifact: meta[i].artifact! });
    if (it.key === 0) {
      const top = posting.contributionIds[0];
      w.truth.lineage = {
        inferenceId: posting.inferenceId,
        attributionId: ids[j],
        topContributionId: top,
        topDatanetId: datanetOfContribution(w, top),
      };
    }
  });
  w.all.push(...records);
  return records;
}

export async function disputes(
  w: World,
  items: readonly PlannedInference[],
  records: AttributionRecord[],
): Promise<void> {
  const { calls, accounts: a, ledger, params } = w;
  const planned = items.map((it, i) => ({ it, r: records[i] })).filter((x) => x.it.dispute);
  if (planned.length === 0) return;
  const txs: TxRequest[] = [];
  for (const [n, { it, r }] of planned.entries()) {
    const auditor = a.auditor[n % a.auditor.length];
    const evidence = new TextEncoder().encode(
      JSON.stringify({
        attributionId: r.attributionId.toString(),
        inferenceId: r.inferenceId.toString(),
        claim: it.dispute === 'upheld' ? 'posting does not replay' : 'suspected manipulation',
      }),
    );
    const evidenceHash = await w.engine.put(evidence);
    txs.push(calls.dispute(auditor, r.attributionId, evidenceHash, params.minBond));
    ledger.emit('AttributionDisputed');
  }
  const disputeIds = idsOf(await w.runner.run(txs), 'AttributionDisputed', 'disputeId');
  const resolve: TxRequest[] = [];
  planned.forEach(({ it, r }, n) => {
    const upheld = it.dispute === 'upheld';
    resolve.push(calls.resolve(w.arbiter, disputeIds[n], upheld));
    const entry = {
      disputeId: disputeIds[n].toString(),
      attributionId: r.attributionId.toString(),
      challenger: a.auditor[n % a.auditor.length].address,
    };
    if (upheld) {
      ledger.disputeUpheld(r.inferenceId, r.poster.address, params.slashAmount);
      r.settled = true;
      w.truth.upheld.push(entry);
    } else {
      ledger.disputeRejected(params.minBond);
      w.truth.rejected.push(entry);
    }
  });
  await w.runner.run(resolve);
}

export async function settle(w: World, records: AttributionRecord[]): Promise<void> {
  const open = records.filter((r) => !r.settled);
  const txs: TxRequest[] = [];
  for (let s = 0; s < open.length; s += w.plan.scale.batch * 2) {
    const chunk = open.slice(s, s + w.plan.scale.batch * 2);
    txs.push(
      w.calls.settleMany(
        w.keeper,
        chunk.map((r) => r.attributionId),
        chunk.reduce((n, r) => n + r.weights.length, 0),
      ),
    );
    for (const r of chunk) {
      w.ledger.settle(r.inferenceId, r.contributors, r.weights);
      r.settled = true;
    }
  }
  await w.runner.run(txs);
}

function groupBy<T>(xs: readonly T[], key: (x: T) => number): [number, T[]][] {
  const m = new Map<number, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return [...m.entries()].sort(([p], [q]) => p - q);
}

function acceptedOf(w: World, who: string): bigint[] {
  const out: bigint[] = [];
  for (const d of w.plan.datanets) {
    for (const c of d.contributions) {
      if (c.accept && w.accounts.contributor[c.contributor].address.toLowerCase() === who)
        out.push(w.contributionIds[c.key]);
    }
  }
  return out.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

function contributorOf(w: World, id: bigint): Address {
  return w.contributorById.get(id)!;
}

function datanetOfContribution(w: World, id: bigint): bigint {
  return w.datanetById.get(id)!;
}

function blockTime(mined: readonly MinedTx[], blockNumber: string): number {
  const n = BigInt(blockNumber);
  return mined.find((m) => m.blockNumber === n)!.timestamp;
}

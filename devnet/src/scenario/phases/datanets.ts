import { type Hex, parseEther } from 'viem';
import { idsOf } from '../decodeLogs.js';
import { merkleRoot } from '../merkle.js';
import type { TxRequest } from '../runner/blockRunner.js';
import type { World } from '../world.js';

const LICENSES = ['CC-BY-4.0', 'CC0-1.0', 'ODC-By-1.0'];

/**
 * Datanets from the SpamAssassin corpus: create them (curated ones get curators and a minimum stake), put
 * every contribution's content in the artifact store and its sha256 on chain, let curators review, then
 * publish versions whose Merkle roots cover the accepted contributions among the first `count` submitted.
 */
export async function datanetsPhase(w: World): Promise<void> {
  const { plan, calls, accounts: a, ledger } = w;
  const create: TxRequest[] = plan.datanets.map((d) =>
    calls.createDatanet(
      a.curator[d.owner],
      d.name,
      `ipfs://bafy-devnet-datanet-${d.key}/metadata.json`,
      d.curated,
      d.curated ? parseEther('1') : 0n,
    ),
  );
  const ids = idsOf(await w.runner.run(create), 'DatanetCreated', 'datanetId');
  ledger.emit('DatanetCreated', ids.length);
  w.datanets = ids.map((id) => ({ id, order: [], versions: [] }));
  const curators: TxRequest[] = [];
  for (const d of plan.datanets) {
    for (const c of d.curators)
      curators.push(calls.addCurator(a.curator[d.owner], ids[d.key], a.curator[c].address));
  }
  if (curators.length) await w.runner.run(curators);
  ledger.emit('CuratorAdded', curators.length);

  // contents into the store; submissions grouped per contributor within chunks (batch entry point)
  w.contributionHashes = [];
  w.contributionIds = [];
  const submit: TxRequest[] = [];
  const submitOrder: number[] = [];
  const batch = plan.scale.contributionBatch ?? plan.scale.batch;
  for (const d of plan.datanets) {
    const chunk = Math.max(1, batch * 4);
    for (let s = 0; s < d.contributions.length; s += chunk) {
      const byContributor = new Map<number, typeof d.contributions>();
      for (const c of d.contributions.slice(s, s + chunk)) {
        const g = byContributor.get(c.contributor) ?? [];
        g.push(c);
        byContributor.set(c.contributor, g);
      }
      for (const [who, group] of [...byContributor.entries()].sort(([x], [y]) => x - y)) {
        for (let g = 0; g < group.length; g += batch) {
          const items = group.slice(g, g + batch);
          const hashes: Hex[] = [];
          const sizes: bigint[] = [];
          for (const c of items) {
            const bytes = w.engine.contributionContent(w.corpus[c.message]);
            const h = await w.engine.put(bytes);
            w.contributionHashes[c.key] = h;
            hashes.push(h);
            sizes.push(BigInt(bytes.length));
            submitOrder.push(c.key);
          }
          submit.push(
            calls.submitContributions(
              a.contributor[who],
              ids[d.key],
              hashes,
              sizes,
              LICENSES[d.key % LICENSES.length],
            ),
          );
        }
      }
    }
  }
  const cids = idsOf(await w.runner.run(submit), 'ContributionSubmitted', 'contributionId');
  submitOrder.forEach((key, i) => {
    const c = contributionByKey(w, key);
    w.contributionIds[key] = cids[i];
    w.contributorById.set(cids[i], a.contributor[c.contributor].address);
    w.datanetById.set(cids[i], ids[c.datanet]);
  });
  ledger.emit('ContributionSubmitted', cids.length);
  for (const key of submitOrder) {
    const c = contributionByKey(w, key);
    w.datanets[c.datanet].order.push(key);
  }

  // reviews: each curated datanet's curators share its pending contributions
  const reviews: TxRequest[] = [];
  for (const d of plan.datanets.filter((x) => x.curated)) {
    const order = w.datanets[d.key].order;
    for (let s = 0; s < order.length; s += batch) {
      const keys = order.slice(s, s + batch);
      const curator = a.curator[d.curators[(s / batch) % d.curators.length]];
      reviews.push(
        calls.reviewContributions(
          curator,
          keys.map((k) => w.contributionIds[k]),
          keys.map((k) => contributionByKey(w, k).accept),
        ),
      );
      ledger.emit('ContributionReviewed', keys.length);
    }
  }
  if (reviews.length) await w.runner.run(reviews);

  // versions: Merkle root over the accepted among the first `count` (chain order)
  const versions: TxRequest[] = [];
  for (const d of plan.datanets) {
    const state = w.datanets[d.key];
    d.versionCuts.forEach((count, v) => {
      const keys = state.order.slice(0, count).filter((k) => contributionByKey(w, k).accept);
      const root = merkleRoot(keys.map((k) => w.contributionHashes[k]));
      state.versions.push({
        version: v + 1,
        count,
        root,
        training: keys.map((k) => ({
          contributionId: w.contributionIds[k],
          message: w.corpus[contributionByKey(w, k).message],
        })),
      });
      versions.push(calls.publishVersion(a.curator[d.owner], state.id, root, count));
    });
  }
  await w.runner.run(versions);
  ledger.emit('DatanetVersionPublished', versions.length);
  w.log(
    `datanets: ${ids.length} datanets, ${cids.length} contributions, ${reviews.length} review txs, ${versions.length} versions`,
  );
}

function contributionByKey(w: World, key: number) {
  for (const d of w.plan.datanets) {
    const first = d.contributions[0]?.key ?? 0;
    if (key >= first && key < first + d.contributions.length) return d.contributions[key - first];
  }
  throw new RangeError(`no planned contribution ${key}`);
}

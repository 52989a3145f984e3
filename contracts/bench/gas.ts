/**
 * Gas per item of the batch entry points against single calls (the baseline), on a fresh anvil.
 * `npm run bench -w contracts`. Gas is deterministic, so the figures are exact, not sampled.
 */

import { FEE, h, OPEN, ProtocolDriver, posting } from '@ae/testkit';
import { ModelKind } from '../src/enums.js';

const N = 100;
const K = 8;
const f = await ProtocolDriver.start();
const gasOf = async (hash: `0x${string}`) => (await f.pub.getTransactionReceipt({ hash })).gasUsed;
const rows: { what: string; single: bigint; batched: bigint }[] = [];
try {
  await f.write(f.contributor, 'Staking', 'stake', [], 10n * OPEN);
  await f.write(f.curator, 'DatanetRegistry', 'createDatanet', ['open', '', false, OPEN]);
  const single = await gasOf(
    await f.write(f.contributor, 'DatanetRegistry', 'submitContribution', [1n, h('s'), 1n, 'MIT']),
  );
  const ids = Array.from({ length: N }, (_, i) => h(`c${i}`));
  const batch = await gasOf(
    await f.write(f.contributor, 'DatanetRegistry', 'submitContributions', [
      1n,
      ids,
      ids.map(() => 1000n),
      'MIT',
    ]),
  );
  rows.push({ what: 'contribution', single, batched: batch / BigInt(N) });

  await f.write(f.trainer, 'ModelRegistry', 'registerModel', ['m', ModelKind.BASE, 0n, h('a'), '', h('c')]);
  await f.write(f.trainer, 'ModelRegistry', 'publishModel', [1n, FEE]);
  await f.write(f.provider, 'ComputeRegistry', 'registerProvider', ['https://p'], 50n * OPEN);
  const p = f.provider.account.address;
  const one = await gasOf(
    await f.write(f.user, 'InferenceLedger', 'recordInference', [1n, p, h('i'), h('o')], FEE),
  );
  const many = await gasOf(
    await f.write(
      f.user,
      'InferenceLedger',
      'recordInferences',
      [ids.map(() => 1n), ids.map(() => p), ids, ids],
      FEE * BigInt(N),
    ),
  );
  rows.push({ what: 'inference', single: one, batched: many / BigInt(N) });

  await f.write(f.poster, 'Staking', 'stake', [], 100n * OPEN);
  const shares = Array.from({ length: K }, (_, i) => BigInt(i + 2));
  const weights = shares.map(() => 100_000);
  const postOne = await gasOf(
    await f.write(f.poster, 'AttributionRegistry', 'postAttribution', [posting(1n, shares, weights)]),
  );
  const postings = Array.from({ length: N }, (_, i) => posting(BigInt(i + 2), shares, weights));
  const postMany = await gasOf(
    await f.write(f.poster, 'AttributionRegistry', 'postAttributions', [postings]),
  );
  rows.push({ what: `attribution (K=${K})`, single: postOne, batched: postMany / BigInt(N) });

  await f.increaseTime(3600);
  const settleOne = await gasOf(await f.write(f.outsider, 'AttributionRegistry', 'settle', [1n]));
  const settleMany = await gasOf(
    await f.write(f.outsider, 'AttributionRegistry', 'settleMany', [
      Array.from({ length: N }, (_, i) => BigInt(i + 2)),
    ]),
  );
  rows.push({ what: `settlement (K=${K})`, single: settleOne, batched: settleMany / BigInt(N) });
} finally {
  await f.stop();
}
console.log(`gas per item, batch of ${N} vs single call (baseline), solc 0.8.30 optimizer 200 runs`);
console.log('| item | single call | in a batch | ratio |\n| --- | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.what} | ${r.single} | ${r.batched} | ${(Number(r.batched) / Number(r.single)).toFixed(2)} |`,
  );
}

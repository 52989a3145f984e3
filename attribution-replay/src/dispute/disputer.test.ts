import { attributionRegistryAbi } from '@ae/contracts';
import { ANVIL_MNEMONIC } from '@ae/devnet';
// the contracts workspace's own test world: a deployed protocol with a poster, a model and contributions
import { ACTORS, buildWorld, ProtocolDriver, posting, recordInference } from '@ae/testkit';
import { parseEventLogs, toHex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Disputer } from './disputer.js';

let f: ProtocolDriver;
let disputer: Disputer;

async function postOne(n: number): Promise<bigint> {
  await recordInference(f, `q${n}`);
  const inferenceId = (await f.read('InferenceLedger', 'inferenceCount')) as bigint;
  const hash = await f.write(f.poster, 'AttributionRegistry', 'postAttribution', [
    posting(inferenceId, [1n, 2n], [600_000, 400_000]),
  ]);
  const logs = parseEventLogs({
    abi: attributionRegistryAbi,
    logs: (await f.pub.getTransactionReceipt({ hash })).logs,
    eventName: 'AttributionPosted',
  });
  return logs[0].args.attributionId;
}

beforeAll(async () => {
  f = await ProtocolDriver.start();
  await buildWorld(f);
  // the challenger's key, as REPLAY_DISPUTE_KEY would give it
  const key = toHex(
    mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: ACTORS.challenger }).getHdKey().privateKey!,
  );
  disputer = new Disputer(f.rpcUrl, f.contracts.AttributionRegistry, key);
}, 120_000);

afterAll(async () => {
  await f?.stop();
});

describe('Disputer', () => {
  it('opens a dispute with the evidence hash and the minimum bond, once', async () => {
    const id = await postOne(1);
    const evidence = `0x${'e1'.repeat(32)}` as const;
    const res = await disputer.dispute(id.toString(), evidence);
    expect(res.opened).toBe(true);
    if (!res.opened) return;
    const r = await f.pub.getTransactionReceipt({ hash: res.txHash });
    const ev = parseEventLogs({
      abi: attributionRegistryAbi,
      logs: r.logs,
      eventName: 'AttributionDisputed',
    })[0].args;
    expect(ev.attributionId).toBe(id);
    expect(ev.evidenceHash).toBe(evidence);
    expect(ev.challenger.toLowerCase()).toBe(disputer.address.toLowerCase());
    expect(ev.bond).toBe(await f.read('AttributionRegistry', 'minBond'));
    const again = await disputer.dispute(id.toString(), evidence);
    expect(again).toEqual({ opened: false, reason: expect.stringContaining('no longer open') });
  });

  it('reports a closed challenge window instead of sending a doomed transaction', async () => {
    const id = await postOne(2);
    await f.increaseTime((await f.read('AttributionRegistry', 'challengeWindow')) as bigint);
    const res = await disputer.dispute(id.toString(), `0x${'e2'.repeat(32)}`);
    expect(res).toEqual({ opened: false, reason: 'the challenge window has closed' });
  });
});

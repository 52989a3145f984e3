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
let key: `0x${string}`;

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
  key = toHex(mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: ACTORS.challenger }).getHdKey().privateKey!);
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
    expect(again).toEqual({
      opened: false,
      code: 'not-open',
      reason: expect.stringContaining('no longer open'),
    });
  });

  it('refuses a bond above its ceiling and stops when the period budget is spent', async () => {
    const minBond = (await f.read('AttributionRegistry', 'minBond')) as bigint;
    const capped = new Disputer(f.rpcUrl, f.contracts.AttributionRegistry, key, {
      maxBondWei: minBond - 1n,
      periodS: 86_400,
    });
    const a = await postOne(3);
    expect(await capped.dispute(a.toString(), `0x${'e3'.repeat(32)}`)).toMatchObject({
      opened: false,
      code: 'bond-ceiling',
    });
    // a budget of one bond: the first dispute goes through, the second waits for the next period
    const budgeted = new Disputer(f.rpcUrl, f.contracts.AttributionRegistry, key, {
      budgetWei: minBond,
      periodS: 86_400 * 365,
    });
    expect(await budgeted.dispute(a.toString(), `0x${'e3'.repeat(32)}`)).toMatchObject({ opened: true });
    const b = await postOne(4);
    const res = await budgeted.dispute(b.toString(), `0x${'e4'.repeat(32)}`);
    expect(res).toMatchObject({ opened: false, code: 'budget' });
    expect(res.opened === false && res.reason).toMatch(/budget is spent/);
  });

  it('reports a closed challenge window instead of sending a doomed transaction', async () => {
    const id = await postOne(2);
    await f.increaseTime((await f.read('AttributionRegistry', 'challengeWindow')) as bigint);
    const res = await disputer.dispute(id.toString(), `0x${'e2'.repeat(32)}`);
    expect(res).toMatchObject({ opened: false, code: 'window-closed' });
    expect(res.opened === false && res.reason).toMatch(
      /^the challenge window closed \d+ s ago on the chain clock$/,
    );
  });
});

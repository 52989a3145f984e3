import { type Anvil, startAnvil } from '@ae/devnet';
import {
  activityRound,
  createTestDatabase,
  ProtocolDriver,
  setupActivity,
  startIndexer,
  type TestDatabase,
} from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEEP_REORG_EXIT_CODE } from './chainStop.js';

const anvils: Anvil[] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'replaced' });
});
afterAll(async () => {
  await db?.drop();
  for (const a of anvils) await a.stop();
});

async function chain(rounds: number): Promise<ProtocolDriver> {
  const anvil = await startAnvil();
  anvils.push(anvil);
  const d = await ProtocolDriver.start({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  const w = await setupActivity(d);
  for (let r = 0; r < rounds; r++) await activityRound(d, w, { n: 3, salt: `r${r}` });
  return d;
}

describe('a replaced, shorter chain (a new node with the same deployment)', () => {
  it("ends in the project's deep-reorg stop naming the indexed block that is gone, not the processor's assertion", async () => {
    const a = await chain(2);
    const ix = startIndexer({
      databaseUrl: db.url,
      rpcUrl: a.rpcUrl,
      deployment: a.deployment,
      finalityConfirmations: 3,
    });
    try {
      await ix.waitForHeight(await a.blockNumber());
    } finally {
      await ix.stop();
    }
    const b = await chain(0);
    expect(b.deployment.contracts).toEqual(a.deployment.contracts);
    const finalOnA = (await a.blockNumber()) - 3;
    expect(await b.blockNumber()).toBeLessThan(finalOnA);
    const again = startIndexer({
      databaseUrl: db.url,
      rpcUrl: b.rpcUrl,
      deployment: b.deployment,
      finalityConfirmations: 3,
    });
    expect(await again.exited).toBe(DEEP_REORG_EXIT_CODE);
    const out = again.output();
    expect(out).toMatch(
      /the chain was replaced \(reorg deeper than the finality setting\): indexed block \d+ \(0x[0-9a-f]{64}\) is no longer on chain; the node's chain ends at block \d+/,
    );
    expect(out).not.toContain('was not found on chain');
  }, 400_000);
});

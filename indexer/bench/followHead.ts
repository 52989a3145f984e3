import { TABLE } from '@ae/core/tables';
import { startAnvil } from '@ae/devnet';
import { activityRound, createTestDatabase, ProtocolDriver, setupActivity, startIndexer } from '@ae/testkit';
import pg from 'pg';

export interface FollowRun {
  rounds: number;
  events: number;
  /** Time from a burst's last block to the index holding it. */
  catchUpMedianMs: number;
  catchUpMaxMs: number;
  /** Events per second of indexer time while catching up on hot blocks (sum of catch-up times). */
  hotEventsPerSecond: number;
}

/**
 * Following the head: the indexer is synced, then bursts of activity (n contributions, inferences and
 * attributions per burst, every event kind) land on the chain and every new block is hot (finality 10), so
 * the store logs each change for rollback. Measures how long the index takes to hold each burst.
 */
export async function followHead(rounds: number, n: number): Promise<FollowRun> {
  const anvil = await startAnvil();
  const db = await createTestDatabase({ prefix: 'bench_follow' });
  try {
    const d = await ProtocolDriver.start({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
    const w = await setupActivity(d);
    await activityRound(d, w, { n, k: 8, salt: 'warm' });
    const ix = startIndexer({
      databaseUrl: db.url,
      rpcUrl: anvil.rpcUrl,
      deployment: d.deployment,
      finalityConfirmations: 10,
      env: { PROGRESS_INTERVAL_S: '3600' },
    });
    const c = new pg.Client({ connectionString: db.url });
    try {
      await ix.waitForHeight(await d.blockNumber(), 600_000);
      await c.connect();
      const count = async () =>
        Number((await c.query(`SELECT events FROM ${TABLE.globalStat}`)).rows[0].events);
      const events0 = await count();
      const lags: number[] = [];
      for (let r = 0; r < rounds; r++) {
        await activityRound(d, w, { n, k: 8, salt: `f${r}` });
        const h = await d.blockNumber();
        const t = performance.now();
        await ix.waitForHeight(h, 600_000);
        lags.push(performance.now() - t);
      }
      const events = (await count()) - events0;
      const total = lags.reduce((a, b) => a + b, 0);
      lags.sort((a, b) => a - b);
      return {
        rounds,
        events,
        catchUpMedianMs: lags[Math.floor(lags.length / 2)],
        catchUpMaxMs: lags[lags.length - 1],
        hotEventsPerSecond: events / (total / 1000),
      };
    } finally {
      await c.end().catch(() => {});
      await ix.stop();
    }
  } finally {
    await db.drop();
    await anvil.stop();
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDR, insertWorld } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_stats', {
    services: { chainId: 1612, attributionRegistry: '0x0000000000000000000000000000000000000abc' },
  });
  await insertWorld(h.pool);
});
afterAll(() => h?.close());

const E18 = 10n ** 18n;
type Flow = {
  nodes: Array<{ id: string; label: string; stage: string }>;
  links: Array<{ source: string; target: string; amount: string }>;
  totalFees: string;
};
const FLOWS = `query($g: FlowGroupBy, $m: ID, $d: ID, $from: DateTime, $to: DateTime) { tokenFlows(groupBy: $g, modelId: $m, datanetId: $d, from: $from, to: $to, limit: 5) {
  nodes { id label stage entityId } links { source target value amount } totalFees totalSlashed } }`;
const sum = (links: Flow['links'], pred: (l: Flow['links'][number]) => boolean) =>
  links.filter(pred).reduce((s, l) => s + BigInt(l.amount), 0n);

describe('token flows', () => {
  it('conserves fees: what users pay enters models and leaves to recipients', async () => {
    const r = await h.gql<{ tokenFlows: Flow }>(FLOWS, { g: 'MODEL' });
    expect(r.errors).toBeUndefined();
    const f = r.data!.tokenFlows;
    expect(f.totalFees).toBe((11n * E18).toString());
    expect(sum(f.links, (l) => l.source === 'users')).toBe(11n * E18);
    const out = sum(f.links, (l) => l.source.startsWith('model:'));
    expect(out).toBe(11n * E18);
    expect(sum(f.links, (l) => l.target === 'role:CONTRIBUTOR')).toBe(5n * E18);
    expect(f.nodes.find((n) => n.id === 'model:3')?.label).toBe('adapter');
  });

  it('groups by datanet and account, and filters by model and time', async () => {
    const r = await h.gql<{ tokenFlows: Flow }>(FLOWS, { g: 'ACCOUNT' });
    const f = r.data!.tokenFlows;
    expect(f.links).toContainEqual(
      expect.objectContaining({
        source: 'datanet:1',
        target: `account:${ADDR.alice}`,
        amount: (3n * E18).toString(),
      }),
    );
    expect(f.links).toContainEqual(
      expect.objectContaining({
        source: `user:${ADDR.user}`,
        target: 'model:3',
        amount: (10n * E18).toString(),
      }),
    );
    const m = await h.gql<{ tokenFlows: Flow }>(FLOWS, { m: '1' });
    expect(m.data!.tokenFlows.totalFees).toBe(E18.toString());
    const t = await h.gql<{ tokenFlows: Flow }>(FLOWS, { from: '2026-01-06T00:00:00Z' });
    expect(t.data!.tokenFlows.totalFees).toBe(E18.toString());
    const d = await h.gql<{ tokenFlows: Flow }>(FLOWS, { d: '2', g: 'DATANET' });
    expect(
      d.data!.tokenFlows.links.filter((l) => l.source.startsWith('datanet:')).map((l) => l.source),
    ).toEqual(['datanet:2']);
  });
});

describe('statistics, search and status', () => {
  it('serves time series, leaderboards and totals', async () => {
    const r = await h.gql(`{
      timeSeries(metric: FEES) { t value amount }
      inf: timeSeries(metric: INFERENCES, from: "2026-01-06T00:00:00Z") { value }
      topContributors(limit: 2) { rank account { id } rewards }
      topDatanets { rank datanet { name } influencePpm }
      networkTotals { datanets inferences totalFees mismatched openDisputes flags }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.timeSeries).toEqual([
      { t: '2026-01-05T00:00:00.000Z', value: 10, amount: (10n * E18).toString() },
      { t: '2026-01-06T00:00:00.000Z', value: 1, amount: E18.toString() },
    ]);
    expect(r.data!.inf).toEqual([{ value: 1 }]);
    expect(r.data!.topContributors.map((c: { account: { id: string } }) => c.account.id)).toEqual([
      ADDR.alice,
      ADDR.bob,
    ]);
    expect(r.data!.topDatanets[0]).toEqual({
      rank: 1,
      datanet: { name: 'spam corpus' },
      influencePpm: '600000',
    });
    expect(r.data!.networkTotals).toEqual({
      datanets: 2,
      inferences: 2,
      totalFees: (11n * E18).toString(),
      mismatched: 1,
      openDisputes: 1,
      flags: 0,
    });
  });

  it('searches names, addresses, hashes and ids', async () => {
    const s = async (text: string) =>
      (
        await h.gql<{ search: Array<{ kind: string; id: string; nodeId: string; matchedBy: string }> }>(
          'query($t: String!) { search(text: $t) { kind id nodeId label matchedBy } }',
          { t: text },
        )
      ).data!.search;
    expect((await s('spam'))[0]).toMatchObject({
      kind: 'DATANET',
      id: '1',
      nodeId: 'datanet:1',
      matchedBy: 'name',
    });
    expect((await s('spam')).map((x) => x.kind)).toContain('MODEL');
    expect(await s(ADDR.alice.toUpperCase().replace('0X', '0x'))).toEqual([
      expect.objectContaining({ kind: 'ACCOUNT', id: ADDR.alice }),
    ]);
    expect(await s(`0x${'1'.padStart(64, 'b')}`)).toContainEqual(
      expect.objectContaining({ kind: 'TRANSACTION' }),
    );
    expect(await s(`0x${'3'.padStart(64, 'c')}`)).toEqual([
      expect.objectContaining({ kind: 'CONTRIBUTION', id: '3', matchedBy: 'contentHash' }),
    ]);
    expect(await s(`0x${'1'.padStart(64, 'f')}`)).toEqual([
      expect.objectContaining({ kind: 'CHECKPOINT', id: '2-1' }),
    ]);
    expect((await s('3')).map((x) => `${x.kind}:${x.id}`)).toEqual(
      expect.arrayContaining(['MODEL:3', 'CONTRIBUTION:3']),
    );
    expect(await s("'; DROP TABLE account; --")).toEqual([]);
  });

  it('finds what people paste: prefixes, any case, no 0x, the shortened form, typed ids', async () => {
    type Hit = { kind: string; id: string; matchedBy: string; exact: boolean };
    const s = async (text: string) =>
      (
        await h.gql<{ search: Hit[] }>(
          'query($t: String!) { search(text: $t) { kind id matchedBy exact } }',
          { t: text },
        )
      ).data!.search;
    const alice = ADDR.alice;
    const content = `0x${'3'.padStart(64, 'c')}`;
    for (const text of [
      alice.slice(0, 8),
      alice.slice(2, 8),
      alice.slice(0, 8).toUpperCase(),
      `${alice.slice(0, 6)}…${alice.slice(-4)}`,
      `${alice.slice(2, 6)}...${alice.slice(-4)}`,
    ])
      expect(await s(text), text).toContainEqual(
        expect.objectContaining({ kind: 'ACCOUNT', id: alice, exact: false }),
      );
    expect(await s(alice.slice(2).toUpperCase())).toEqual([
      expect.objectContaining({ kind: 'ACCOUNT', id: alice, exact: true }),
    ]);
    expect(await s(`${content.slice(0, 10)}…${content.slice(-4)}`)).toContainEqual(
      expect.objectContaining({ kind: 'CONTRIBUTION', id: '3', matchedBy: 'contentHash' }),
    );
    expect(await s(content.slice(2).toUpperCase())).toEqual([
      expect.objectContaining({ kind: 'CONTRIBUTION', id: '3', exact: true }),
    ]);
    const tx = `0x${'1'.padStart(64, 'b')}`;
    expect(await s(tx.slice(0, 12))).toContainEqual(expect.objectContaining({ kind: 'TRANSACTION', id: tx }));
    expect(await s('model:3')).toEqual([expect.objectContaining({ kind: 'MODEL', id: '3', exact: true })]);
    expect(await s('#3')).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'CONTRIBUTION', id: '3', exact: true })]),
    );
    expect((await s('SPAM CORPUS'))[0]).toMatchObject({ kind: 'DATANET', exact: true });
    expect((await s('spam'))[0].exact).toBe(false);
    expect(await s('0x')).toEqual([]);
    expect(await s('   ')).toEqual([]);
  });

  it('reports indexer status from the indexer state row without an RPC', async () => {
    const r = await h.gql(
      '{ indexerStatus { chainId headHeight headSource indexedHeight lag digest digestHeight } }',
    );
    expect(r.data!.indexerStatus).toEqual({
      chainId: 1612,
      headHeight: 100,
      headSource: 'INDEXER',
      indexedHeight: 90,
      lag: 10,
      digest: '0xd1',
      digestHeight: 88,
    });
  });
});

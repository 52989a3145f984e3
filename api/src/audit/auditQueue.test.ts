import { buildFlagDomain } from '@ae/core/flag';
import { TABLE } from '@ae/core/tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDR, insertRow, insertWorld } from '../../test/fixtures.js';
import { type Harness, startHarness } from '../../test/harness.js';

/**
 * The audit queue and Attribution.auditState over one fixture world, on a chain clock far from this machine's
 * (as on a devnet that moves time forward): every state, the window's time left, filters and chain-time order.
 */
const WINDOW = 3600;
const T0 = Date.parse('2030-01-01T00:00:00Z') / 1000;
/** The chain head's time: two hours after T0. */
const CHAIN_NOW = T0 + 7200;
const iso = (t: number) => new Date(t * 1000).toISOString();

// id, posted (chain seconds), poster, model, status, settled(paid), verdict, open dispute?
const ROWS: Array<[string, number, string, string, string, boolean, string | null, string | null]> = [
  ['10', CHAIN_NOW - 600, ADDR.poster, '1', 'POSTED', false, 'MISMATCH', null], // DISPUTABLE, 3000 s left
  ['11', CHAIN_NOW - 3000, ADDR.provider, '2', 'POSTED', false, 'UNVERIFIABLE', null], // DISPUTABLE, 600 s left
  ['12', CHAIN_NOW - 5000, ADDR.poster, '1', 'POSTED', false, 'MISMATCH', null], // UNDISPUTED_CLOSED
  ['13', T0 - 9000, ADDR.poster, '1', 'SETTLED', true, 'MISMATCH', null], // SETTLED_UNVERIFIED
  ['14', T0 - 9000, ADDR.poster, '2', 'SETTLED', true, 'VERIFIED', null], // SETTLED
  ['15', CHAIN_NOW - 100, ADDR.provider, '1', 'DISPUTED', false, 'MISMATCH', 'OPEN'], // DISPUTED
  ['16', T0 - 100, ADDR.provider, '1', 'UPHELD', true, 'MISMATCH', 'UPHELD'], // UPHELD (settled, unpaid)
  ['17', CHAIN_NOW - 50, ADDR.poster, '2', 'POSTED', false, null, null], // AWAITING_REPLAY
  ['18', CHAIN_NOW - 50, ADDR.poster, '2', 'POSTED', false, 'VERIFIED', null], // VERIFIED
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_audit_queue', {
    services: {
      flagDomain: () => buildFlagDomain(1612, '0x0000000000000000000000000000000000000abc'),
      chainHead: async () => null,
      now: () => Math.floor(Date.now() / 1000),
      challengeClock: async () => ({ chainTime: CHAIN_NOW, windowS: WINDOW }),
    },
  });
  await insertWorld(h.pool);
  for (const [id, t, poster, model, status, settled, verdict, dispute] of ROWS) {
    await insertRow(h.pool, 'attribution', {
      id,
      index: id,
      inference_id: '2',
      model_id: model,
      poster_id: poster,
      method: 'knn-shapley@1',
      status,
      settled,
      settled_paid: settled ? status !== 'UPHELD' : null,
      block_number: Number(id),
      timestamp: iso(t),
    });
    if (verdict)
      await insertRow(h.pool, 'attribution_verdict', {
        id: `${id}:knn-shapley@1`,
        attribution_id: id,
        method: 'knn-shapley@1',
        verdict,
        max_deviation_ppm: verdict === 'MISMATCH' ? Number(id) * 1000 : null,
        replayed_at: iso(t + 10),
      });
    if (dispute)
      await insertRow(h.pool, 'dispute', {
        id: `d${id}`,
        attribution_id: id,
        challenger_id: ADDR.alice,
        status: dispute,
        opened_block: Number(id) + 1,
        bond: '1',
      });
  }
});
afterAll(() => h?.close());

const QUEUE = `query($v: [VerdictStatus!], $s: [AuditState!], $m: ID, $p: String, $o: AuditOrder) {
  auditQueue(verdicts: $v, states: $s, modelId: $m, poster: $p, orderBy: $o, limit: 100) {
    attribution { id } state openDisputes challenge { secondsLeft open closesAt chainTime } dispute { id status }
  }
  auditQueueCount(verdicts: $v, states: $s, modelId: $m, poster: $p)
}`;

describe('audit queue on the chain clock', () => {
  it('gives each attribution its state and the time left in its window on the chain clock', async () => {
    const r = await h.gql(QUEUE, {});
    expect(r.errors).toBeUndefined();
    const by = Object.fromEntries(
      r.data!.auditQueue.map((i: { attribution: { id: string } }) => [i.attribution.id, i]),
    );
    expect(
      Object.fromEntries(Object.entries(by).map(([id, i]) => [id, (i as { state: string }).state])),
    ).toEqual({
      '1': 'DISPUTED', // the world's own: an open dispute
      '10': 'DISPUTABLE',
      '11': 'DISPUTABLE',
      '12': 'UNDISPUTED_CLOSED',
      '13': 'SETTLED_UNVERIFIED',
      '15': 'DISPUTED',
      '16': 'UPHELD',
    });
    expect(by['10'].challenge).toEqual({
      secondsLeft: 3000,
      open: true,
      closesAt: iso(CHAIN_NOW + 3000).replace('.000Z', '.000Z'),
      chainTime: iso(CHAIN_NOW),
    });
    expect(by['11'].challenge.secondsLeft).toBe(600);
    expect(by['12'].challenge).toMatchObject({ secondsLeft: -1400, open: false });
    expect(by['15'].dispute).toEqual({ id: 'd15', status: 'OPEN' });
    expect(r.data!.auditQueueCount).toBe(7);
  });

  it('answers every state for any attribution (Attribution.auditState), replayed or not', async () => {
    const r = await h.gql('{ attributions(orderBy: index_ASC, where: { index_gte: 10 }) { id auditState } }');
    expect(
      Object.fromEntries(
        r.data!.attributions.map((a: { id: string; auditState: string }) => [a.id, a.auditState]),
      ),
    ).toEqual({
      '10': 'DISPUTABLE',
      '11': 'DISPUTABLE',
      '12': 'UNDISPUTED_CLOSED',
      '13': 'SETTLED_UNVERIFIED',
      '14': 'SETTLED',
      '15': 'DISPUTED',
      '16': 'UPHELD',
      '17': 'AWAITING_REPLAY',
      '18': 'VERIFIED',
    });
  });

  it('filters by verdict, state, model and poster, and counts the same rows', async () => {
    const ids = async (v: Record<string, unknown>) => {
      const r = await h.gql(QUEUE, v);
      expect(r.errors).toBeUndefined();
      const list = r.data!.auditQueue.map((i: { attribution: { id: string } }) => i.attribution.id).sort();
      expect(r.data!.auditQueueCount).toBe(list.length);
      return list;
    };
    expect(await ids({ s: ['DISPUTABLE', 'UNDISPUTED_CLOSED'] })).toEqual(['10', '11', '12']);
    expect(await ids({ v: ['UNVERIFIABLE'] })).toEqual(['1', '11', '15']); // + those with open disputes
    expect(await ids({ m: '2' })).toEqual(['11']);
    expect(await ids({ p: ADDR.provider.toUpperCase().replace('0X', '0x') })).toEqual(['11', '15', '16']);
    expect(await ids({ v: ['VERIFIED', 'MISMATCH'], s: ['SETTLED', 'SETTLED_UNVERIFIED'] })).toEqual([
      '13',
      '14',
    ]);
    const bad = await h.gql(QUEUE, { p: 'not-an-address' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sorts on chain time: posting order, or the window closing soonest first', async () => {
    const order = async (o: string) =>
      (await h.gql(QUEUE, { o, s: ['DISPUTABLE', 'UNDISPUTED_CLOSED', 'DISPUTED'] })).data!.auditQueue.map(
        (i: { attribution: { id: string } }) => i.attribution.id,
      );
    // the world's attribution 1 was posted in block 50, after the others
    expect(await order('POSTED_DESC')).toEqual(['1', '15', '12', '11', '10']);
    expect(await order('POSTED_ASC')).toEqual(['10', '11', '12', '15', '1']);
    // open windows by time left (11: 600 s, 10: 3000 s, 15: 3500 s), then the closed ones, latest first
    expect(await order('CLOSES_SOONEST')).toEqual(['11', '10', '15', '12', '1']);
  });

  it("shows each flag's status from the chain and its signer's on-chain record", async () => {
    const flag = (attribution: string, auditor: string, nonce: number) =>
      h.pool.query(
        `INSERT INTO ${TABLE.apiAttributionFlag} (attribution_id, auditor, reason, nonce, deadline, signature)
         VALUES ($1, $2, 'r', $3, 1, '0x')`,
        [attribution, auditor, nonce],
      );
    await flag('15', ADDR.alice, 1); // alice's own dispute d15 is open
    await flag('16', ADDR.alice, 2); // alice's dispute d16 was upheld
    await flag('10', ADDR.bob, 3); // not escalated, window open
    await flag('13', ADDR.bob, 4); // not escalated, settled
    await flag('10', '0x000000000000000000000000000000000000dead', 5); // never seen on chain
    const r = await h.gql(`{ attributionFlags { attributionId auditor status dispute { id }
      signer { id contributionCount disputesOpened disputesWon disputesLost stake } } }`);
    expect(r.errors).toBeUndefined();
    const by = (a: string, who: string) =>
      r.data!.attributionFlags.find(
        (f: { attributionId: string; auditor: string }) => f.attributionId === a && f.auditor === who,
      );
    expect(by('15', ADDR.alice)).toMatchObject({
      status: 'DISPUTED',
      dispute: { id: 'd15' },
      signer: { id: ADDR.alice },
    });
    expect(by('16', ADDR.alice)).toMatchObject({ status: 'UPHELD', dispute: { id: 'd16' } });
    expect(by('10', ADDR.bob)).toMatchObject({
      status: 'OPEN',
      dispute: null,
      signer: { id: ADDR.bob, contributionCount: 2 },
    });
    expect(by('13', ADDR.bob)).toMatchObject({ status: 'CLOSED', dispute: null });
    expect(by('10', '0x000000000000000000000000000000000000dead')).toMatchObject({
      status: 'OPEN',
      signer: null,
    });
    const q = await h.gql(QUEUE, { s: ['DISPUTABLE'] });
    expect(q.data!.auditQueue.map((i: { attribution: { id: string } }) => i.attribution.id)).toContain('10');
  });
});

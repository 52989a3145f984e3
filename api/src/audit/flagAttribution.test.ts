import { buildFlagDomain, type FlagInput, flagTypedData } from '@ae/core/flag';
import { TABLE } from '@ae/core/tables';
import { type Hex, hexToBigInt, numberToHex, recoverTypedDataAddress } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWorld } from '../../test/fixtures.js';
import { type Harness, startHarness } from '../../test/harness.js';

const NOW = 1_800_000_000;
const domain = buildFlagDomain(1612, '0x0000000000000000000000000000000000000abc');
const auditor = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());

let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_flags', {
    services: { flagDomain: () => domain, chainHead: async () => null, now: () => NOW },
  });
  await insertWorld(h.pool);
});
afterAll(() => h?.close());

const MUTATION = `mutation($a: ID!, $r: String!, $au: String!, $d: BigInt!, $n: BigInt!, $s: String!) {
  flagAttribution(attributionId: $a, reason: $r, auditor: $au, deadline: $d, nonce: $n, signature: $s) {
    id attributionId auditor reason nonce deadline attribution { id method } } }`;

async function flag(
  over: Partial<FlagInput> = {},
  signer = auditor,
  signDomain = domain,
  tamper?: Partial<FlagInput>,
  malleate?: (signature: Hex) => Hex,
) {
  const input: FlagInput = {
    attributionId: '1',
    reason: 'weights do not replay',
    auditor: auditor.address,
    deadline: String(NOW + 600),
    nonce: '1',
    ...over,
  };
  const signed = await signer.signTypedData(flagTypedData(signDomain, input));
  const signature = malleate ? malleate(signed) : signed;
  const sent = { ...input, ...tamper };
  return h.gql(MUTATION, {
    a: sent.attributionId,
    r: sent.reason,
    au: sent.auditor,
    d: String(sent.deadline),
    n: String(sent.nonce),
    s: signature,
  });
}

describe('flagAttribution (EIP-712)', () => {
  it('accepts a valid signature, stores the flag and shows it on the attribution and in the audit queue', async () => {
    await h.pool.query(
      `INSERT INTO ${TABLE.blockDigest} (id, height, hash, timestamp, events, rows, digest)
       VALUES ('0000000088', 88, '0x', '2033-05-18T04:00:00Z', 1, 1, '')`,
    );
    const r = await flag();
    expect(r.errors).toBeUndefined();
    // one clock (issue #14): the flag records the indexed chain head, not only the API machine's time
    const clock = await h.gql('{ attributionFlags { chainHeight chainTime } }');
    expect(clock.data!.attributionFlags).toEqual([
      { chainHeight: 90, chainTime: '2033-05-18T04:00:00.000Z' },
    ]);
    expect(r.data!.flagAttribution).toMatchObject({
      attributionId: '1',
      auditor: auditor.address.toLowerCase(),
      nonce: '1',
      attribution: { id: '1', method: 'knn-shapley@1' },
    });
    const q = await h.gql(`{ attributionById(id: "1") { flags { auditor reason } verdict { verdict } }
      auditQueue { attribution { id } verdict { verdict maxDeviationPpm } openDisputes flagCount }
      flagDomain { name version chainId verifyingContract } }`);
    expect(q.data!.attributionById.flags).toEqual([
      { auditor: auditor.address.toLowerCase(), reason: 'weights do not replay' },
    ]);
    expect(q.data!.auditQueue).toEqual([
      {
        attribution: { id: '1' },
        verdict: { verdict: 'MISMATCH', maxDeviationPpm: 250000 },
        openDisputes: 1,
        flagCount: 1,
      },
    ]);
    expect(q.data!.flagDomain).toEqual({
      name: 'AttributionExplorer',
      version: '1',
      chainId: 1612,
      verifyingContract: domain.verifyingContract,
    });
  });

  it('rejects a replayed (auditor, nonce)', async () => {
    const r = await flag({ reason: 'again' });
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(r.errors?.[0]?.message).toMatch(/nonce already used/);
    const rows = await h.pool.query(`SELECT count(*)::int AS n FROM ${TABLE.apiAttributionFlag}`);
    expect(rows.rows[0].n).toBe(1);
  });

  it('rejects wrong signers, tampered messages and another domain', async () => {
    const wrong = await flag({ nonce: '2' }, stranger);
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const tampered = await flag({ nonce: '3' }, auditor, domain, { reason: 'something else' });
    expect(tampered.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const otherChain = await flag({ nonce: '4' }, auditor, buildFlagDomain(1, domain.verifyingContract));
    expect(otherChain.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps one flag per signer and attribution: a second signed submission replaces it', async () => {
    const before = (await h.gql('{ attributionFlags(attributionId: "1") { id reason createdAt updatedAt } }'))
      .data!.attributionFlags;
    expect(before).toHaveLength(1);
    const r = await flag({ nonce: '10', reason: 'second look: the top share is over-credited' });
    expect(r.errors).toBeUndefined();
    const after = (
      await h.gql('{ attributionFlags(attributionId: "1") { id reason createdAt updatedAt auditor } }')
    ).data!.attributionFlags;
    expect(after).toEqual([
      {
        id: before[0].id,
        reason: 'second look: the top share is over-credited',
        createdAt: before[0].createdAt,
        updatedAt: expect.any(String),
        auditor: auditor.address.toLowerCase(),
      },
    ]);
    expect(Date.parse(after[0].updatedAt)).toBeGreaterThanOrEqual(Date.parse(before[0].updatedAt));
    const rows = await h.pool.query(
      `SELECT count(*)::int AS n FROM ${TABLE.apiAttributionFlag} WHERE auditor = $1 AND attribution_id = $2`,
      [auditor.address.toLowerCase(), '1'],
    );
    expect(rows.rows[0].n).toBe(1);
    // the database refuses a duplicate even if a code path forgot the rule
    await expect(
      h.pool.query(
        `INSERT INTO ${TABLE.apiAttributionFlag} (attribution_id, auditor, reason, nonce, deadline, signature)
         VALUES ('1', $1, 'dup', 999, 1, '0x')`,
        [auditor.address.toLowerCase()],
      ),
    ).rejects.toThrow(/unique/);
  });

  it('refuses the high-s twin of a valid signature (EIP-2), which would otherwise recover the same signer', async () => {
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const highS = (sig: Hex): Hex => {
      const s = hexToBigInt(`0x${sig.slice(66, 130)}`);
      const v = Number.parseInt(sig.slice(130), 16);
      return `${sig.slice(0, 66)}${numberToHex(n - s, { size: 32 }).slice(2)}${(v === 27 ? 28 : 27).toString(16)}` as Hex;
    };
    const input: FlagInput = {
      attributionId: '1',
      reason: 'malleated',
      auditor: auditor.address,
      deadline: String(NOW + 600),
      nonce: '11',
    };
    const twin = highS(await auditor.signTypedData(flagTypedData(domain, input)));
    // the twin is a valid signature of the same signer for a recover that does not apply EIP-2
    expect(await recoverTypedDataAddress({ ...flagTypedData(domain, input), signature: twin })).toBe(
      auditor.address,
    );
    const r = await flag({ nonce: '11', reason: 'malleated' }, auditor, domain, undefined, highS);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(r.errors?.[0]?.message).toMatch(/high s/);
    const flags = (await h.gql('{ attributionFlags(attributionId: "1") { reason } }')).data!.attributionFlags;
    expect(flags.map((f: { reason: string }) => f.reason)).not.toContain('malleated');
    // the nonce is still free: the low-s original goes through
    expect((await flag({ nonce: '11', reason: 'malleated' })).errors).toBeUndefined();
  });

  it('rejects expired and too-distant deadlines', async () => {
    const expired = await flag({ nonce: '5', deadline: String(NOW - 1) });
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    const far = await flag({ nonce: '6', deadline: String(NOW + 10 * 86_400) });
    expect(far.errors?.[0]?.message).toMatch(/too far in the future/);
  });

  it('rejects unknown attributions and malformed input, losing nothing', async () => {
    const unknown = await flag({ nonce: '7', attributionId: '999' });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'attribution 999 not found',
      extensions: { code: 'NOT_FOUND' },
    });
    // the nonce was not burnt by the failed transaction
    const retry = await flag({ nonce: '7' });
    expect(retry.errors).toBeUndefined();
    const garbage = await h.gql(MUTATION, {
      a: '1',
      r: 'x',
      au: 'not-an-address',
      d: '1',
      n: '1',
      s: '0x00',
    });
    expect(garbage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badSig = await h.gql(MUTATION, {
      a: '1',
      r: 'x',
      au: auditor.address,
      d: String(NOW + 60),
      n: '9',
      s: `0x${'ab'.repeat(65)}`,
    });
    expect(badSig.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const badBig = await h.gql(MUTATION, {
      a: '1',
      r: 'x',
      au: auditor.address,
      d: '1e9',
      n: '9',
      s: `0x${'ab'.repeat(65)}`,
    });
    expect(badBig.errors?.[0]?.message).toMatch(/invalid BigInt/);
  });
});

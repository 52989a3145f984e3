import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWorld } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_abuse');
  await insertWorld(h.pool);
});
afterAll(() => h?.close());

/** After every attack the server must still answer a normal query. */
async function stillUp() {
  const r = await h.gql('{ datanets(orderBy: [id_ASC]) { id } }');
  expect(r.data?.datanets).toEqual([{ id: '1' }, { id: '2' }]);
}

const noLeak = (errors: Array<{ message: string }> | undefined) => {
  for (const e of errors ?? []) {
    expect(e.message).not.toMatch(/SELECT|FROM\s|relation|\.ts:|at \w+ \(/);
    expect(e).not.toHaveProperty('extensions.stack');
  }
};

describe('abuse', () => {
  it('rejects an alias bomb', async () => {
    const q = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: accounts(limit: 1000) { id }`).join(' ')} }`;
    const r = await h.gql(q);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/alias/i),
      extensions: { code: 'LIMIT_EXCEEDED' },
    });
    noLeak(r.errors);
    await stillUp();
  });

  it('rejects deep nesting', async () => {
    let inner = 'id';
    for (let i = 0; i < 20; i++) inner = `model { owner { models { ${inner} } } }`;
    const r = await h.gql(`{ inferences { ${inner} } }`);
    expect(r.errors?.[0]?.message).toMatch(/depth|cost/i);
    await stillUp();
  });

  it('rejects huge token counts and costs', async () => {
    const fields = Array.from({ length: 5000 }, () => 'id').join(' ');
    const r = await h.gql(`{ accounts { ${fields} } }`);
    expect(r.errors?.[0]?.message).toMatch(/token/i);
    await stillUp();
  });

  it('rejects huge limits, offsets, _in lists and where trees', async () => {
    const r = await h.gql('{ accounts(limit: 100000000) { id } }');
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    const o = await h.gql('{ accounts(offset: 100000000) { id } }');
    expect(o.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const big = await h.gql('query($ids: [String!]) { accounts(where: {id_in: $ids}) { id } }', {
      ids: Array.from({ length: 5000 }, (_, i) => String(i)),
    });
    expect(big.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    let where: Record<string, unknown> = { id_eq: 'x' };
    for (let i = 0; i < 300; i++) where = { OR: [where, { id_eq: String(i) }] };
    const tree = await h.gql('query($w: AccountWhereInput) { accounts(where: $w) { id } }', { w: where });
    expect(tree.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const cursor = await h.gql('{ accountsConnection(orderBy: [id_ASC], after: "abc") { totalCount } }');
    expect(cursor.errors?.[0]).toMatchObject({
      message: 'invalid cursor value',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await stillUp();
  });

  it('treats injection strings in filters as plain values', async () => {
    const evil = ["'; DROP TABLE account; --", '%', '_', '\\', "x' OR '1'='1", '$1', '"id"'];
    for (const s of evil) {
      const r = await h.gql(
        'query($s: String!, $i: String!) { a: datanets(where: {name_contains: $s}) { id } b: accounts(where: {id_eq: $i}) { id } c: datanets(where: {name_startsWith: $s}) { id } }',
        { s, i: s },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ a: [], b: [], c: [] });
    }
    const t = await h.pool.query('SELECT count(*)::int AS n FROM account');
    expect(t.rows[0].n).toBe(6);
    await stillUp();
  });

  it('rejects malformed ids and scalar values with clear errors, without SQL in them', async () => {
    const cases = [
      ['{ lineage(id: "inference:abc") { root } }', 'BAD_USER_INPUT'],
      ['{ lineage(id: "") { root } }', 'BAD_USER_INPUT'],
      ['{ inferences(where: {fee_gt: "12abc"}) { id } }', null],
      ['{ inferences(where: {timestamp_gt: "yesterday"}) { id } }', null],
      ['{ accounts(orderBy: [nope_ASC]) { id } }', null],
      ['{ accounts(where: {nope_eq: "x"}) { id } }', null],
      ['{ inferences(where: {fee_gt: 1.5}) { id } }', null],
    ] as const;
    for (const [q, code] of cases) {
      const r = await h.gql(q);
      expect(r.errors?.length, q).toBeGreaterThan(0);
      if (code) expect(r.errors?.[0]?.extensions?.code, q).toBe(code);
      noLeak(r.errors);
    }
    const byId = await h.gql('{ inferenceById(id: "\' OR 1=1 --") { id } }');
    expect(byId).toEqual({ data: { inferenceById: null } });
    await stillUp();
  });

  it('masks internal errors and maps statement timeouts', async () => {
    const { mapDbError } = await import('../src/db/mapDbError.js');
    expect(
      mapDbError(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))
        .code,
    ).toBe('TIMEOUT');
    const internal = mapDbError(
      Object.assign(new Error('syntax error at or near "FROM"'), { code: '42601' }),
    );
    expect(internal.code).toBe('INTERNAL');
    expect(internal.shortMessage).not.toMatch(/FROM/);
  });

  it('really times out a slow statement', async () => {
    const { createApi } = await import('../src/index.js');
    const pg = (await import('pg')).default;
    const pool = new pg.Pool({ connectionString: h.db.url, max: 1 });
    const slow = createApi({ pool, limits: { statementTimeoutMs: 1 }, logError: () => {} });
    const r = await (
      await slow.fetch('http://api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ lineage(id: "contribution:1", depth: 8, maxNodes: 5000) { nodes { id } } }`,
        }),
      })
    ).json();
    await pool.end();
    expect(r.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    expect(r.errors?.[0]?.message).toBe('query timed out');
  });

  it('can switch introspection off', async () => {
    const { createApi } = await import('../src/index.js');
    const closed = createApi({ pool: h.pool, introspection: false });
    const r = await (
      await closed.fetch('http://api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      })
    ).json();
    expect(r.errors?.[0]?.message).toMatch(/introspection/i);
    const open = await h.gql('{ __schema { queryType { name } } }');
    expect(open.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

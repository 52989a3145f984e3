import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDR, insertWorld } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_entities');
  await insertWorld(h.pool);
});
afterAll(() => h?.close());

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe('entity queries (OpenReader conventions)', () => {
  it('filters with every operator family', async () => {
    const r = await h.gql(`{
      a: contributions(where: {status_eq: ACCEPTED}, orderBy: [id_ASC]) { id }
      b: contributions(where: {status_in: [REJECTED, PENDING]}) { id }
      c: datanets(where: {name_startsWith: "spam"}) { id }
      d: datanets(where: {name_containsInsensitive: "IRIS"}) { id }
      e: datanets(where: {name_endsWith: "corpus"}) { id }
      f: models(where: {baseModel_isNull: true}) { id }
      g: inferences(where: {fee_gt: "1000000000000000000"}) { id fee }
      h: contributions(where: {submittedAt_gte: "2026-01-03T00:00:00Z"}, orderBy: [id_ASC]) { id submittedAt }
      i: contributions(where: {id_not_in: ["1", "2"]}, orderBy: [id_DESC]) { id }
      j: datanets(where: {name_not_contains: "spam"}) { id }
    }`);
    expect(r.errors).toBeUndefined();
    const d = r.data!;
    expect(ids(d.a)).toEqual(['1', '3', '4']);
    expect(ids(d.b)).toEqual(['2']);
    expect(ids(d.c)).toEqual(['1']);
    expect(ids(d.d)).toEqual(['2']);
    expect(ids(d.e)).toEqual(['1']);
    expect(ids(d.f)).toEqual(['1']);
    expect(d.g).toEqual([{ id: '1', fee: '10000000000000000000' }]);
    expect(d.h).toEqual([
      { id: '3', submittedAt: '2026-01-03T00:00:00.000000Z' },
      { id: '4', submittedAt: '2026-01-04T00:00:00.000000Z' },
    ]);
    expect(ids(d.i)).toEqual(['4', '3']);
    expect(ids(d.j)).toEqual(['2']);
  });

  it('nests relation filters, derived-list filters and AND/OR', async () => {
    const r = await h.gql(`{
      a: contributions(where: {datanet: {name_eq: "spam corpus"}, contributor: {id_eq: "${ADDR.bob}"}}) { id }
      b: datanets(where: {contributions_some: {status_eq: REJECTED}}) { id }
      c: datanets(where: {contributions_every: {status_eq: ACCEPTED}}) { id }
      d: contributions(where: {OR: [{id_eq: "1"}, {AND: [{datanet: {id_eq: "2"}}, {status_eq: ACCEPTED}]}]}, orderBy: [id_ASC]) { id }
      e: inferences(where: {model: {baseModel: {baseModel: {name_eq: "base spam"}}}}) { id }
      f: datanets(where: {contributions_none: {contributor: {id_eq: "${ADDR.bob}"}}}) { id }
    }`);
    expect(r.errors).toBeUndefined();
    expect(ids(r.data!.a)).toEqual(['4']);
    expect(ids(r.data!.b)).toEqual(['1']);
    expect(ids(r.data!.c)).toEqual(['2']);
    expect(ids(r.data!.d)).toEqual(['1', '3']);
    expect(ids(r.data!.e)).toEqual(['1']);
    expect(r.data!.f).toEqual([]);
  });

  it('orders by fields and by a relation field, and pages with limit/offset', async () => {
    const r = await h.gql(`{
      a: contributions(orderBy: [contributor_id_DESC, id_ASC]) { id }
      b: models(orderBy: [totalFees_DESC], limit: 1) { id }
      c: models(orderBy: [id_ASC], limit: 2, offset: 1) { id }
      d: inferences(orderBy: [model_name_ASC]) { id }
    }`);
    expect(r.errors).toBeUndefined();
    expect(ids(r.data!.a)).toEqual(['3', '4', '1', '2']);
    expect(ids(r.data!.b)).toEqual(['3']);
    expect(ids(r.data!.c)).toEqual(['2', '3']);
    expect(ids(r.data!.d)).toEqual(['1', '2']);
  });

  it('answers xById and connections with cursors and totalCount', async () => {
    const one = await h.gql(
      `{ modelById(id: "2") { name kind baseModel { id } derivedModels { id } } missing: modelById(id: "99") { id } }`,
    );
    expect(one.data).toEqual({
      modelById: {
        name: 'fine-tune',
        kind: 'FINETUNE',
        baseModel: { id: '1' },
        derivedModels: [{ id: '3' }],
      },
      missing: null,
    });
    const q = `query($after: String) { contributionsConnection(orderBy: [id_ASC], first: 3, after: $after) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const p1 = await h.gql(q);
    const c1 = p1.data!.contributionsConnection;
    expect(c1.totalCount).toBe(4);
    expect(c1.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['1', '2', '3']);
    expect(c1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = await h.gql(q, { after: c1.pageInfo.endCursor });
    const c2 = p2.data!.contributionsConnection;
    expect(c2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['4']);
    expect(c2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('caps page sizes with a clear error', async () => {
    const r = await h.gql('{ accounts(limit: 5000) { id } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/maximum page size 1000/);
    const c = await h.gql('{ accountsConnection(first: 1001, orderBy: [id_ASC]) { totalCount } }');
    expect(c.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const n = await h.gql('{ datanetById(id: "1") { contributions(limit: 1001) { id } } }');
    expect(n.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('batches relations and derived lists: statements do not grow with rows (no N+1)', async () => {
    const query = `{ datanets { id owner { id } contributions { id contributor { id } attributionShares { weightPpm attribution { inference { model { owner { id } } } } } } } }`;
    const before = h.statements();
    const r = await h.gql(query);
    const used = h.statements() - before;
    expect(r.errors).toBeUndefined();
    // datanets, owner, contributions, contributor, attributionShares, attribution, inference, model, owner(again: one
    // statement per entity per tick) — one statement per level, whatever the number of rows.
    expect(used).toBeLessThanOrEqual(9);
    expect(used).toBeGreaterThanOrEqual(5);
    expect(r.data!.datanets[0].contributions.length).toBe(3);
  });

  it('returns BigInt as strings, JSON arrays and enums as stored', async () => {
    const r = await h.gql(
      `{ attributionVerdicts { verdict maxDeviationPpm overCredited attribution { id } } accountById(id: "${ADDR.alice}") { earnedAsContributor } }`,
    );
    expect(r.data).toEqual({
      attributionVerdicts: [
        { verdict: 'MISMATCH', maxDeviationPpm: 250000, overCredited: ['3'], attribution: { id: '1' } },
      ],
      accountById: { earnedAsContributor: '6000000000000000000' },
    });
  });
});

/** One query of the conformance set: both servers must give the same data, or both refuse it. */
export interface ConformanceQuery {
  name: string;
  query: string;
  /** Variables, or a function of facts read from the index (ids that exist). */
  variables?: Record<string, unknown> | ((w: IndexFacts) => Record<string, unknown>);
  /** 'error': both servers must answer with errors and no data (the messages may differ). */
  outcome?: 'data' | 'error';
}

export interface IndexFacts {
  /** The owner of datanet 1. */
  datanetOwner: string;
}

/** The microsecond time of the verdict fixture (OpenReader prints six fractional digits). */
export const REPLAYED_AT = '2026-03-01T12:34:56.123456Z';

/**
 * The queries whose answers the API must share with @subsquid/graphql-server over the same database. Every
 * ordering ends on a unique key (OpenReader adds no tie-breaker, so ties would be in arbitrary order).
 */
export const CONFORMANCE_QUERIES: ConformanceQuery[] = [
  // 1. DateTime precision: microseconds, always six digits
  {
    name: 'DateTime with microseconds',
    query: `{ attributionVerdicts(orderBy: id_ASC) { id replayedAt verdict recomputed overCredited underCredited }
      inferences(orderBy: id_ASC, limit: 5) { id timestamp } }`,
  },
  {
    name: 'DateTime filter keeps the row (>= its millisecond)',
    query: `{ attributionVerdicts(where: {replayedAt_gte: "2026-03-01T12:34:56.123Z"}, orderBy: id_ASC) { id } }`,
  },
  // 2. id filters take a String! variable
  {
    name: 'id filter with a String! variable',
    query: `query($id: String!) { accounts(where: {id_eq: $id}) { id isContributor }
      datanets(where: {owner: {id_eq: $id}}, orderBy: id_ASC) { id } accountById(id: $id) { id } }`,
    variables: (w) => ({ id: w.datanetOwner }),
  },
  {
    name: 'an ID! variable in an id filter is refused',
    query: 'query($id: ID!) { accounts(where: {id_eq: $id}) { id } }',
    variables: { id: '1' },
    outcome: 'error',
  },
  // 3. hasPreviousPage past the end
  {
    name: 'connection past the end',
    query: `{ inferencesConnection(orderBy: id_ASC, after: "100000", first: 5) {
      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`,
  },
  {
    name: 'connection first page and the next',
    query: `{ a: contributionsConnection(orderBy: [submittedAt_DESC, id_ASC], first: 3, where: {status_in: [ACCEPTED, REJECTED]}) {
        edges { cursor node { id status submittedAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount }
      b: contributionsConnection(orderBy: [submittedAt_DESC, id_ASC], first: 3, after: "3") {
        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`,
  },
  {
    name: 'connection with first: 0 and without nodes',
    query: `{ a: datanetsConnection(orderBy: id_ASC, first: 0) { totalCount edges { cursor } pageInfo { hasNextPage startCursor endCursor } }
      b: modelsConnection(orderBy: id_ASC) { totalCount pageInfo { hasNextPage hasPreviousPage } } }`,
  },
  {
    name: 'connection cursor 0 is invalid',
    query: '{ modelsConnection(orderBy: id_ASC, after: "0") { totalCount } }',
    outcome: 'error',
  },
  { name: 'connection needs orderBy', query: '{ modelsConnection { totalCount } }', outcome: 'error' },
  // 4. _NULLS_FIRST / _NULLS_LAST
  {
    name: 'NULLS FIRST / LAST orderings',
    query: `{ a: contributions(orderBy: [reviewedAt_DESC_NULLS_LAST, id_ASC], limit: 12) { id reviewedAt }
      b: contributions(orderBy: [reviewedAt_ASC_NULLS_FIRST, id_DESC], limit: 12) { id reviewedAt }
      c: attributions(orderBy: [settledAt_DESC_NULLS_FIRST, id_ASC_NULLS_LAST], limit: 12) { id settledAt }
      d: models(orderBy: [baseModel_name_ASC_NULLS_LAST, id_ASC]) { id baseModel { name } } }`,
  },
  // 5. squidStatus
  { name: 'squidStatus', query: '{ squidStatus { height hash finalizedHeight finalizedHash } }' },
  // 6. jsonHasKey typed JSON (a JSON variable fits it)
  {
    name: 'jsonHasKey and jsonContains with JSON variables',
    query: `query($k: JSON, $c: JSON) { a: attributionVerdicts(where: {recomputed_jsonHasKey: $k}, orderBy: id_ASC) { id }
      b: attributionVerdicts(where: {recomputed_jsonContains: $c}, orderBy: id_ASC) { id } }`,
    variables: { k: 'topK', c: { method: 'knn-shapley@1' } },
  },
  // where semantics
  {
    name: 'fields OR-ed with an OR list (OpenReader: {a, OR: [b]} = a OR b)',
    query: `{ contributions(where: {status_eq: REJECTED, OR: [{datanet: {curated_eq: true}}]}, orderBy: id_ASC) { id status } }`,
  },
  {
    name: 'relation filter with LEFT JOIN semantics, empty relation filter',
    query: `{ a: models(where: {baseModel: {name_isNull: true}}, orderBy: id_ASC) { id }
      b: models(where: {baseModel: {}}, orderBy: id_ASC) { id } c: models(where: {baseModel_isNull: false}, orderBy: id_ASC) { id } }`,
  },
  {
    name: 'derived-list filters (some, every with NULLs, none)',
    query: `{ a: datanets(where: {contributions_every: {reviewedAt_gt: "2000-01-01T00:00:00Z"}}, orderBy: id_ASC) { id }
      b: accounts(where: {contributions_some: {status_eq: REJECTED}}, orderBy: id_ASC) { id }
      c: datanets(where: {contributions_none: {status_eq: REJECTED}}, orderBy: id_ASC) { id }
      d: models(where: {derivedModels_some: {}}, orderBy: id_ASC) { id } }`,
  },
  {
    name: 'string operators',
    query: `{ a: datanets(where: {name_containsInsensitive: "A"}, orderBy: id_ASC) { id name }
      b: datanets(where: {name_not_contains: "Newsletters"}, orderBy: id_ASC) { id }
      c: models(where: {name_startsWith: "spam-mlp-adapter"}, orderBy: id_ASC) { id } d: models(where: {name_endsWith: "e"}, orderBy: id_ASC) { id }
      e: accounts(where: {id_startsWith: "0x", id_not_endsWith: "0", id_contains: "c"}, orderBy: id_DESC, limit: 5) { id }
      f: datanets(where: {name_gt: "SpamAssassin O"}, orderBy: name_ASC) { name } }`,
  },
  {
    name: 'numbers, BigInt, enums, booleans, lists',
    query: `{ a: inferences(where: {fee_gt: "0"}, orderBy: [fee_DESC, id_ASC], limit: 5) { id fee }
      b: contributions(where: {submittedBlock_gte: 10, submittedBlock_lt: 60}, orderBy: id_ASC, limit: 200) { id submittedBlock }
      c: attributions(where: {status_in: [SETTLED, UPHELD]}, orderBy: id_ASC) { id status }
      d: datanets(where: {curated_eq: true}, orderBy: id_ASC) { id curated }
      e: attributionVerdicts(where: {overCredited_containsAny: ["1", "2", "3", "4", "5"]}, orderBy: id_ASC) { id }
      f: rewardAccruals(where: {inference_isNull: true}, orderBy: id_ASC, limit: 10) { id role }
      g: inferences(where: {fee_in: ["19000000000000000"], index_not_in: ["11"]}, orderBy: id_ASC) { id } }`,
  },
  // ordering and paging
  {
    name: 'orderBy through a relation, merged as OpenReader merges it',
    query: `{ a: inferences(orderBy: [model_name_ASC, id_DESC], limit: 10) { id model { name } }
      b: attributionShares(orderBy: [contribution_id_ASC, id_DESC, contribution_submittedAt_DESC], limit: 20) { id } }`,
  },
  {
    name: 'limit and offset',
    query:
      '{ a: contributions(orderBy: id_ASC, limit: 4, offset: 3) { id } b: contributions(orderBy: id_DESC, offset: 2, limit: 2) { id } }',
  },
  // nesting
  {
    name: 'nested relations and derived lists with arguments',
    query: `{ datanets(orderBy: id_ASC) { id owner { id } contributions(orderBy: index_DESC, limit: 3, where: {status_eq: ACCEPTED}) {
        id contributor { id } attributionShares(orderBy: id_ASC, limit: 2) { id weightPpm } } } }`,
  },
  {
    name: 'byId, missing id',
    query: `{ modelById(id: "1") { id name kind owner { id } baseModel { id } derivedModels(orderBy: id_ASC) { id } }
      missing: modelById(id: "no such model") { id } }`,
  },
];

/** Runs a GraphQL query and returns its `data` (each end-to-end test brings its own transport). */
export type Gql = (query: string) => Promise<any>;

/**
 * The figures that end-to-end tests compare with `scenario-truth.json`, read through the public API only:
 * shared by the API's end-to-end test and `npm start`'s, so both ask the same questions.
 */
export async function readTruthFigures(gql: Gql) {
  const d =
    await gql(`{ networkTotals { datanets contributions models inferences attributions disputes totalFees }
      checkpointsConnection(orderBy: [id_ASC]) { totalCount } attributionSharesConnection(orderBy: [id_ASC]) { totalCount }
      rejected: contributionsConnection(orderBy: [id_ASC], where: {status_eq: REJECTED}) { totalCount } }`);
  const a = await gql(
    '{ accounts(limit: 1000) { earnedAsContributor earnedAsModelOwner earnedAsProvider earnedAsStaker earnedAsProtocol } }',
  );
  const sum = (k: string) =>
    a.accounts.reduce((s: bigint, x: Record<string, string>) => s + BigInt(x[k] ?? '0'), 0n).toString();
  return {
    networkTotals: d.networkTotals,
    checkpoints: d.checkpointsConnection.totalCount as number,
    attributionShares: d.attributionSharesConnection.totalCount as number,
    rejectedContributions: d.rejected.totalCount as number,
    paidPerRole: {
      CONTRIBUTOR: sum('earnedAsContributor'),
      MODEL_OWNER: sum('earnedAsModelOwner'),
      PROVIDER: sum('earnedAsProvider'),
      STAKER: sum('earnedAsStaker'),
      PROTOCOL: sum('earnedAsProtocol'),
    },
  };
}

/** What the scenario's governance phase did, for scenario-truth.json (decimal strings for uint256). */
export interface GovernanceTruth {
  proposer: string;
  /** The delegate most stake was delegated to. */
  delegate: string;
  delegations: { delegator: string; delegatee: string }[];
  proposals: {
    key: string;
    id: string;
    description: string;
    /** The state the proposal is in when the scenario's governance phase ends. */
    state: string;
    forVotes: string;
    againstVotes: string;
    abstainVotes: string;
    votes: number;
    actions: number;
  }[];
  grants: { grantId: string; recipient: string; amount: string; kind: number; targetId: string }[];
  /**
   * Settings changed by executed proposals beyond parameters: a PoA method allowed or not (subject = method
   * id), a curated datanet approved (subject = datanet id), a compute provider approved (subject = address).
   */
  settings: { proposal: string; contract: string; functionName: string; subject: string; on: boolean }[];
  /** The fee split after the executed proposal, in bps. */
  splitAfter: Record<string, number>;
  treasurySeed: string;
}

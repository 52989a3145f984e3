import { parseEther, zeroHash } from 'viem';
import type { World } from '../world.js';
import { action, type ScenarioProposal } from './governanceCalls.js';

/** The PoA method governance retires: superseded by knn-shapley@2 (issue 19), no new posting uses it. */
export const RETIRED_METHOD = 'knn-shapley@1';

/** Treasury grant kinds (Treasury.GRANT_*). */
export const GRANT_DATANET = 1;
export const GRANT_AMOUNT = parseEther('20');
export const TREASURY_SEED = parseEther('50');

export type PlannedOutcome = 'Executed' | 'Defeated' | 'Queued';

export interface PlannedProposal extends ScenarioProposal {
  key:
    | 'feeSplit'
    | 'votedDown'
    | 'noQuorum'
    | 'grant'
    | 'queued'
    | 'retireMethod'
    | 'curatedDatanet'
    | 'providers';
  outcome: PlannedOutcome;
}

/**
 * The proposals the scenario plays, from the chain's parameters: a fee-split change that passes and runs
 * (its effect shows in every later FeeSplit), one voted down, one that misses quorum, a grant to the owner of
 * the first datanet, one left queued in the Timelock; and the three approvals (all executed): a PoA method
 * retired, the first curated datanet approved, every compute provider approved to serve (none may serve
 * before: the deployment approves no provider, and no inference runs before this phase).
 */
export function scenarioProposals(w: World): PlannedProposal[] {
  const s = w.ledger.currentSplit;
  const p = w.params;
  const datanet = w.datanets[0].id;
  const owner = w.accounts.curator[w.plan.datanets[0].owner].address;
  const curatedIndex = w.plan.datanets.findIndex((d) => d.curated);
  const moved = 500n; // 5 % from model owners to contributors
  const newSplit = {
    protocolBps: Number(s.protocolBps),
    modelOwnerBps: Number(s.modelOwnerBps - moved),
    providerBps: Number(s.providerBps),
    stakersBps: Number(s.stakersBps),
    contributorsBps: Number(s.contributorsBps + moved),
  };
  const pct = (bps: bigint) => `${Number(bps) / 100} %`;
  return [
    {
      key: 'feeSplit',
      outcome: 'Executed',
      description: `# Fee split: contributors ${pct(s.contributorsBps)} → ${pct(s.contributorsBps + moved)}\n\nData is the product: move 5 % of every inference fee from model owners to the contributors it is attributed to.`,
      actions: [action('RewardDistributor', 'setSplit', [newSplit])],
    },
    {
      key: 'votedDown',
      outcome: 'Defeated',
      description: '# Fee split: stakers 0 %\n\nGive the stakers share to the protocol treasury.',
      actions: [
        action('RewardDistributor', 'setSplit', [
          { ...newSplit, protocolBps: newSplit.protocolBps + newSplit.stakersBps, stakersBps: 0 },
        ]),
      ],
    },
    {
      key: 'noQuorum',
      outcome: 'Defeated',
      description: '# Halve the dispute bond\n\nCheaper disputes, more auditors.',
      actions: [
        action('AttributionRegistry', 'setParameters', [p.challengeWindow, p.minBond / 2n, p.slashAmount]),
      ],
    },
    {
      key: 'grant',
      outcome: 'Executed',
      description: `# Grant: 20 OPEN to datanet ${datanet}\n\nFund the curation of the first datanet.`,
      actions: [
        action('Treasury', 'payGrant', [
          owner,
          GRANT_AMOUNT,
          GRANT_DATANET,
          datanet,
          `datanet ${datanet} curation`,
        ]),
      ],
    },
    {
      key: 'queued',
      outcome: 'Queued',
      description: '# Longer challenge window\n\nDouble the time auditors have to dispute an attribution.',
      actions: [
        action('AttributionRegistry', 'setParameters', [p.challengeWindow * 2, p.minBond, p.slashAmount]),
      ],
    },
    {
      key: 'retireMethod',
      outcome: 'Executed',
      description: `# Retire ${RETIRED_METHOD}\n\nknn-shapley@2 posts tied contributions fairly; postings of ${RETIRED_METHOD} are refused from now on (old ones stay replayable).`,
      actions: [action('AttributionRegistry', 'setMethod', [RETIRED_METHOD, false, zeroHash])],
    },
    ...(curatedIndex < 0
      ? []
      : [
          {
            key: 'curatedDatanet' as const,
            outcome: 'Executed' as const,
            description: `# Approve datanet ${w.datanets[curatedIndex].id} as curated\n\nIts curators review every contribution; the community vouches for the result.`,
            actions: [action('DatanetRegistry', 'setApproval', [w.datanets[curatedIndex].id, true])],
          },
        ]),
    {
      key: 'providers',
      outcome: 'Executed',
      description: `# Approve ${w.accounts.provider.length} compute providers\n\nThe providers staked and registered; approve them to serve paid inferences.`,
      actions: w.accounts.provider.map((pr) =>
        action('ComputeRegistry', 'setProviderApproval', [pr.address, true]),
      ),
    },
  ];
}

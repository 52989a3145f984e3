import { attributionHandlers } from './attributions.js';
import { datanetHandlers } from './datanets.js';
import { allGovernanceHandlers, withSplitHistory } from './governance/governanceHandlers.js';
import { inferenceHandlers } from './inferences.js';
import { modelHandlers } from './models.js';
import { rewardHandlers } from './rewards.js';
import { stakingHandlers } from './staking.js';
import type { HandlerMap } from './types.js';

/** One handler per handled event (the type makes a missing one a compile error). */
export const HANDLERS: HandlerMap = {
  ...stakingHandlers,
  ...datanetHandlers,
  ...modelHandlers,
  ...inferenceHandlers,
  ...attributionHandlers,
  ...rewardHandlers,
  ...allGovernanceHandlers,
  SplitParametersChanged: withSplitHistory(rewardHandlers.SplitParametersChanged),
};

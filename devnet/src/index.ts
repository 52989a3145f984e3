export * from '@ae/contracts/devnet';
export { anvilBinary } from './chain/anvilBinary.js';
export { devnetChain } from './chain/devnetChain.js';
export { devnetNameTags } from './chain/devnetNameTags.js';
export {
  type EnsureDeploymentOptions,
  type EnsuredDeployment,
  ensureDeployment,
  isLive,
} from './chain/ensureDeployment.js';
export { fundAddresses } from './chain/fundAddresses.js';
export {
  type Anvil,
  type AnvilOptions,
  freePort,
  OPENLEDGER_CHAIN_ID,
  rpcAnswers,
  startAnvil,
} from './chain/startAnvil.js';
export { type Devnet, type StartDevnetOptions, startDevnet } from './chain/startDevnet.js';
export { type DevnetConfig, loadConfig } from './config.js';
export * from './scenario/index.js';

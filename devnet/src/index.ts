export { anvilBinary } from './chain/anvilBinary.js';
export { devnetChain } from './chain/devnetChain.js';
export {
  ANVIL_MNEMONIC,
  type Anvil,
  type AnvilOptions,
  freePort,
  OPENLEDGER_CHAIN_ID,
  startAnvil,
} from './chain/startAnvil.js';

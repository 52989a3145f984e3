import { loadConfig } from '../config.js';

const config = loadConfig();

/** Only non-secret settings reach the browser. */
export const load = () => ({ ipfsGateway: config.ipfsGateway, devnetSigner: config.devnetSigner });

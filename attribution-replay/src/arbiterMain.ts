import { arbiterCommand } from './dispute/arbiterCli.js';

/** The devnet arbiter service (`npm run arbiter -w attribution-replay`): same as `attribution-replay arbiter`. */
process.exitCode = await arbiterCommand(process.argv.slice(2));

import { workerCommand } from './worker/workerCli.js';

/** The replay worker service (`npm start -w attribution-replay`): same as `attribution-replay worker`. */
process.exitCode = await workerCommand(process.argv.slice(2));

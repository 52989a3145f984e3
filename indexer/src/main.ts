import { loadConfig } from './config.js';
import { routeSquidLogs } from './log/routeSquidLogs.js';
import { runIndexer } from './runIndexer.js';

/** The indexer service: `npm start -w indexer` (configuration: see src/config.ts). */
routeSquidLogs();
try {
  await runIndexer(loadConfig());
} catch (e) {
  console.error(e);
  process.exit(1);
}

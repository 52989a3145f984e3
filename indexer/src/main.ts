import { fileURLToPath } from 'node:url';
import {
  exitWithSupervisor,
  isSupervisedChild,
  superviseProcessor,
} from './supervisor/superviseProcessor.js';

/**
 * The indexer service: `npm start -w indexer` (configuration: see src/config.ts). This process supervises;
 * the processor runs in a child process of the same module (see superviseProcessor).
 */
if (!isSupervisedChild()) {
  const { loadConfig } = await import('./config.js');
  const { explainExit } = await import('./reorg/chainStop.js');
  const { createLogger } = await import('@subsquid/logger');
  (await import('./log/routeSquidLogs.js')).routeSquidLogs();
  const cfg = loadConfig();
  const log = createLogger('ae:indexer');
  process.exit(
    await superviseProcessor(
      fileURLToPath(import.meta.url),
      (m) => log.info(m),
      (code) => explainExit(cfg, log, code),
    ),
  );
}
exitWithSupervisor();
const { loadConfig } = await import('./config.js');
const { routeSquidLogs } = await import('./log/routeSquidLogs.js');
const { runIndexer } = await import('./runIndexer.js');
routeSquidLogs();
try {
  await runIndexer(loadConfig());
} catch (e) {
  console.error(e);
  process.exit(1);
}

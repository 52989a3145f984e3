// Entry of a heavy worker thread when the API runs from its TypeScript sources: worker threads do not take
// `--import tsx` from execArgv, so the thread registers tsx itself, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./heavyWorker.ts');

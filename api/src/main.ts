import { BaseError } from '@ae/core';
import { startApiServer } from './server/startApiServer.js';

/** `npm start -w api`: the GraphQL API on API_PORT (default 4350). */
try {
  const running = await startApiServer();
  console.log(`[api] GraphQL API at ${running.url}`);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  console.error(`[api] cannot start: ${e instanceof BaseError ? e.message : String(e)}`);
  process.exit(1);
}

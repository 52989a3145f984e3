/**
 * Healthchecks of docker-compose.yml, run inside the app image (no curl there):
 *   node --import tsx scripts/healthcheck.ts deployment <rpcUrl> <deploymentFile>   chain is up and deployed
 *   node --import tsx scripts/healthcheck.ts graphql <url>                          the API answers a query
 *   node --import tsx scripts/healthcheck.ts http <url>                             an HTTP server answers
 * Exit code 0 healthy, 1 not (yet).
 */
import { deployedOn, graphql, httpStatus } from './start/probe.js';

async function healthy(argv: string[]): Promise<boolean> {
  const [kind, a, b] = argv;
  if (kind === 'deployment' && a && b) return (await deployedOn(a, b)) !== undefined;
  if (kind === 'graphql' && a) return graphql(a, '{ __typename }').then(() => true);
  if (kind === 'http' && a) return ((await httpStatus(a)) ?? 500) < 500;
  throw new Error('usage: healthcheck.ts deployment <rpcUrl> <file> | graphql <url> | http <url>');
}

healthy(process.argv.slice(2)).then(
  (ok) => process.exit(ok ? 0 : 1),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

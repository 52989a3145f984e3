import { defineProject } from 'vitest/config';

export default defineProject({
  // graphql ships CJS (main) and ESM (module): Node and every dependency (yoga, armor) load the CJS build, so
  // the tests must too, or GraphQLError/GraphQLSchema would come from two module instances.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

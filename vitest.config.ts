import { defineConfig } from 'vitest/config';

// One runner for the whole tree: every workspace is a project with its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['core', 'contracts', 'attribution-replay', 'devnet', 'indexer', 'api', 'explorer', 'scripts'],
    maxWorkers: 2,
  },
});

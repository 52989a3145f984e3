export { type Deployment, type IndexerConfig, loadConfig } from './config.js';
export { dataSourceOptions, ENTITIES } from './db/dataSourceOptions.js';
export { MIGRATIONS_DIR } from './db/migrationsDir.js';
export { runMigrations } from './db/runMigrations.js';
export { chainDigest, GENESIS_DIGEST } from './digest/chainDigest.js';
export { INDEXED_TABLES, type StateFingerprint, stateFingerprint } from './digest/stateFingerprint.js';
export * from './model/generated/index.js';
export { runIndexer } from './runIndexer.js';
export { getIndexerStatus, type IndexerStatus } from './status/getIndexerStatus.js';

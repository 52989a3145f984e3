export * from './model/generated/index.js';
export { dataSourceOptions, ENTITIES, MIGRATIONS_DIR } from './db/dataSourceOptions.js';
export { runMigrations } from './db/runMigrations.js';
export { createTestDatabase, type TestDatabase } from './testing/createTestDatabase.js';

import type { DataSourceOptions } from 'typeorm';
import * as model from '../model/generated/index.js';
import { MIGRATIONS_DIR } from './migrationsDir.js';
import { SnakeNamingStrategy } from './snakeNamingStrategy.js';

/** Every entity class of the generated model (classes, not globs: the model is TypeScript run through tsx). */
// biome-ignore lint/complexity/noBannedTypes: TypeORM names entity classes by the Function type
export const ENTITIES: Function[] = (Object.values(model) as unknown[]).filter(
  // biome-ignore lint/complexity/noBannedTypes: see above
  (v): v is Function => typeof v === 'function' && /^[A-Z]/.test(v.name),
);

/**
 * The TypeORM options the indexer, its migrations and its tests share: squid's snake_case naming so table
 * and column names match what squid tooling (and the API) expect.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    entities: ENTITIES,
    migrations: [`${MIGRATIONS_DIR}/*.cjs`],
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
  };
}

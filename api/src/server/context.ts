import type { auditLoaders } from '../audit/auditQueries.js';
import type { ApiLimits } from '../config.js';
import type { Db } from '../db/db.js';
import type { Loaders, QueryLimits } from '../loaders/createLoaders.js';
import type { Model } from '../schema/readModel.js';
import type { ApiServices } from './services.js';

/** What every resolver gets: the data model, the database, the limits and this request's dataloaders. */
export interface ApiContext {
  model: Model;
  db: Db;
  limits: QueryLimits & ApiLimits;
  loaders: Loaders;
  audit: ReturnType<typeof auditLoaders>;
  services: ApiServices;
}

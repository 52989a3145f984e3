import type { auditLoaders } from '../audit/auditQueries.js';
import type { ApiLimits } from '../config.js';
import type { Db } from '../db/db.js';
import type { Model } from '../entities/model/readModel.js';
import type { Loaders } from '../entities/resolve/createLoaders.js';
import type { ApiServices } from './services.js';

/** What every resolver gets: the data model, the database, the limits and this request's dataloaders. */
export interface ApiContext {
  model: Model;
  db: Db;
  limits: ApiLimits;
  loaders: Loaders;
  audit: ReturnType<typeof auditLoaders>;
  services: ApiServices;
}

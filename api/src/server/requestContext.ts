import { auditLoaders } from '../audit/auditQueries.js';
import type { ApiLimits } from '../config.js';
import type { Db } from '../db/db.js';
import type { Model } from '../entities/model/readModel.js';
import { createLoaders } from '../entities/resolve/createLoaders.js';
import type { ApiContext } from './context.js';
import type { ApiServices } from './services.js';

export interface ContextParts {
  model: Model;
  limits: ApiLimits;
  /** false: no dataloader batching (the bench's naive baseline). */
  batching: boolean;
  services: ApiServices;
}

/** One request's context over `db`: fresh dataloaders, so nothing is cached across requests. */
export function requestContext(p: ContextParts, db: Db): ApiContext {
  const verdictEntity = p.model.entities.get('AttributionVerdict');
  if (!verdictEntity) throw new Error('schema.graphql has no AttributionVerdict entity');
  return {
    model: p.model,
    db,
    limits: p.limits,
    loaders: createLoaders(p.model, db, p.limits, p.batching),
    audit: auditLoaders(db, verdictEntity, () => p.services.challengeClock?.() ?? Promise.resolve(null)),
    services: p.services,
  };
}

import { type ModelEvaluation, readModelEvaluation } from '@ae/attribution-replay/span-match';
import type { Row } from '../entities/resolve/createLoaders.js';
import type { ApiContext } from '../server/context.js';

/** Resolvers of evaluationTypeDefs: null, never an error, when the store or the record is missing. */
export const evaluationResolvers = {
  Model: {
    evaluation: async (m: Row, _a: Record<string, unknown>, ctx: ApiContext) => {
      const store = ctx.services.artifacts;
      if (!store || typeof m.trainingConfigHash !== 'string') return null;
      return readModelEvaluation(store, m.trainingConfigHash);
    },
  },
  ModelEvaluation: {
    classesPredicted: (e: ModelEvaluation) => e.predicted.filter((c) => c > 0).length,
  },
};

import { readFileSync } from 'node:fs';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import {
  createSchema,
  createYoga,
  type GraphiQLOptions,
  type Plugin,
  type YogaServerInstance,
} from 'graphql-yoga';
import type pg from 'pg';
import { auditLoaders } from '../audit/auditQueries.js';
import { auditResolvers } from '../audit/auditResolvers.js';
import { auditTypeDefs } from '../audit/auditTypeDefs.js';
import { type ApiLimits, DEFAULT_LIMITS } from '../config.js';
import { customResolvers } from '../custom/customResolvers.js';
import { customTypeDefs } from '../custom/customTypeDefs.js';
import { createDb, type Db } from '../db/db.js';
import { createMaskError } from '../errors/maskError.js';
import { createLoaders } from '../loaders/createLoaders.js';
import { buildEntityTypeDefs } from '../schema/buildEntityTypeDefs.js';
import { entityResolvers } from '../schema/entityResolvers.js';
import { type Model, readModel, schemaFile } from '../schema/readModel.js';
import { scalarResolvers } from '../schema/scalars.js';
import type { ApiContext } from './context.js';
import { type ApiServices, createServices, type ServiceOptions } from './services.js';

/** The page is 9 MB of inlined GraphiQL: rendered once per title, not per request. */
const graphiqlPages = new Map<string, string>();
function renderGraphiQLOnce(opts?: GraphiQLOptions): string {
  const key = JSON.stringify(opts ?? {});
  let page = graphiqlPages.get(key);
  if (!page) {
    page = renderGraphiQL(opts);
    graphiqlPages.set(key, page);
  }
  return page;
}

export interface CreateApiOptions {
  pool: pg.Pool;
  /** schema.graphql's text (default: the repository's file). */
  schemaSdl?: string;
  limits?: Partial<ApiLimits>;
  introspection?: boolean;
  graphiql?: boolean;
  corsOrigin?: string;
  /** Deployment / RPC (or ready-made services, for tests). */
  services?: ApiServices | ServiceOptions;
  /** false: no dataloader batching, one statement per relation per row (the bench's naive baseline). */
  batching?: boolean;
  /** Where internal errors are logged (default console.error). */
  logError?: (e: unknown) => void;
}

export type ApiInstance = YogaServerInstance<object, ApiContext> & { model: Model; db: Db };

const isServices = (s: unknown): s is ApiServices => typeof (s as ApiServices)?.chainHead === 'function';

const disableIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

/**
 * Builds the GraphQL API over a pg pool: the entity surface generated from schema.graphql plus the custom
 * queries, behind graphql-armor limits, masked errors and per-statement timeouts. Returns the yoga instance,
 * which is both a Node request listener and a fetch handler (`api.fetch(...)` in tests).
 */
export function createApi(o: CreateApiOptions): ApiInstance {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const model = readModel(o.schemaSdl ?? readFileSync(schemaFile(), 'utf8'));
  const db = createDb(o.pool, limits.statementTimeoutMs);
  const services = isServices(o.services) ? o.services : createServices(o.services ?? {});
  const entity = entityResolvers(model);
  const resolvers = [scalarResolvers, entity, customResolvers, auditResolvers];
  const schema = createSchema<ApiContext>({
    typeDefs: [buildEntityTypeDefs(model), customTypeDefs, auditTypeDefs],
    resolvers: resolvers as never,
  });
  const verdictEntity = model.entities.get('AttributionVerdict');
  if (!verdictEntity) throw new Error('schema.graphql has no AttributionVerdict entity');
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
      maxAliases: { n: limits.maxAliases },
      maxTokens: { n: limits.maxTokens },
      maxDirectives: { n: 20 },
      costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true },
      blockFieldSuggestion: { enabled: true },
    }) as Plugin,
  ];
  if (o.introspection === false) plugins.push(disableIntrospection);
  const yoga = createYoga<object, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: o.graphiql !== false ? { title: 'Attribution explorer API' } : false,
    // GraphiQL with its scripts, styles and editor workers inline: yoga's default page loads them from a CDN
    // and stays blank on a machine without the internet (a devnet, an air-gapped auditor).
    renderGraphiQL: renderGraphiQLOnce,
    landingPage: false,
    cors: { origin: o.corsOrigin ?? '*', methods: ['GET', 'POST', 'OPTIONS'] },
    maskedErrors: { maskError: createMaskError(o.logError), errorMessage: 'internal error' },
    logging: false,
    plugins,
    context: () => ({
      model,
      db,
      limits,
      services,
      loaders: createLoaders(model, db, limits, o.batching !== false),
      audit: auditLoaders(db, verdictEntity, () => services.challengeClock?.() ?? Promise.resolve(null)),
    }),
  });
  return Object.assign(yoga, { model, db }) as ApiInstance;
}

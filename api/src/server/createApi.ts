import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type GraphiQLOptions, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type pg from 'pg';
import { type ApiLimits, DEFAULT_LIMITS } from '../config.js';
import { createDb, type Db } from '../db/db.js';
import { type Model, readModel, readSchemaSdl } from '../entities/model/readModel.js';
import { createMaskError } from '../errors/maskError.js';
import type { AdmissionQueue } from './admission/AdmissionQueue.js';
import { admission } from './admission/admissionPlugin.js';
import { apiSchema } from './apiSchema.js';
import type { ApiContext } from './context.js';
import { type HeavyWorkerData, HeavyWorkers } from './heavy/HeavyWorkers.js';
import { rawResultPlugin } from './heavy/rawResult.js';
import { requestContext } from './requestContext.js';
import { csrfGuard, inputDepthGuard } from './requestGuards.js';
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
  /** Connections for heavy operations (default: `pool`; admission control still bounds how many they use). */
  heavyPool?: pg.Pool;
  /** schema.graphql's text (default: the repository's file). */
  schemaSdl?: string;
  limits?: Partial<ApiLimits>;
  introspection?: boolean;
  graphiql?: boolean;
  corsOrigin?: string;
  /** false: no admission control (the bench's baseline). */
  admission?: boolean;
  /**
   * Run heavy operations on worker threads with their own connections to this database (API_HEAVY_POOL_SIZE
   * in all); without, they run on the main thread over `heavyPool`.
   */
  heavyWorkers?: { databaseUrl: string; poolSize: number; services?: HeavyWorkerData['services'] };
  /** Deployment / RPC (or ready-made services, for tests). */
  services?: ApiServices | ServiceOptions;
  /** false: no dataloader batching, one statement per relation per row (the bench's naive baseline). */
  batching?: boolean;
  /** Where internal errors are logged (default console.error). */
  logError?: (e: unknown) => void;
}

export type ApiInstance = YogaServerInstance<object, ApiContext> & {
  model: Model;
  db: Db;
  admission?: AdmissionQueue;
  heavyWorkers?: HeavyWorkers;
  /** Settles when the heavy worker threads have started. */
  ready(): Promise<void>;
  /** Stops the heavy worker threads (the pools stay the caller's). */
  close(): Promise<void>;
};

const isServices = (s: unknown): s is ApiServices => typeof (s as ApiServices)?.chainHead === 'function';

const disableIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

/**
 * Builds the GraphQL API over a pg pool: the OpenReader entity surface generated from schema.graphql, squidStatus
 * and the custom queries; behind CSRF and input-depth guards, graphql-armor limits, cost-based admission
 * control, masked errors and per-statement timeouts. Returns the yoga instance, which is both a Node request
 * listener and a fetch handler (`api.fetch(...)` in tests).
 */
export function createApi(o: CreateApiOptions): ApiInstance {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const model = readModel(o.schemaSdl ?? readSchemaSdl());
  const db = createDb(o.pool, limits.statementTimeoutMs);
  const heavyDb = o.heavyPool ? createDb(o.heavyPool, limits.statementTimeoutMs) : db;
  const services = isServices(o.services) ? o.services : createServices(o.services ?? {});
  const schema = apiSchema(model);
  const parts = { model, limits, batching: o.batching !== false, services };
  const plugins: Plugin[] = [
    csrfGuard(),
    inputDepthGuard(limits.maxInputDepth),
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
  // Validation errors are returned, not thrown: yoga's masking never sees them, this plugin does.
  const maskOptions = { log: o.logError, suggestions: o.introspection !== false };
  const maskError = createMaskError(maskOptions);
  const maskValidation = createMaskError({ ...maskOptions, phase: 'validation' });
  plugins.push({
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length) setResult(result.map((e) => maskValidation(e, 'internal error') as GraphQLError));
      },
  });
  const workers =
    o.admission !== false && o.heavyWorkers
      ? new HeavyWorkers(Math.max(1, limits.heavyConcurrency), {
          databaseUrl: o.heavyWorkers.databaseUrl,
          poolSize: Math.max(1, Math.ceil(o.heavyWorkers.poolSize / Math.max(1, limits.heavyConcurrency))),
          limits,
          suggestions: o.introspection !== false,
          schemaSdl: o.schemaSdl,
          services: o.heavyWorkers.services ?? {},
        })
      : undefined;
  const control =
    o.admission === false ? undefined : admission(limits, () => requestContext(parts, heavyDb), workers);
  if (control) plugins.push(control.plugin, rawResultPlugin());
  const yoga = createYoga<object, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: o.graphiql !== false ? { title: 'Attribution explorer API' } : false,
    // GraphiQL with its scripts, styles and editor workers inline: yoga's default page loads them from a CDN
    // and stays blank on a machine without the internet (a devnet, an air-gapped auditor).
    renderGraphiQL: renderGraphiQLOnce,
    landingPage: false,
    cors: { origin: o.corsOrigin ?? '*', methods: ['GET', 'POST', 'OPTIONS'] },
    maskedErrors: {
      maskError,
      errorMessage: 'internal error',
    },
    logging: false,
    plugins,
    context: () => requestContext(parts, db),
  });
  const close = async () => workers?.close();
  const ready = async () => workers?.ready();
  return Object.assign(yoga, {
    model,
    db,
    admission: control?.queue,
    heavyWorkers: workers,
    ready,
    close,
  }) as ApiInstance;
}

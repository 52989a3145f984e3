import { parentPort, workerData } from 'node:worker_threads';
import { loadDeployment } from '@ae/core';
import { execute, type GraphQLError, parse } from 'graphql';
import pg from 'pg';
import { createDb } from '../../db/db.js';
import { readModel, readSchemaSdl } from '../../entities/model/readModel.js';
import { createMaskError } from '../../errors/maskError.js';
import { apiSchema } from '../apiSchema.js';
import { requestContext } from '../requestContext.js';
import { createServices } from '../services.js';
import type { HeavyJob, HeavyWorkerData } from './HeavyWorkers.js';

/**
 * A thread that executes heavy operations with its own schema, connections and event loop, and answers with
 * the response body already serialised: the main thread's event loop only moves the string, so cheap requests
 * never wait while graphql-js completes and serialises tens of thousands of objects.
 */
const d = workerData as HeavyWorkerData;
const model = readModel(d.schemaSdl ?? readSchemaSdl());
const schema = apiSchema(model);
const pool = new pg.Pool({
  connectionString: d.databaseUrl,
  max: d.poolSize,
  statement_timeout: Math.max(1, Math.floor(d.limits.statementTimeoutMs)),
  options: '-c jit=off -c plan_cache_mode=force_generic_plan',
});
const db = createDb(pool, d.limits.statementTimeoutMs);
const services = createServices({ ...d.services, deployment: () => loadDeployment(process.env) });
const parts = { model, limits: d.limits, batching: true, services };
const mask = createMaskError({ suggestions: d.suggestions });
const encoder = new TextEncoder();

parentPort?.postMessage({ ready: true });
parentPort?.on('message', async (job: HeavyJob) => {
  let body: string;
  try {
    const result = await execute({
      schema,
      document: parse(job.query),
      variableValues: job.variables,
      operationName: job.operationName,
      contextValue: requestContext(parts, db),
    });
    const errors = result.errors?.map((e) => (mask(e, 'internal error') as GraphQLError).toJSON());
    body = JSON.stringify(errors ? { errors, data: result.data } : { data: result.data });
  } catch (e) {
    const error = (mask(e, 'internal error') as GraphQLError).toJSON();
    body = JSON.stringify({ errors: [error] });
  }
  // UTF-8 bytes, moved (not copied) to the main thread, which writes them as they are
  const bytes = encoder.encode(body);
  parentPort?.postMessage({ id: job.id, body: bytes }, [bytes.buffer]);
});

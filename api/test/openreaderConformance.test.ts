import { TABLE } from '@ae/core/tables';
import { type ScenarioHarness, startScenarioHarness } from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModel, readSchemaSdl, schemaFiles } from '../src/entities/model/readModel.js';
import { type ApiInstance, createApi } from '../src/index.js';
import { insertRow } from './fixtures.js';
import { CONFORMANCE_QUERIES, type IndexFacts, REPLAYED_AT } from './openreader/querySet.js';
import { type ReferenceServer, startReferenceServer } from './openreader/referenceServer.js';
import { compareSchemas, INTROSPECTION, type IntrospectedSchema } from './openreader/schemaDiff.js';

/**
 * The API against the real OpenReader server (@subsquid/graphql-server, pinned) over the same database and
 * schema.graphql: the small scenario's index plus two replay verdicts with microsecond times. Both must expose
 * the same entity schema (queries, arguments, where inputs, orderBy values, object fields and their types) and
 * answer every query of CONFORMANCE_QUERIES alike.
 */
let index: ScenarioHarness;
let pool: pg.Pool;
let api: ApiInstance;
let reference: ReferenceServer;
let facts: IndexFacts;

interface Answer {
  data?: unknown;
  errors?: Array<{ message: string }>;
}

async function ask(url: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  };
  const r = url === 'api' ? await api.fetch('http://api/graphql', init) : await fetch(url, init);
  return (await r.json()) as Answer;
}

beforeAll(async () => {
  index = await startScenarioHarness({ scale: 'small', seed: 7, prefix: 'api_openreader' });
  pool = new pg.Pool({ connectionString: index.db.url, max: 4 });
  const attributions = (await pool.query(`SELECT id, method FROM ${TABLE.attribution} ORDER BY id LIMIT 2`))
    .rows;
  for (const [i, a] of attributions.entries()) {
    await insertRow(pool, 'attribution_verdict', {
      id: `${a.id}:${a.method}`,
      attribution_id: a.id,
      method: a.method,
      verdict: i === 0 ? 'MISMATCH' : 'VERIFIED',
      over_credited: i === 0 ? ['1', '3'] : [],
      recomputed: i === 0 ? { method: a.method, topK: [{ contributionId: '1', weightPpm: 600000 }] } : [],
      replayed_at: i === 0 ? REPLAYED_AT : '2026-03-02T00:00:00.5Z',
    });
  }
  const owner = await pool.query(`SELECT owner_id FROM ${TABLE.datanet} WHERE id = '1'`);
  facts = { datanetOwner: owner.rows[0].owner_id };
  api = createApi({ pool, logError: () => {} });
  reference = await startReferenceServer(index.db.url, schemaFiles());
});

afterAll(async () => {
  await reference?.stop();
  await pool?.end();
  await index?.close();
});

describe('OpenReader conformance (@subsquid/graphql-server over the same database)', () => {
  it('exposes the same entity schema', async () => {
    const ours = (await ask('api', INTROSPECTION)).data as IntrospectedSchema;
    const theirs = (await ask(reference.url, INTROSPECTION)).data as IntrospectedSchema;
    // the comparison is one-way (ours may add types), so first: the reference serves every entity of the model
    const served = new Set(theirs.__schema.types.map((t) => t.name));
    const entities = [...readModel(readSchemaSdl()).entities.keys()];
    expect(entities).toContain('AttributionVerdict');
    expect(entities.filter((e) => !served.has(e))).toEqual([]);
    expect(compareSchemas(theirs, ours)).toEqual([]);
  });

  it('answers the query set alike', async () => {
    const differences: string[] = [];
    let nonEmpty = 0;
    const empty: string[] = [];
    for (const q of CONFORMANCE_QUERIES) {
      const vars = typeof q.variables === 'function' ? q.variables(facts) : q.variables;
      const [ours, theirs] = await Promise.all([
        ask('api', q.query, vars),
        ask(reference.url, q.query, vars),
      ]);
      if (q.outcome === 'error') {
        if (!ours.errors?.length || !theirs.errors?.length || ours.data || theirs.data)
          differences.push(
            `${q.name}: expected both to refuse, ours ${JSON.stringify(ours)}, OpenReader ${JSON.stringify(theirs)}`,
          );
        continue;
      }
      if (theirs.errors)
        differences.push(`${q.name}: OpenReader refused it: ${JSON.stringify(theirs.errors)}`);
      else if (JSON.stringify(ours) !== JSON.stringify(theirs))
        differences.push(
          `${q.name}:\n  ours       ${JSON.stringify(ours)}\n  OpenReader ${JSON.stringify(theirs)}`,
        );
      if (/\[\{|":[1-9"]/.test(JSON.stringify(theirs.data))) nonEmpty++;
      else empty.push(q.name);
    }
    expect(differences.join('\n')).toBe('');
    // the set is about data: nearly every query must have found rows, or the comparison proves little
    expect(nonEmpty, `no rows: ${empty.join('; ')}`).toBeGreaterThanOrEqual(
      CONFORMANCE_QUERIES.filter((q) => q.outcome !== 'error').length - 2,
    );
  });
});

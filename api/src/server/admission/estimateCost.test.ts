import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../config.js';
import { readModel, readSchemaSdl } from '../../entities/model/readModel.js';
import { apiSchema } from '../apiSchema.js';
import { costModel } from './admissionPlugin.js';
import { estimateCost } from './estimateCost.js';

const schema = apiSchema(readModel(readSchemaSdl()));
const cost = (q: string, vars?: Record<string, unknown>) =>
  estimateCost(schema, parse(q), undefined, vars, costModel(DEFAULT_LIMITS));

describe('estimateCost', () => {
  it('prices a lookup by id and its relations at a handful of rows', () => {
    expect(cost('{ datanetById(id: "1") { name owner { id } } }')).toBeLessThan(10);
    expect(cost('{ squidStatus { height } networkTotals { datanets } }')).toBeLessThan(
      DEFAULT_LIMITS.heavyCost,
    );
  });

  it('multiplies nested lists by their page sizes (literal, variable, or the maximum when unbounded)', () => {
    expect(cost('{ datanets(limit: 10) { id contributions(limit: 5) { id } } }')).toBe(10 + 50);
    expect(cost('query($n: Int) { datanets(limit: $n) { id } }', { n: 30 })).toBe(30);
    expect(cost('{ datanets { id } }')).toBe(DEFAULT_LIMITS.maxPageSize);
    expect(cost('{ datanets { contributions { id } } }')).toBe(1000 + 1000 * 1000);
    expect(
      cost('{ inferencesConnection(orderBy: id_ASC, first: 20) { edges { node { model { name } } } } }'),
    ).toBe(
      20 * 4, // the connection, its edges, their nodes, their models
    );
  });

  it('counts fragments where they are spread, and the operation that runs', () => {
    const q = `query A { ...F } query B { datanetById(id: "1") { id } } fragment F on Query { accounts(limit: 100) { id } }`;
    expect(estimateCost(schema, parse(q), 'A', {}, costModel(DEFAULT_LIMITS))).toBe(100);
    expect(estimateCost(schema, parse(q), 'B', {}, costModel(DEFAULT_LIMITS))).toBeLessThan(5);
  });

  it('makes big lineage walks and unbounded nested lists heavy, small pages cheap', () => {
    const heavy = DEFAULT_LIMITS.heavyCost;
    expect(
      cost('{ lineage(id: "inference:1", depth: 8, maxNodes: 5000) { nodes { id } } }'),
    ).toBeGreaterThanOrEqual(heavy);
    expect(cost('{ inferences(limit: 1000) { attributions { shares { id } } } }')).toBeGreaterThanOrEqual(
      heavy,
    );
    expect(cost('{ inferences(limit: 50, orderBy: id_DESC) { id model { name } } }')).toBeLessThan(heavy);
  });
});

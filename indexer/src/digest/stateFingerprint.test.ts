import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@ae/core';
import { toSnakeCase } from '@subsquid/util-naming';
import { describe, expect, it } from 'vitest';
import { INDEXED_TABLES } from './stateFingerprint.js';

describe('INDEXED_TABLES', () => {
  it('names every table the indexer writes (each entity of schema.graphql but the status row)', () => {
    const schema = readFileSync(join(REPO_ROOT, 'schema.graphql'), 'utf8');
    const entities = [...schema.matchAll(/^type (\w+) @entity/gm)].map((m) => toSnakeCase(m[1]));
    expect([...INDEXED_TABLES].sort()).toEqual(entities.filter((t) => t !== 'indexer_state').sort());
  });
});

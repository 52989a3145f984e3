import { GENESIS_POA_METHODS } from '@ae/contracts';
import { describe, expect, it } from 'vitest';
import { SPAN_MATCH_METHOD } from '../methods/spanMatch/spanParams.js';
import { METHODS } from './postings.js';

describe('the PoA methods a new deployment allows', () => {
  it('include every method this engine runs, so nothing it posts is refused on a fresh chain', () => {
    for (const m of [...METHODS, SPAN_MATCH_METHOD]) expect(GENESIS_POA_METHODS, m).toContain(m);
  });
});

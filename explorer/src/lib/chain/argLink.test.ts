import { describe, expect, it } from 'vitest';
import { argView } from './argLink.js';

describe('argView', () => {
  it('links addresses and protocol ids, shows amounts as OPEN and the rest as text', () => {
    expect(argView({ name: 'user', type: 'address', value: '0xab' })).toEqual({
      as: 'entity',
      kind: 'account',
      id: '0xab',
    });
    expect(argView({ name: 'inferenceId', type: 'uint256', value: '7' })).toEqual({
      as: 'entity',
      kind: 'inference',
      id: '7',
    });
    expect(argView({ name: 'baseModelId', type: 'uint256', value: '0' })).toMatchObject({ kind: 'model' });
    expect(argView({ name: 'contentHash', type: 'bytes32', value: '0x01' })).toEqual({
      as: 'hash',
      id: '0x01',
    });
    expect(argView({ name: 'fee', type: 'uint256', value: '10' })).toEqual({ as: 'open', wei: '10' });
    expect(argView({ name: 'weightPpm', type: 'uint32', value: '5' })).toEqual({ as: 'text', text: '5' });
    expect(argView({ name: 'name', type: 'string', value: '<b>' })).toEqual({ as: 'text', text: '<b>' });
  });
});

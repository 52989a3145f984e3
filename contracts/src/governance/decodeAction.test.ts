import { CONTRACT_NAMES } from '@ae/core';
import fc from 'fast-check';
import { encodeFunctionData, getAddress, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { rewardDistributorAbi } from '../../generated/abi.js';
import { decodeAction } from './decodeAction.js';

const contracts = Object.fromEntries(
  CONTRACT_NAMES.map((n, i) => [n, getAddress(`0x${(i + 1).toString(16).padStart(40, '0')}`)]),
) as Record<(typeof CONTRACT_NAMES)[number], string>;

describe('decodeAction', () => {
  it('decodes a fee split change on the RewardDistributor, target matched case-insensitively', () => {
    const split = {
      protocolBps: 500,
      modelOwnerBps: 2500,
      providerBps: 1500,
      stakersBps: 1000,
      contributorsBps: 4500,
    };
    const data = encodeFunctionData({ abi: rewardDistributorAbi, functionName: 'setSplit', args: [split] });
    const d = decodeAction(contracts, contracts.RewardDistributor.toLowerCase(), data);
    expect(d).toEqual({
      contract: 'RewardDistributor',
      functionName: 'setSplit',
      args: JSON.stringify([split]),
    });
  });

  it('answers nulls, never throws, for any target and calldata', () => {
    const hex = fc.uint8Array({ maxLength: 100 }).map((b) => `0x${Buffer.from(b).toString('hex')}` as Hex);
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(contracts), `0x${'f'.repeat(40)}`),
        hex,
        (target, data) => {
          const d = decodeAction(contracts, target, data);
          if (d.functionName === null) expect(d.args).toBeNull();
          if (d.contract === null) expect(d.functionName).toBeNull();
        },
      ),
    );
  });
});

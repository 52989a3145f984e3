import { attributionRegistryAbi, computeRegistryAbi, datanetRegistryAbi, decodeAction } from '@ae/contracts';
import { CONTRACT_NAMES, type ContractName } from '@ae/core';
import fc from 'fast-check';
import { type Abi, encodeFunctionData, zeroHash } from 'viem';
import { describe, expect, it } from 'vitest';
import { actionSummary } from './actionSummary.js';

const CONTRACTS = Object.fromEntries(
  CONTRACT_NAMES.map((n, i) => [n, `0x${(i + 1).toString(16).padStart(40, '0')}`]),
) as Record<ContractName, string>;
/** The summary of a call as the indexer stores it: encoded, then decoded by decodeAction. */
function words(contract: ContractName, abi: Abi, functionName: string, args: unknown[]) {
  const data = encodeFunctionData({ abi, functionName, args } as never);
  const d = decodeAction(CONTRACTS, CONTRACTS[contract], data);
  return actionSummary(d.contract, d.functionName, d.args);
}

const split = {
  protocolBps: 500,
  modelOwnerBps: 3000,
  providerBps: 1500,
  stakersBps: 1000,
  contributorsBps: 4000,
};

describe('actionSummary', () => {
  it('says a fee split change from → to, naming only the shares that change', () => {
    const next = { ...split, modelOwnerBps: 2500, contributorsBps: 4500 };
    expect(actionSummary('RewardDistributor', 'setSplit', JSON.stringify([next]), split)).toBe(
      'fee split: model owners 30 % → 25 %, contributors 40 % → 45 %',
    );
  });

  it('reads grants and parameter sets in OPEN and seconds', () => {
    const grant = JSON.stringify(['0xAbC', '20000000000000000000', 1, '3', 'memo']);
    expect(actionSummary('Treasury', 'payGrant', grant)).toBe('grant 20 OPEN to 0xabc for datanet 3');
    expect(
      actionSummary(
        'AttributionRegistry',
        'setParameters',
        JSON.stringify(['7200', '500000000000000000', '50000000000000000000']),
      ),
    ).toBe('challenge window 7200 s, dispute bond 0.5 OPEN, slash 50 OPEN');
  });

  it('says the governed approvals in plain words, from calldata as the indexer decodes it', () => {
    const m = attributionRegistryAbi as Abi;
    expect(words('AttributionRegistry', m, 'setMethod', ['tracin-cp@1', true, zeroHash])).toBe(
      'method tracin-cp@1 allowed',
    );
    expect(words('AttributionRegistry', m, 'setMethod', ['knn-shapley@1', false, zeroHash])).toBe(
      'method knn-shapley@1 disallowed',
    );
    const pin = `0x${'ab'.repeat(32)}`;
    expect(words('AttributionRegistry', m, 'setMethod', ['span-match@1', true, pin])).toBe(
      `method span-match@1 allowed, canonical parameters ${pin}`,
    );
    expect(words('DatanetRegistry', datanetRegistryAbi as Abi, 'setApproval', [3n, true])).toBe(
      'datanet 3 approved as curated',
    );
    const p = '0x00000000000000000000000000000000000000ff';
    expect(words('ComputeRegistry', computeRegistryAbi as Abi, 'setProviderApproval', [p, true])).toBe(
      `compute provider ${p.toLowerCase()} approved`,
    );
    expect(words('ComputeRegistry', computeRegistryAbi as Abi, 'setProviderApproval', [p, false])).toBe(
      `compute provider ${p.toLowerCase()} no longer approved`,
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.boolean(), (id, on) => {
        const s = words('AttributionRegistry', m, 'setMethod', [id, on, zeroHash]);
        expect(s).toBe(`method ${id} ${on ? 'allowed' : 'disallowed'}`);
      }),
    );
  });

  it('never throws on hostile indexer text', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (c, f, a) => {
        expect(typeof actionSummary(c, f, a)).toBe('string');
      }),
    );
    expect(actionSummary('Treasury', 'payGrant', '{not json')).toBe('Treasury.payGrant(…)');
  });
});

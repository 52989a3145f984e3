import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionSummary } from './actionSummary.js';

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

  it('never throws on hostile indexer text', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (c, f, a) => {
        expect(typeof actionSummary(c, f, a)).toBe('string');
      }),
    );
    expect(actionSummary('Treasury', 'payGrant', '{not json')).toBe('Treasury.payGrant(…)');
  });
});

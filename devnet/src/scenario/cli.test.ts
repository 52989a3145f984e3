import { describe, expect, it } from 'vitest';
import { parseScenarioOptions } from './cli.js';

describe('parseScenarioOptions', () => {
  it('reads a full request and applies defaults', () => {
    expect(parseScenarioOptions({ scenario: 'ecosystem', seed: '7', scale: 'medium', live: true })).toEqual({
      seed: 7,
      scale: 'medium',
      manipulatedShare: 0.03,
      live: true,
    });
    expect(parseScenarioOptions({ scenario: 'ecosystem' })).toEqual({
      seed: 1,
      scale: 'small',
      manipulatedShare: 0.03,
      live: false,
    });
    expect(parseScenarioOptions({})).toBeUndefined();
  });

  it('rejects bad values with a clear message before anything boots', () => {
    expect(() => parseScenarioOptions({ scenario: 'other' })).toThrow(/unknown scenario/);
    expect(() => parseScenarioOptions({ scenario: 'ecosystem', seed: '-1' })).toThrow(/--seed/);
    expect(() => parseScenarioOptions({ scenario: 'ecosystem', seed: '1.5' })).toThrow(/--seed/);
    expect(() => parseScenarioOptions({ scenario: 'ecosystem', scale: 'huge' })).toThrow(/--scale/);
    expect(() => parseScenarioOptions({ scenario: 'ecosystem', 'manipulated-share': 'NaN' })).toThrow(
      /--manipulated-share/,
    );
    expect(() => parseScenarioOptions({ seed: '3' })).toThrow(/need --scenario/);
  });
});

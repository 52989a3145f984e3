import { describe, expect, it } from 'vitest';
import { linkTransactions } from './linkTransactions.js';

const nodes = [
  { id: 'user:0xAb', label: 'u', stage: 'USER' },
  { id: 'model:3', label: 'm', stage: 'MODEL' },
  { id: 'datanet:1', label: 'd', stage: 'DATANET' },
  { id: 'role:PROVIDER', label: 'providers', stage: 'RECIPIENT' },
  { id: 'other:MODEL', label: 'Other', stage: 'MODEL' },
];

describe('linkTransactions', () => {
  it('maps each kind of link to the entity that carries its money', () => {
    expect(linkTransactions({ source: 'user:0xAb', target: 'model:3', amount: '1' }, nodes).where).toEqual({
      user: { id_eq: '0xAb' },
      model: { id_eq: '3' },
    });
    const share = linkTransactions({ source: 'model:3', target: 'datanet:1', amount: '1' }, nodes);
    expect(share.field).toBe('attributionSharesConnection');
    expect(share.where).toEqual({ datanet: { id_eq: '1' }, attribution: { model: { id_eq: '3' } } });
    const reward = linkTransactions({ source: 'model:3', target: 'role:PROVIDER', amount: '1' }, nodes);
    expect(reward.where).toEqual({ role_eq: 'PROVIDER', inference: { model: { id_eq: '3' } } });
  });
  it('drops aggregate ends instead of filtering on them', () => {
    expect(
      linkTransactions({ source: 'other:MODEL', target: 'role:PROVIDER', amount: '1' }, nodes).where,
    ).toEqual({ role_eq: 'PROVIDER' });
  });
});

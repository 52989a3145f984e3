/** Colour and short tag of each lineage node kind (colour is never the only cue: the tag is printed). */
export const KIND_STYLE: Record<string, { color: string; tag: string }> = {
  account: { color: 'var(--c6)', tag: 'ACC' },
  contribution: { color: 'var(--c2)', tag: 'CON' },
  datanet: { color: 'var(--c3)', tag: 'DN' },
  datanetVersion: { color: 'var(--c3)', tag: 'VER' },
  model: { color: 'var(--c1)', tag: 'MOD' },
  checkpoint: { color: 'var(--c1)', tag: 'CKP' },
  inference: { color: 'var(--c4)', tag: 'INF' },
  attribution: { color: 'var(--c5)', tag: 'ATT' },
  reward: { color: 'var(--c2)', tag: 'RWD' },
  rewardGroup: { color: 'var(--c2)', tag: 'RWD' },
  grant: { color: 'var(--c5)', tag: 'GRT' },
  more: { color: 'var(--muted)', tag: 'MORE' },
};
/** What each kind is, for the legend. */
export const KIND_NAMES: Record<string, string> = {
  account: 'account',
  contribution: 'contribution (data)',
  datanet: 'datanet',
  model: 'model',
  checkpoint: 'checkpoint',
  inference: 'inference',
  attribution: 'attribution',
  reward: 'reward credit',
  rewardGroup: 'rewards, grouped',
  grant: 'treasury grant (funds a datanet or model)',
  more: 'folded nodes',
};
const KEY = (kind: string) => (kind === 'rewardGroup' ? kind : kind.toLowerCase());
/** Style of a node kind, whatever its case (the API sends DATANET, the client's own nodes say more). */
export const styleOf = (kind: string) =>
  KIND_STYLE[KEY(kind)] ?? { color: 'var(--muted)', tag: kind.slice(0, 3).toUpperCase() };
export const kindKey = KEY;

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
  more: { color: 'var(--muted)', tag: '…' },
};
export const styleOf = (kind: string) =>
  KIND_STYLE[kind] ?? { color: 'var(--muted)', tag: kind.slice(0, 3).toUpperCase() };

import type { Direction, ViewState } from './types.js';

export const DEFAULT_DEPTH = 3;
export const MAX_DEPTH = 8;
const DIRS: Direction[] = ['UPSTREAM', 'DOWNSTREAM', 'BOTH'];

/** Node ids never contain commas; older links encoded each id once more (%3A), which still reads. */
const list = (s: string | null) =>
  s
    ? s
        .split(',')
        .filter(Boolean)
        .map((x) => {
          try {
            return decodeURIComponent(x);
          } catch {
            return x;
          }
        })
    : [];

/** Reads the lineage view from URL search params; anything malformed falls back to the default. */
export function parseViewState(p: URLSearchParams): ViewState {
  const dir = (p.get('dir') ?? '').toUpperCase() as Direction;
  const depth = Number(p.get('depth'));
  return {
    direction: DIRS.includes(dir) ? dir : 'BOTH',
    depth: Number.isInteger(depth) && depth >= 1 && depth <= MAX_DEPTH ? depth : DEFAULT_DEPTH,
    selected: p.get('sel') || null,
    focus: p.get('focus') === '1',
    expanded: list(p.get('exp')),
    opened: list(p.get('open')),
    pinned: list(p.get('pin')),
    collapsed: list(p.get('col')),
  };
}

/** Writes the view into `p` (other params are kept), omitting defaults so URLs stay short. */
export function writeViewState(p: URLSearchParams, s: ViewState): URLSearchParams {
  const out = new URLSearchParams(p);
  const set = (k: string, v: string | null) => (v ? out.set(k, v) : out.delete(k));
  // URLSearchParams encodes once; encoding the ids here too made `exp=contribution%253A12`
  const enc = (a: string[]) => (a.length ? [...new Set(a)].join(',') : null);
  set('dir', s.direction === 'BOTH' ? null : s.direction.toLowerCase());
  set('depth', s.depth === DEFAULT_DEPTH ? null : String(s.depth));
  set('sel', s.selected);
  set('focus', s.focus ? '1' : null);
  set('exp', enc(s.expanded));
  set('open', enc(s.opened));
  set('pin', enc(s.pinned));
  set('col', enc(s.collapsed));
  return out;
}

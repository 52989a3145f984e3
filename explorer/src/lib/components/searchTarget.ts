import { entityHref } from './entityHref.js';

export interface Hit {
  kind: string;
  id: string;
  label: string | null;
  exact?: boolean;
}

/**
 * Where Enter in the search box goes: straight to the page when the answer is unambiguous (the one hit the text
 * names exactly — a whole id, address, hash or name — or the only hit), otherwise to the list of matches.
 */
export function searchTarget(text: string, hits: Hit[]): string {
  const t = text.trim().toLowerCase();
  const exact = hits.filter(
    (h) => h.exact ?? (h.id.toLowerCase() === t || (h.label ?? '').toLowerCase() === t),
  );
  const pick = exact.length === 1 ? exact[0] : hits.length === 1 ? hits[0] : null;
  const href = pick ? entityHref(pick.kind.toLowerCase(), pick.id) : null;
  return href ?? `/search?q=${encodeURIComponent(text.trim())}`;
}

/** Merges hit lists, keeping the first of each (kind, id). */
export function mergeHits<T extends Hit>(...lists: T[][]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const h of lists.flat()) {
    const k = `${h.kind.toLowerCase()}|${h.id.toLowerCase()}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(h);
    }
  }
  return out;
}

/** Groups hits by kind in a fixed, predictable order. */
export function groupHits<T extends Hit>(hits: T[]): { kind: string; hits: T[] }[] {
  const order = [
    'transaction',
    'block',
    'account',
    'datanet',
    'model',
    'contribution',
    'inference',
    'attribution',
    'dispute',
    'checkpoint',
  ];
  const groups = new Map<string, T[]>();
  for (const h of hits) {
    const k = h.kind.toLowerCase();
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(h);
  }
  return [...groups.entries()]
    .sort(
      (a, b) =>
        ((order.indexOf(a[0]) + 99) % 99) - ((order.indexOf(b[0]) + 99) % 99) || a[0].localeCompare(b[0]),
    )
    .map(([kind, hits]) => ({ kind, hits }));
}

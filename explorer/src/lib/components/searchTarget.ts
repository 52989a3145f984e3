import { entityHref } from './entityHref.js';

export interface Hit {
  kind: string;
  id: string;
  label: string | null;
}

/**
 * Where Enter in the search box goes: straight to the page when the answer is unambiguous (one hit,
 * or a hit whose id equals the text), otherwise to the list of matches.
 */
export function searchTarget(text: string, hits: Hit[]): string {
  const t = text.trim().toLowerCase();
  const exact = hits.filter((h) => h.id.toLowerCase() === t || (h.label ?? '').toLowerCase() === t);
  const pick = hits.length === 1 ? hits[0] : exact.length === 1 ? exact[0] : null;
  const href = pick ? entityHref(pick.kind.toLowerCase(), pick.id) : null;
  return href ?? `/search?q=${encodeURIComponent(text.trim())}`;
}

/** Groups hits by kind in a fixed, predictable order. */
export function groupHits(hits: Hit[]): { kind: string; hits: Hit[] }[] {
  const order = ['datanet', 'model', 'account', 'inference', 'contribution', 'attribution', 'transaction'];
  const groups = new Map<string, Hit[]>();
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

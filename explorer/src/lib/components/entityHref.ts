export type EntityKind =
  | 'account'
  | 'datanet'
  | 'model'
  | 'inference'
  | 'contribution'
  | 'attribution'
  | 'checkpoint'
  | 'dispute'
  | 'proposal'
  | 'hash'
  | 'tx'
  | 'transaction'
  | 'block';

/** The page of an entity, or null for values that have none (content hashes, reward accruals). */
export function entityHref(kind: EntityKind | string, id: string): string | null {
  const e = encodeURIComponent(id);
  switch (kind.toLowerCase()) {
    case 'account':
      return `/account/${e}`;
    case 'datanet':
      return `/datanet/${e}`;
    case 'model':
      return `/model/${e}`;
    case 'inference':
      return `/inference/${e}`;
    case 'contribution':
      return `/contribution/${e}`;
    case 'attribution':
      return `/attribution/${e}`;
    case 'checkpoint':
      return `/model/${encodeURIComponent(id.split('-')[0])}`;
    case 'dispute':
      return `/audits?dispute=${e}`;
    case 'proposal':
      return `/governance/proposal/${e}`;
    case 'tx':
    case 'transaction':
      return `/tx/${e}`;
    case 'block':
      return `/block/${e}`;
    default:
      return null;
  }
}

/** Lineage node ids look like `contribution:12` or `account:0x…`; this maps them to pages. */
export function lineageNodeHref(nodeId: string): string | null {
  const i = nodeId.indexOf(':');
  if (i < 0) return null;
  return entityHref(nodeId.slice(0, i), nodeId.slice(i + 1));
}

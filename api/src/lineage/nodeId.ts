import { UserError } from '@ae/core';
import { NODE_KINDS, type NodeKindName } from './edgeRelations.js';

const KEY_RE: Record<NodeKindName, RegExp> = {
  account: /^0x[0-9a-f]{40}$/,
  datanet: /^\d{1,78}$/,
  contribution: /^\d{1,78}$/,
  model: /^\d{1,78}$/,
  checkpoint: /^\d{1,78}-\d{1,78}$/,
  inference: /^\d{1,78}$/,
  attribution: /^\d{1,78}$/,
  reward: /^[0-9a-zA-Z-]{1,64}$/,
  grant: /^\d{1,78}$/,
};

export interface NodeRef {
  kind: NodeKindName;
  key: string;
}

/**
 * Parses a typed node id ('model:3', 'account:0xAbc..') into kind and entity id, checking the id's shape so that
 * malformed input fails with a clear message instead of an empty graph. A bare id is accepted when the caller
 * names exactly one kind.
 */
export function parseNodeId(id: string, onlyKind?: NodeKindName): NodeRef {
  const i = id.indexOf(':');
  const kind = (i < 0 ? onlyKind : id.slice(0, i).toLowerCase()) as NodeKindName | undefined;
  const raw = i < 0 ? id : id.slice(i + 1);
  if (!kind || !(NODE_KINDS as readonly string[]).includes(kind)) {
    throw new UserError(
      `invalid node id ${JSON.stringify(id.slice(0, 80))}: expected <kind>:<id> with kind one of ${NODE_KINDS.join(', ')}`,
    );
  }
  const key = kind === 'account' ? raw.toLowerCase() : raw;
  if (!KEY_RE[kind].test(key)) throw new UserError(`invalid ${kind} id ${JSON.stringify(raw.slice(0, 80))}`);
  return { kind, key };
}

export const nodeId = (kind: string, key: string) => `${kind}:${key}`;

import type { DocumentNode } from 'graphql';
import { INFERENCES_CONN, REWARDS_CONN, SHARES_CONN, TRANSFERS_CONN } from '../graphql/tables.js';
import { inferenceCols, rewardCols, shareCols, transferCols } from '../table/columns.js';
import type { Column } from '../table/types.js';
import type { FlowLink, FlowNode } from './fold.js';

export interface LinkQuery {
  title: string;
  doc: DocumentNode;
  field: string;
  columns: Column[];
  where: Record<string, unknown>;
  defaultOrder: string;
}

/** `model:3` → { kind: 'model', id: '3' }; aggregates (`other:…`) have no id to filter on. */
function parse(id: string): { kind: string; id: string | null } {
  const i = id.indexOf(':');
  const kind = i < 0 ? id : id.slice(0, i);
  const rest = i < 0 ? '' : id.slice(i + 1);
  return { kind, id: kind === 'other' || !rest ? null : rest };
}

const ROLES = ['CONTRIBUTOR', 'MODEL_OWNER', 'PROVIDER', 'STAKER', 'PROTOCOL'];

/**
 * The transactions behind one Sankey link, as a connection query for a DataTable: fees from a user to a
 * model are inferences, model→datanet money is attribution shares, money reaching a recipient is reward
 * accruals, and slashes are token transfers. Filters use whatever ends of the link are concrete entities.
 */
export function linkTransactions(link: FlowLink, nodes: FlowNode[]): LinkQuery {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const s = byId.get(link.source);
  const t = byId.get(link.target);
  const src = parse(link.source);
  const dst = parse(link.target);
  const title = `${s?.label ?? link.source} → ${t?.label ?? link.target}`;
  const stage = (n?: FlowNode) => n?.stage.toUpperCase() ?? '';
  if (stage(s) === 'SOURCE') {
    return {
      title,
      doc: TRANSFERS_CONN,
      field: 'tokenTransfersConnection',
      columns: transferCols,
      where: { kind_eq: 'SLASH' },
      defaultOrder: 'blockNumber_DESC',
    };
  }
  if (stage(s) === 'USER') {
    const where: Record<string, unknown> = {};
    if (src.id) where.user = { id_eq: src.id };
    if (dst.kind === 'model' && dst.id) where.model = { id_eq: dst.id };
    return {
      title,
      doc: INFERENCES_CONN,
      field: 'inferencesConnection',
      columns: inferenceCols,
      where,
      defaultOrder: 'blockNumber_DESC',
    };
  }
  if (stage(t) === 'DATANET') {
    const where: Record<string, unknown> = {};
    if (dst.id) where.datanet = { id_eq: dst.id };
    if (src.kind === 'model' && src.id) where.attribution = { model: { id_eq: src.id } };
    return {
      title,
      doc: SHARES_CONN,
      field: 'attributionSharesConnection',
      columns: shareCols,
      where,
      defaultOrder: 'blockNumber_DESC',
    };
  }
  // → recipient: reward accruals, narrowed by the recipient (account or role) and the upstream entity.
  const where: Record<string, unknown> = {};
  if (dst.kind === 'role' && dst.id && ROLES.includes(dst.id)) where.role_eq = dst.id;
  else if (dst.id && /^0x[0-9a-f]+$/i.test(dst.id)) where.account = { id_eq: dst.id.toLowerCase() };
  if (src.kind === 'model' && src.id) where.inference = { model: { id_eq: src.id } };
  if (src.kind === 'datanet' && src.id) where.role_eq = 'CONTRIBUTOR';
  return {
    title,
    doc: REWARDS_CONN,
    field: 'rewardAccrualsConnection',
    columns: rewardCols,
    where,
    defaultOrder: 'blockNumber_DESC',
  };
}

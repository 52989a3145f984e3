import { COLUMN, TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';
import { planSearch, prefixEnd, type SearchPlan } from './searchPlan.js';

export interface SearchHit {
  kind: string;
  id: string;
  nodeId: string | null;
  label: string;
  matchedBy: string;
  /** the text names this entity exactly (the explorer goes straight to its page) */
  exact: boolean;
}

const NODE_PREFIX: Record<string, string> = {
  ACCOUNT: 'account',
  DATANET: 'datanet',
  MODEL: 'model',
  CONTRIBUTION: 'contribution',
  INFERENCE: 'inference',
  ATTRIBUTION: 'attribution',
  CHECKPOINT: 'checkpoint',
};

const KIND_ORDER = [
  'TRANSACTION',
  'ACCOUNT',
  'DATANET',
  'MODEL',
  'CONTRIBUTION',
  'INFERENCE',
  'ATTRIBUTION',
  'DISPUTE',
  'BLOCK',
  'CHECKPOINT',
];

/** Entity tables looked up by id: kind, table, label. */
const BY_ID: [string, string, string][] = [
  ['DATANET', TABLE.datanet, 'name'],
  ['MODEL', TABLE.model, 'name'],
  ['CONTRIBUTION', TABLE.contribution, `'contribution #' || id`],
  ['INFERENCE', TABLE.inference, `'inference #' || id`],
  ['ATTRIBUTION', TABLE.attribution, `'attribution #' || id`],
  ['DISPUTE', TABLE.dispute, `'dispute #' || id`],
];

/** Tables whose tx_hash names the transaction that created the row. */
const TX_TABLES = [
  TABLE.inference,
  TABLE.contribution,
  TABLE.attribution,
  TABLE.tokenTransfer,
  TABLE.datanet,
  TABLE.model,
  TABLE.dispute,
];

/** Hash columns that identify an entity: kind, table, column, label. */
const HASH_COLUMNS: [string, string, string, string][] = [
  ['CONTRIBUTION', TABLE.contribution, COLUMN.contribution.contentHash, `'contribution #' || id`],
  ['MODEL', TABLE.model, COLUMN.model.artifactHash, 'name'],
  [
    'CHECKPOINT',
    TABLE.checkpoint,
    COLUMN.checkpoint.checkpointHash,
    `'checkpoint ' || model_id || ' step ' || step`,
  ],
];

class Sql {
  readonly params: unknown[] = [];
  readonly branches: string[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
  add(
    kind: string,
    id: string,
    label: string,
    by: string,
    exact: boolean | string,
    rank: number | string,
    from: string,
  ) {
    this.branches.push(
      `(SELECT '${kind}'::text AS kind, (${id})::text AS id, (${label})::text AS label, '${by}'::text AS by, ${exact} AS exact, ${rank} AS o ${from} LIMIT 20)`,
    );
  }
}

/** `col` starts with `prefix` (and ends with `suffix`): a btree range plus an exact check. */
function prefixCond(q: Sql, col: string, prefix: string, suffix?: string): string {
  const p = q.p(prefix);
  const end = q.p(prefixEnd(prefix));
  const tail = suffix ? ` AND right(${col}, ${suffix.length}) = ${q.p(suffix)}` : '';
  return `${col} >= ${p} AND ${col} < ${end} AND starts_with(${col}, ${p})${tail}`;
}

function addId(q: Sql, id: string, exact: boolean, kinds?: string[]) {
  const v = q.p(id);
  for (const [kind, table, label] of BY_ID)
    if (!kinds || kinds.includes(kind))
      q.add(kind, 'id', label, 'id', exact, 2, `FROM ${table} WHERE id = ${v}`);
  if (!kinds || kinds.includes('BLOCK'))
    q.add(
      'BLOCK',
      v,
      `'block ' || ${v}`,
      'blockNumber',
      exact,
      3,
      `FROM ${TABLE.indexerState} WHERE ${COLUMN.indexerState.chainHeadHeight} >= ${v}::bigint`,
    );
}

function addHashLike(q: Sql, cond: (col: string) => string, exact: boolean) {
  const by = exact ? 'hash' : 'hashPrefix';
  q.add(
    'ACCOUNT',
    'id',
    'id',
    exact ? 'address' : 'addressPrefix',
    exact,
    1,
    `FROM ${TABLE.account} WHERE ${cond('id')}`,
  );
  const txs = TX_TABLES.map((t) => `SELECT tx_hash FROM ${t} WHERE ${cond('tx_hash')}`).join(' UNION ');
  q.add('TRANSACTION', 'tx_hash', `'transaction ' || tx_hash`, 'txHash', exact, 0, `FROM (${txs}) t`);
  for (const [kind, table, col, label] of HASH_COLUMNS)
    q.add(
      kind,
      'id',
      label,
      col.replace(/_(\w)/g, (_, c) => c.toUpperCase()),
      exact,
      4,
      `FROM ${table} WHERE ${cond(col)}`,
    );
  q.add(
    'BLOCK',
    'height',
    `'block ' || height`,
    by === 'hash' ? 'blockHash' : 'blockHashPrefix',
    exact,
    3,
    `FROM ${TABLE.blockDigest} WHERE ${cond('hash')}`,
  );
}

function addName(q: Sql, text: string) {
  const t = q.p(text.toLowerCase());
  for (const [kind, table] of [
    ['DATANET', TABLE.datanet],
    ['MODEL', TABLE.model],
  ])
    q.add(
      kind,
      'id',
      'name',
      'name',
      `lower(name) = ${t}`,
      `CASE WHEN lower(name) = ${t} THEN 5 WHEN starts_with(lower(name), ${t}) THEN 6 ELSE 7 END`,
      `FROM ${table} WHERE strpos(lower(name), ${t}) > 0 ORDER BY (lower(name) = ${t}) DESC, starts_with(lower(name), ${t}) DESC, length(name), id`,
    );
}

const TYPED_KIND: Record<string, string> = {
  datanet: 'DATANET',
  model: 'MODEL',
  contribution: 'CONTRIBUTION',
  inference: 'INFERENCE',
  attribution: 'ATTRIBUTION',
  dispute: 'DISPUTE',
  block: 'BLOCK',
};

function build(plan: SearchPlan): Sql {
  const q = new Sql();
  if (plan.typed) {
    const { kind, id } = plan.typed;
    if (kind === 'account') {
      const a = id.startsWith('0x') ? id : `0x${id}`;
      q.add('ACCOUNT', 'id', 'id', 'address', true, 1, `FROM ${TABLE.account} WHERE id = ${q.p(a)}`);
    } else if (kind === 'tx') {
      const h = id.startsWith('0x') ? id : `0x${id}`;
      addHashLike(q, (col) => (col === 'tx_hash' ? `${col} = ${q.p(h)}` : 'false'), true);
    } else if (kind === 'checkpoint') {
      q.add(
        'CHECKPOINT',
        'id',
        `'checkpoint ' || model_id || ' step ' || step`,
        'id',
        true,
        4,
        `FROM ${TABLE.checkpoint} WHERE id = ${q.p(id)}`,
      );
    } else if (TYPED_KIND[kind] && /^\d{1,30}$/.test(id))
      addId(q, id.replace(/^0+(?=\d)/, ''), true, [TYPED_KIND[kind]]);
    return q;
  }
  if (plan.id) addId(q, plan.id, true);
  if (plan.address)
    q.add('ACCOUNT', 'id', 'id', 'address', true, 1, `FROM ${TABLE.account} WHERE id = ${q.p(plan.address)}`);
  if (plan.hash) {
    const h = q.p(plan.hash);
    addHashLike(q, (col) => `${col} = ${h}`, true);
  } else if (plan.prefix) {
    const prefix = plan.prefix;
    addHashLike(q, (col) => prefixCond(q, col, prefix, plan.suffix), false);
  }
  if (plan.name) addName(q, plan.name);
  return q;
}

/**
 * The explorer's search: every reading of the text (see planSearch) looked up in one statement, each lookup an
 * index range or equality, exact answers first. `exact` marks hits the text names completely.
 */
export async function searchEntities(
  db: Db,
  text: string,
  limit: number,
  onChain?: (hash: string) => Promise<SearchHit[]>,
): Promise<SearchHit[]> {
  const plan = planSearch(text);
  const q = build(plan);
  if (q.branches.length === 0) return [];
  const rows = await db.query<{
    kind: string;
    id: string;
    label: string;
    by: string;
    exact: boolean;
    o: number;
  }>(
    `SELECT DISTINCT ON (kind, id) kind, id, label, by, exact, o FROM (${q.branches.join(' UNION ALL ')}) hits
     ORDER BY kind, id, exact DESC, o`,
    q.params,
  );
  const found = rows
    .sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        a.o - b.o ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        a.label.length - b.label.length ||
        a.id.localeCompare(b.id, undefined, { numeric: true }),
    )
    .slice(0, limit)
    .map((r) => ({
      kind: r.kind,
      id: r.id,
      nodeId: NODE_PREFIX[r.kind] ? `${NODE_PREFIX[r.kind]}:${r.id}` : null,
      label: r.label,
      matchedBy: r.by,
      exact: r.exact,
    }));
  // a hash the index has no row for may still be any transaction or block of the chain
  if (plan.hash && onChain && !found.some((h) => h.exact)) return [...(await onChain(plan.hash)), ...found];
  return found;
}

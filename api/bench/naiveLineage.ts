import type pg from 'pg';
import { EDGE_RELATIONS } from '../src/lineage/edgeRelations.js';
import { NODE_DETAILS } from '../src/lineage/nodeDetails.js';

/**
 * The baseline the recursive CTE is measured against: the same edge relations walked breadth first from
 * JavaScript, one statement per (frontier node, relation), then one per node for its label and data, as a
 * resolver-per-hop and per-field implementation would.
 */
export async function naiveLineage(pool: pg.Pool, root: string, depth: number, maxNodes: number) {
  const seen = new Map<string, number>([[root, 0]]);
  const edges: Array<[string, string, string]> = [];
  let frontier: Array<{ node: string; dir: number }> = [{ node: root, dir: 0 }];
  for (let d = 0; d < depth && frontier.length && seen.size < maxNodes; d++) {
    const next: Array<{ node: string; dir: number }> = [];
    for (const { node, dir } of frontier) {
      const i = node.indexOf(':');
      const kind = node.slice(0, i);
      const key = node.slice(i + 1);
      for (const r of EDGE_RELATIONS) {
        for (const side of ['down', 'up'] as const) {
          const sign = side === 'down' ? 1 : -1;
          if ((side === 'down' ? r.source : r.target) !== kind || dir * sign < 0) continue;
          const sql = `SELECT x.* FROM (SELECT $1::text AS kind, $2::text AS key, 0 AS dir) w, LATERAL (${r[side]}) x(kind, key, ppm, amt)`;
          const rows = (await pool.query(sql, [kind, key])).rows as Array<{ kind: string; key: string }>;
          for (const row of rows) {
            const nb = `${row.kind}:${row.key}`;
            edges.push(sign > 0 ? [node, nb, r.ekind] : [nb, node, r.ekind]);
            if (!seen.has(nb) && seen.size < maxNodes) {
              seen.set(nb, d + 1);
              next.push({ node: nb, dir: sign });
            }
          }
        }
      }
    }
    frontier = next;
  }
  for (const node of seen.keys()) {
    const i = node.indexOf(':');
    const kind = node.slice(0, i);
    const sql = `SELECT d.* FROM (SELECT $1::text AS kind, $2::text AS key) n, LATERAL (${NODE_DETAILS[kind]}) d`;
    await pool.query(sql, [kind, node.slice(i + 1)]);
  }
  return { nodes: seen.size, edges: edges.length };
}

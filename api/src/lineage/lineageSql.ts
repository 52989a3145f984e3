import { EDGE_RELATIONS } from './edgeRelations.js';
import { NODE_DETAILS } from './nodeDetails.js';

const branches = (dirSql: 'down' | 'up') =>
  EDGE_RELATIONS.map((r) => {
    const from = dirSql === 'down' ? r.source : r.target;
    const sign = dirSql === 'down' ? 1 : -1;
    const op = sign > 0 ? '>=' : '<=';
    return `SELECT x.*, '${r.ekind}'::text AS ekind, ${sign} AS dir FROM (${r[dirSql]}
        AND w.kind = '${from}' AND w.dir ${op} 0 AND $2::int ${op} 0) AS x(kind, key, ppm, amt)`;
  }).join('\n      UNION ALL ');

/**
 * The whole lineage query: ONE statement. A recursive CTE walks the edge relations breadth first from the root,
 * one hop per iteration, each child keeping the direction it was found in (so BOTH means upstream plus
 * downstream, not the whole connected component). UNION dedups (node, depth, edge) rows, so cycles end and each
 * node is expanded at most once per depth. The outer LIMIT stops the walk lazily at the row budget (Postgres
 * evaluates a recursive CTE only as far as it is read), then the nearest nodes up to the node budget are kept
 * with their labels — datanets, models and checkpoints first (nearest first), so a fan-out of credits or rewards
 * never pushes out where the data went — and the edges between kept nodes (the caller drops duplicate edges).
 *
 * Parameters: $1 root id ('kind:key'), $2 direction (1 down, -1 up, 0 both), $3 depth, $4 kinds (text[] or
 * null), $5 row budget, $6 node budget.
 */
export const LINEAGE_SQL = `
WITH RECURSIVE walk(node, kind, key, depth, dir, src, dst, ekind, ppm, amt) AS (
  SELECT $1::text, split_part($1::text, ':', 1), substr($1::text, strpos($1::text, ':') + 1), 0, 0,
         NULL::text, NULL::text, NULL::text, NULL::numeric, NULL::numeric
  UNION
  SELECT e.kind || ':' || e.key, e.kind, e.key, w.depth + 1, e.dir,
         CASE WHEN e.dir = 1 THEN w.node ELSE e.kind || ':' || e.key END,
         CASE WHEN e.dir = 1 THEN e.kind || ':' || e.key ELSE w.node END,
         e.ekind, e.ppm, e.amt
  FROM walk w
  CROSS JOIN LATERAL (
      ${branches('down')}
      UNION ALL ${branches('up')}
  ) e
  WHERE w.depth < $3::int AND e.key IS NOT NULL AND ($4::text[] IS NULL OR e.kind = ANY($4::text[]))
),
fetched AS (SELECT * FROM walk LIMIT $5::int),
nodes AS (
  SELECT node, min(kind) AS kind, min(key) AS key, min(depth) AS depth FROM fetched
  GROUP BY node ORDER BY min(depth) = 0 DESC, (min(kind) IN ('datanet', 'model', 'checkpoint')) DESC, min(depth), node COLLATE "C"
  LIMIT $6::int + 1
),
kept AS (
  SELECT * FROM nodes ORDER BY depth = 0 DESC, (kind IN ('datanet', 'model', 'checkpoint')) DESC, depth, node COLLATE "C" LIMIT $6::int
),
info AS (
  SELECT n.node, n.kind, n.key, n.depth, d.label, d.data FROM kept n
  LEFT JOIN LATERAL (
    ${Object.entries(NODE_DETAILS)
      .map(([k, q]) => `SELECT * FROM (${q}) AS q${k} WHERE n.kind = '${k}'`)
      .join('\n    UNION ALL ')}
  ) d ON true
),
edges AS (
  SELECT f.src, f.dst, f.ekind, f.ppm::text AS ppm, f.amt::text AS amt FROM fetched f
  WHERE f.src IS NOT NULL AND f.src IN (SELECT node FROM kept) AND f.dst IN (SELECT node FROM kept)
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('id', node, 'kind', kind, 'key', key, 'depth', depth, 'label', label, 'data', data)
     ORDER BY depth, node COLLATE "C"), '[]'::json) FROM info) AS nodes,
  (SELECT coalesce(json_agg(json_build_object('s', src, 't', dst, 'k', ekind, 'p', ppm, 'a', amt)), '[]'::json) FROM edges) AS edges,
  (SELECT count(*) FROM fetched)::int AS rows,
  (SELECT count(*) FROM nodes)::int AS node_count
`;

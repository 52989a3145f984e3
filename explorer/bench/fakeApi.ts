import { createServer, type Server } from 'node:http';

/**
 * A stand-in GraphQL endpoint for the rendering benchmark: the bench measures the browser, not the API,
 * so it answers the explorer's operations (by operationName) from synthetic data of a chosen size.
 */
export function syntheticLineage(n: number) {
  const kinds = ['ACCOUNT', 'CONTRIBUTION', 'DATANET', 'MODEL', 'INFERENCE', 'ATTRIBUTION'];
  const nodes = [
    { id: 'model:0', kind: 'MODEL', label: 'root model', entityId: '0', depth: 0, data: { name: 'root' } },
  ];
  const edges: {
    source: string;
    target: string;
    kind: string;
    weight: number;
    unit: string;
    amount: null;
  }[] = [];
  // ternary fan-out: no node has more children than the collapse limit, so all n nodes are drawn
  for (let i = 1; i < n; i++) {
    const kind = kinds[i % kinds.length];
    const id = `${kind.toLowerCase()}:${i}`;
    const parent = nodes[Math.floor((i - 1) / 3)].id;
    nodes.push({
      id,
      kind,
      label: `${kind.toLowerCase()} ${i}`,
      entityId: String(i),
      depth: 1,
      data: { name: `n${i}` },
    });
    edges.push({
      source: parent,
      target: id,
      kind: 'CREDITED',
      weight: (i * 7919) % 1_000_000,
      unit: 'PPM',
      amount: null,
    });
  }
  return { root: 'model:0', nodes, edges, truncated: false, nodeBudget: n };
}

const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
const series = Array.from({ length: 30 }, (_, i) => ({ t: day(i), value: (i * 37) % 50 }));

function answer(op: string, vars: Record<string, unknown>, lineageSize: number): unknown {
  switch (op) {
    case 'Lineage':
      return { lineage: syntheticLineage(vars.id === 'model:0' ? lineageSize : 1) };
    case 'IndexerStatus':
      return { indexerStatus: { headHeight: 100, indexedHeight: 100, lag: 0, chainId: 1612 } };
    case 'Home':
      return {
        networkTotals: {
          accounts: 10,
          datanets: 3,
          contributions: 500,
          models: 4,
          inferences: 900,
          attributions: 800,
          disputes: 2,
          openDisputes: 1,
          totalFees: '9000000000000000000',
          totalRewardsAccrued: '8000000000000000000',
          totalStaked: '0',
          totalSlashed: '0',
          verified: 700,
          mismatched: 3,
          unverifiable: 1,
          flags: 0,
        },
        inferencesDaily: series,
        feesDaily: series,
        rewardsDaily: series,
        contributionsDaily: series,
        disputes: [],
      };
    case 'Recent':
      return { inferences: [], contributions: [] };
    default:
      return null;
  }
}

export function startFakeApi(port: number, lineageSize: number): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const q = JSON.parse(body || '{}') as {
        operationName?: string;
        query?: string;
        variables?: Record<string, unknown>;
      };
      const op = q.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(q.query ?? '')?.[1] ?? '';
      const data = answer(op, q.variables ?? {}, lineageSize);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(
          data
            ? { data }
            : { errors: [{ message: 'not in the benchmark', extensions: { code: 'NOT_FOUND' } }] },
        ),
      );
    });
  });
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}

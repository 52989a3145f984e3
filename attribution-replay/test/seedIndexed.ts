import { TABLE } from '@ae/core/tables';
import pg from 'pg';
import type { Hex } from 'viem';
import { type MemoryStore, toyScores } from './fixtureEngine.js';

export interface SeededAttribution {
  id: string;
  modelId: string;
  kind: 'honest' | 'manipulated' | 'missing-result' | 'unknown-method';
}

const T = "'2026-01-01T00:00:00Z'";

/**
 * Writes indexer rows (as the indexer would after a chain run) for `models` models, each trained on its own
 * datanet of `train` contributions, with `perModel` attributions each; the artifacts go to `store`.
 * Attribution kinds cycle so that every batch mixes honest, manipulated and unverifiable postings.
 */
export async function seedIndexed(
  url: string,
  store: MemoryStore,
  opts: { models: number; perModel: number; train?: number; kinds?: SeededAttribution['kind'][] },
): Promise<SeededAttribution[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const n = opts.train ?? 12;
  const kinds = opts.kinds ?? [
    'honest',
    'honest',
    'manipulated',
    'missing-result',
    'honest',
    'unknown-method',
  ];
  const out: SeededAttribution[] = [];
  let contribution = 0;
  let attribution = 0;
  try {
    for (let m = 1; m <= opts.models; m++) {
      const dn = String(m);
      await db.query(
        `INSERT INTO ${TABLE.datanet} (id, name, metadata_uri, curated, approved, min_stake, created_block, created_at, tx_hash,
           contribution_count, accepted_count, rejected_count, version_count, curator_count, trained_model_count,
           attribution_share_count, influence_ppm, total_rewards, owner_id)
         VALUES ($1,'d','ipfs://x',false,false,0,1,${T},'0x',0,0,0,0,0,0,0,0,0,NULL)`,
        [dn],
      );
      const ids: string[] = [];
      const values: number[] = [];
      for (let i = 0; i < n; i++) {
        const id = String(++contribution);
        const value = (i * 7 + m * 3) % 23;
        const h = await store.putText(String(value));
        await db.query(
          `INSERT INTO ${TABLE.contribution} VALUES ($1::text,$1::text::numeric,$2,1,'CC0','ACCEPTED',1,${T},'0x',NULL,0,0,0,$3,NULL)`,
          [id, h, dn],
        );
        ids.push(id);
        values.push(value);
      }
      await db.query(`INSERT INTO ${TABLE.datanetVersion} VALUES ($1,1,'0x00',$2,1,${T},'0x',$3)`, [
        `${dn}-1`,
        n,
        dn,
      ]);
      const config = await store.putText(`{"model":${m}}`);
      const ckpt = await store.putText(`onnx-${m}`);
      await db.query(
        `INSERT INTO ${TABLE.model} VALUES ($1::text,$1::text::numeric,'m','BASE',0,$2,'artifact://',$3,true,0,NULL,1,${T},'0x',1,0,0,NULL,NULL)`,
        [String(m), ckpt, config],
      );
      await db.query(`INSERT INTO ${TABLE.checkpoint} VALUES ($1,10,$2,1000000000000000,1,${T},'0x',0,$3)`, [
        `${m}-10`,
        ckpt,
        String(m),
      ]);
      await db.query(`INSERT INTO ${TABLE.modelTrainedOn} VALUES ($1,1,1,${T},'0x',$2,$2,$3)`, [
        `${m}-${dn}-1`,
        String(m),
        `${dn}-1`,
      ]);
      const params = await store.putText('{"k":4}');
      for (let a = 0; a < opts.perModel; a++) {
        const id = String(++attribution);
        const kind = kinds[(attribution - 1) % kinds.length];
        const q = (a * 5 + m) % 23;
        const input = await store.putText(String(q));
        const output = await store.putText(`out-${q}`);
        await db.query(
          `INSERT INTO ${TABLE.inference} VALUES ($1::text,$1::text::numeric,$2,$3,0,2,${T},'0x',0,$4,NULL,NULL)`,
          [id, input, output, String(m)],
        );
        const rec = toyScores(values, q, 4, ids);
        let result: Hex = await store.putText(JSON.stringify(rec.scores));
        const shares = rec.top.map((t) => ({ ...t }));
        if (kind === 'manipulated') {
          shares[0].weightPpm -= 100_000;
          shares[shares.length - 1].weightPpm += 100_000;
        }
        if (kind === 'missing-result') {
          result = `0x${'ab'.repeat(31)}${id.padStart(2, '0').slice(-2)}` as Hex;
          store.blobs.delete(result);
        }
        const method = kind === 'unknown-method' ? 'magic@9' : 'toy@1';
        await db.query(
          `INSERT INTO ${TABLE.attribution} VALUES ($1::text,$1::text::numeric,$2,$3,$4,'artifact://','POSTED',$5,1000000,false,NULL,NULL,NULL,0,2,${T},'0x',0,$1::text,$6,NULL)`,
          [id, method, params, result, shares.length, String(m)],
        );
        for (const [rank, s] of shares.entries()) {
          await db.query(
            `INSERT INTO ${TABLE.attributionShare} VALUES ($1,$2,$3,$4,NULL,2,${T},0,$5,$6,$7,NULL)`,
            [
              `${id}-${s.contributionId}`,
              rank,
              s.weightPpm,
              BigInt(Math.round(s.score * 1e18)).toString(),
              id,
              s.contributionId,
              dn,
            ],
          );
        }
        out.push({ id, modelId: String(m), kind });
      }
    }
  } finally {
    await db.end();
  }
  return out;
}

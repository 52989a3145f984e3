import { TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';

/** OpenReader's `squidStatus` query, with the same type and meaning as @subsquid/graphql-server's. */
export const squidStatusTypeDefs = `
type SquidStatus {
  "The height of the last processed block"
  height: Int
  "The hash of the last processed block"
  hash: String
  "The height of the last processed finalized block"
  finalizedHeight: Int
  "The hash of the last processed finalized block"
  finalizedHash: String
}

extend type Query {
  squidStatus: SquidStatus
}
`;

export interface SquidStatus {
  height: number;
  hash: string;
  finalizedHeight: number;
  finalizedHash: string;
}

const cause = (e: unknown) => (e as { cause?: { code?: string } }).cause?.code;

/**
 * Where the indexer's processor stands, from its own state tables (`squid_processor.status` for the finalized
 * block, the newest unfinalized block in `hot_block`): null before its first batch.
 */
export async function squidStatus(db: Db): Promise<SquidStatus | null> {
  try {
    const rows = await db.query<Record<string, string | null>>(
      `SELECT f.height AS "finalizedHeight", f.hash AS "finalizedHash",
              COALESCE(h.height, f.height) AS "height", COALESCE(h.hash, f.hash) AS "hash"
       FROM ${TABLE.squidProcessorStatus} AS f
       FULL JOIN (SELECT hash, height FROM ${TABLE.squidProcessorHotBlock} ORDER BY height DESC LIMIT 1) AS h ON TRUE
       WHERE f.id = 0`,
    );
    const r = rows[0];
    if (!r) return null;
    return {
      height: Number(r.height),
      hash: String(r.hash),
      finalizedHeight: Number(r.finalizedHeight),
      finalizedHash: String(r.finalizedHash),
    };
  } catch (e) {
    if (cause(e) === '42P01') return null;
    throw e;
  }
}

/** Resolvers of squidStatusTypeDefs. */
export const squidStatusResolvers = {
  Query: {
    squidStatus: (_: unknown, _a: unknown, ctx: { db: Db }) => squidStatus(ctx.db),
  },
};

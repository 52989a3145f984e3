-- The replay verdicts (AttributionVerdict in attribution-replay/schema.graphql): owned by the replay worker,
-- written only by it, read by the API. The indexer's first migration created this table until the replay took
-- it over; IF NOT EXISTS keeps databases made then as they are (same columns, same index names).
CREATE TABLE IF NOT EXISTS attribution_verdict (
  id character varying NOT NULL,
  attribution_id text NOT NULL,
  method text NOT NULL,
  verdict character varying(12) NOT NULL,
  max_deviation_ppm integer,
  over_credited text array,
  under_credited text array,
  recomputed jsonb,
  reason text,
  evidence_hash text,
  device text,
  dispute_tx_hash text,
  replayed_at timestamp with time zone NOT NULL,
  CONSTRAINT "PK_23c47a1031117145aed3955500e" PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS "IDX_84696204468dae894ce1d3b684" ON attribution_verdict (attribution_id);
CREATE INDEX IF NOT EXISTS "IDX_bb27f6bcd4c4eb0535dca7399b" ON attribution_verdict (verdict);
CREATE INDEX IF NOT EXISTS "IDX_fb888abbfeca93bb0ead896c12" ON attribution_verdict (replayed_at);

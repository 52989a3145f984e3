-- The API's own tables (the indexer never touches them): the used (signer, nonce) pairs of signed actions and
-- the auditors' flags, one per (signer, attribution). Written as IF NOT EXISTS because the API created these
-- tables itself before migrations existed: a database from then is brought to the same shape (each signer's
-- latest flag on an attribution kept).
CREATE TABLE IF NOT EXISTS api_signed_nonce (
  signer text NOT NULL,
  nonce numeric NOT NULL,
  action text NOT NULL,
  used_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (signer, nonce)
);
CREATE TABLE IF NOT EXISTS api_attribution_flag (
  id bigserial PRIMARY KEY,
  attribution_id text NOT NULL,
  auditor text NOT NULL,
  reason text NOT NULL,
  nonce numeric NOT NULL,
  deadline numeric NOT NULL,
  signature text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (auditor, nonce)
);
ALTER TABLE api_attribution_flag ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();
DELETE FROM api_attribution_flag f USING api_attribution_flag g
 WHERE f.auditor = g.auditor AND f.attribution_id = g.attribution_id AND f.id < g.id;
CREATE UNIQUE INDEX IF NOT EXISTS api_attribution_flag_signer_attribution_uq
  ON api_attribution_flag (auditor, attribution_id);
CREATE INDEX IF NOT EXISTS api_attribution_flag_attribution_idx ON api_attribution_flag (attribution_id);
CREATE INDEX IF NOT EXISTS api_attribution_flag_auditor_idx ON api_attribution_flag (auditor);

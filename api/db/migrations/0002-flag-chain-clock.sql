-- One clock (issue #14): a flag records the indexed chain head (block height and its timestamp) when it was
-- written or replaced, beside the wall-clock created_at/updated_at. Pages show chain time.
ALTER TABLE api_attribution_flag ADD COLUMN IF NOT EXISTS chain_height integer;
ALTER TABLE api_attribution_flag ADD COLUMN IF NOT EXISTS chain_time timestamptz;

-- One clock (issue #14): a verdict records the indexed chain head (height and its block timestamp) when it was
-- written, beside the worker's wall-clock replayed_at. Pages show chain time.
ALTER TABLE attribution_verdict ADD COLUMN IF NOT EXISTS chain_height integer;
ALTER TABLE attribution_verdict ADD COLUMN IF NOT EXISTS chain_time timestamptz;
CREATE INDEX IF NOT EXISTS attribution_verdict_chain_time_idx ON attribution_verdict (chain_time);

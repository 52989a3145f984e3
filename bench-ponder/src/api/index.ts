import { Hono } from 'hono';

// Ponder 0.16 requires an API entry; the comparison reads the tables from Postgres, so it serves nothing
// beyond Ponder's own /ready, /status and /metrics.
export default new Hono();

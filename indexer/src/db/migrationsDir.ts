import { fileURLToPath } from 'node:url';

/** Where the committed migrations live (CommonJS files in squid's format; see scripts/migrationGenerate.ts). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations', import.meta.url));

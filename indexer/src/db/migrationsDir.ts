import { join } from 'node:path';
import { packageRoot } from '@ae/core';

/** Where the committed migrations live (CommonJS files in squid's format; see scripts/migrationGenerate.ts). */
export const MIGRATIONS_DIR = join(packageRoot(import.meta.url), 'db', 'migrations');

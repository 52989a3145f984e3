/**
 * Regenerates core/src/generated/tables.ts, the table and column names every workspace's SQL uses, from each
 * owner's schema file and migrations (scripts/codegen/tableOwners.ts). `npm run codegen` runs it; a test
 * (scripts/codegen/tables.test.ts) fails when the committed file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '@ae/core';
import { renderTableConstants } from './renderTableConstants.js';
import { readTableModel } from './tableModel.js';

export const TABLES_FILE = 'core/src/generated/tables.ts';

/** The generated file's text for the tree at `root`. */
export const generateTables = (root: string = REPO_ROOT) => renderTableConstants(readTableModel(root));

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const path = join(REPO_ROOT, TABLES_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generateTables());
  console.log(`generated ${TABLES_FILE}`);
}

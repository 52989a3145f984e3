/**
 * Who owns which tables (#16): each workspace that creates tables, its committed migrations, and the data-model
 * file whose entities those migrations create. The table-constant generator and the ownership test read this
 * one list.
 */
export const TABLE_OWNERS = {
  indexer: { migrations: 'indexer/db/migrations', schema: 'schema.graphql' },
  'attribution-replay': {
    migrations: 'attribution-replay/db/migrations',
    schema: 'attribution-replay/schema.graphql',
  },
  api: { migrations: 'api/db/migrations', schema: undefined },
} as const satisfies Record<string, { migrations: string; schema: string | undefined }>;

export type TableOwner = keyof typeof TABLE_OWNERS;

/** Tables that belong to the migration machinery or to a library, not to a workspace's data. */
export const MACHINERY_TABLES = new Set(['migrations', 'ae_migration']);

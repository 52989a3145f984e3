/**
 * Secondary indexes set aside while the indexer backfills an empty index (src/db/deferredIndexes.ts): the
 * definition of each one dropped, so that it is built once, in bulk, when the indexer reaches the head (what
 * Ponder does after its historical backfill), and rebuilt on the next start if the indexer stopped before.
 */
module.exports = class DeferredIndex1796400000000 {
    name = 'DeferredIndex1796400000000'

    async up(db) {
        await db.query(`CREATE TABLE "squid_processor"."deferred_index" ("name" text PRIMARY KEY, "table_name" text NOT NULL, "definition" text NOT NULL)`)
    }

    async down(db) {
        await db.query(`DROP TABLE "squid_processor"."deferred_index"`)
    }
}

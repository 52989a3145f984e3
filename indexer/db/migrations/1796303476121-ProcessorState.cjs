/**
 * The processor's own state, owned by the indexer's store (src/db/indexerDatabase.ts), not created at run
 * time: the finalized head (`status`), the unfinalized blocks on top of it (`hot_block`), and per hot block
 * the prior state of every row it wrote (`hot_row_change`), so a reorg restores them exactly. `status` and
 * `hot_block` keep the layout of @subsquid/typeorm-store (the API's squidStatus reads them). A database
 * indexed by that store keeps its status; its own change log is dropped when empty and refused otherwise.
 */
module.exports = class ProcessorState1796303476121 {
    name = 'ProcessorState1796303476121'

    async up(db) {
        await db.query(`CREATE SCHEMA IF NOT EXISTS "squid_processor"`)
        await db.query(`CREATE TABLE IF NOT EXISTS "squid_processor"."status" ("id" int4 PRIMARY KEY, "height" int4 NOT NULL, "hash" text DEFAULT '0x', "nonce" int4 DEFAULT 0)`)
        await db.query(`ALTER TABLE "squid_processor"."status" ADD COLUMN IF NOT EXISTS "hash" text DEFAULT '0x'`)
        await db.query(`ALTER TABLE "squid_processor"."status" ADD COLUMN IF NOT EXISTS "nonce" int4 DEFAULT 0`)
        await db.query(`CREATE TABLE IF NOT EXISTS "squid_processor"."hot_block" ("height" int4 PRIMARY KEY, "hash" text NOT NULL)`)
        await db.query(`DO $$ BEGIN
            IF to_regclass('squid_processor.hot_change_log') IS NOT NULL THEN
                IF EXISTS (SELECT 1 FROM "squid_processor"."hot_change_log") THEN
                    RAISE EXCEPTION 'squid_processor.hot_change_log holds unfinalized changes of @subsquid/typeorm-store: let that indexer finalize its hot blocks, or reindex into an empty database';
                END IF;
                DROP TABLE "squid_processor"."hot_change_log";
            END IF;
        END $$`)
        await db.query(`CREATE TABLE "squid_processor"."hot_row_change" ("seq" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "block_height" int4 NOT NULL REFERENCES "squid_processor"."hot_block" ("height") ON DELETE CASCADE, "table_name" text NOT NULL, "row_id" text NOT NULL, "prior" jsonb)`)
        await db.query(`CREATE INDEX "hot_row_change_block" ON "squid_processor"."hot_row_change" ("block_height", "seq")`)
    }

    async down(db) {
        await db.query(`DROP TABLE "squid_processor"."hot_row_change"`)
    }
}

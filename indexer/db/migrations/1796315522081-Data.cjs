module.exports = class Data1796315522081 {
    name = 'Data1796315522081'

    async up(db) {
        await db.query("CREATE TABLE \"governed_setting\" (\"id\" character varying NOT NULL, \"kind\" text NOT NULL, \"subject\" text NOT NULL, \"enabled\" boolean NOT NULL, \"params_hash\" text, \"last_change\" text NOT NULL, \"updated_block\" integer NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_98109b1d80589353c4da94719b3\" PRIMARY KEY (\"id\"))")
        await db.query("CREATE INDEX \"IDX_622e0a79f10f5285be44d76213\" ON \"governed_setting\" (\"kind\") ")
        await db.query("CREATE INDEX \"IDX_3261ece060b7c0ed6e4b8ece1a\" ON \"governed_setting\" (\"enabled\") ")
        await db.query("ALTER TABLE \"compute_provider\" ADD \"approved\" boolean NOT NULL")
        await db.query("ALTER TABLE \"datanet\" ADD \"approved\" boolean NOT NULL")
        await db.query("ALTER TABLE \"parameter_change\" ADD \"params_hash\" text")
        await db.query("CREATE INDEX \"IDX_046face769c47068102a30326b\" ON \"compute_provider\" (\"approved\") ")
        await db.query("CREATE INDEX \"IDX_6856523942ed75b2eccd9f05f6\" ON \"datanet\" (\"approved\") ")
    }

    async down(db) {
        await db.query("DROP INDEX \"public\".\"IDX_6856523942ed75b2eccd9f05f6\"")
        await db.query("DROP INDEX \"public\".\"IDX_046face769c47068102a30326b\"")
        await db.query("ALTER TABLE \"parameter_change\" DROP COLUMN \"params_hash\"")
        await db.query("ALTER TABLE \"datanet\" DROP COLUMN \"approved\"")
        await db.query("ALTER TABLE \"compute_provider\" DROP COLUMN \"approved\"")
        await db.query("DROP INDEX \"public\".\"IDX_3261ece060b7c0ed6e4b8ece1a\"")
        await db.query("DROP INDEX \"public\".\"IDX_622e0a79f10f5285be44d76213\"")
        await db.query("DROP TABLE \"governed_setting\"")
    }
}

module.exports = class Data1795481704433 {
    name = 'Data1795481704433'

    async up(db) {
        await db.query("DROP INDEX \"public\".\"IDX_ff6bf7552a11f0837f65b0ab42\"")
        await db.query("CREATE INDEX \"IDX_6f53cd92c93d58ddb72cf48d1e\" ON \"reward_accrual\" (\"inference_id\", \"account_id\") ")
        await db.query("CREATE INDEX \"IDX_ecc4318b4ff42e1beae81ffcfb\" ON \"inference\" (\"tx_hash\") ")
        await db.query("CREATE INDEX \"IDX_093a444396fc79d4ef8c8c1741\" ON \"attribution\" (\"tx_hash\") ")
        await db.query("CREATE INDEX \"IDX_82a56d65f909afb0ee30628b50\" ON \"contribution\" (\"tx_hash\") ")
    }

    async down(db) {
        await db.query("DROP INDEX \"public\".\"IDX_82a56d65f909afb0ee30628b50\"")
        await db.query("DROP INDEX \"public\".\"IDX_093a444396fc79d4ef8c8c1741\"")
        await db.query("DROP INDEX \"public\".\"IDX_ecc4318b4ff42e1beae81ffcfb\"")
        await db.query("DROP INDEX \"public\".\"IDX_6f53cd92c93d58ddb72cf48d1e\"")
        await db.query("CREATE INDEX \"IDX_ff6bf7552a11f0837f65b0ab42\" ON \"reward_accrual\" (\"inference_id\") ")
    }
}

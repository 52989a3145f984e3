module.exports = class Data1796310349570 {
    name = 'Data1796310349570'

    async up(db) {
        await db.query("DROP INDEX \"public\".\"IDX_b19ef2555e9aa71a4dcc440337\"")
        await db.query("DROP INDEX \"public\".\"IDX_4e4f8ca42f506317d33ee35158\"")
    }

    async down(db) {
        await db.query("CREATE INDEX \"IDX_4e4f8ca42f506317d33ee35158\" ON \"datanet\" (\"name\") ")
        await db.query("CREATE INDEX \"IDX_b19ef2555e9aa71a4dcc440337\" ON \"model\" (\"name\") ")
    }
}

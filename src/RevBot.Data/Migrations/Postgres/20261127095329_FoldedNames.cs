using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FoldedNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_fold",
                table: "deals",
                type: "text",
                nullable: true,
                computedColumnSql: "translate(lower(name), 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįıòóôõöøōŏőùúûüũūŭůűųñńňçćčýÿśšźžżł', 'aaaaaaaaaeeeeeeeeeiiiiiiiiiooooooooouuuuuuuuuunnncccyysszzzl')",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "name_fold",
                table: "accounts",
                type: "text",
                nullable: true,
                computedColumnSql: "translate(lower(name), 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįıòóôõöøōŏőùúûüũūŭůűųñńňçćčýÿśšźžżł', 'aaaaaaaaaeeeeeeeeeiiiiiiiiiooooooooouuuuuuuuuunnncccyysszzzl')",
                stored: true);

            // DealUpdates indexed the folding expression itself, so every search (and any scan) still folded names row by
            // row: 15 s to scan 1.2M deals. The folded name is now stored once per row (above) and the trigram indexes
            // move onto it. pg_trgm is created when the database user may (a trusted extension since PostgreSQL 13);
            // otherwise search reads name_fold without an index and the migration still succeeds.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_deals_name_fold;
                DROP INDEX IF EXISTS ix_accounts_name_fold;
                DO $$
                BEGIN
                    BEGIN
                        CREATE EXTENSION IF NOT EXISTS pg_trgm;
                    EXCEPTION WHEN OTHERS THEN
                        RAISE NOTICE 'pg_trgm is not available (%); deal search will read names without trigram indexes', SQLERRM;
                    END;
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        EXECUTE 'CREATE INDEX ix_deals_name_fold ON deals USING gin (name_fold gin_trgm_ops)';
                        EXECUTE 'CREATE INDEX ix_accounts_name_fold ON accounts USING gin (name_fold gin_trgm_ops)';
                    END IF;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_deals_name_fold; DROP INDEX IF EXISTS ix_accounts_name_fold;");
            migrationBuilder.DropColumn(
                name: "name_fold",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "name_fold",
                table: "accounts");

            // Back to DealUpdates' expression indexes.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        EXECUTE 'CREATE INDEX IF NOT EXISTS ix_deals_name_fold ON deals USING gin (translate(lower(name), ''àáâãäåāăąèéêëēĕėęěìíîïĩīĭįıòóôõöøōŏőùúûüũūŭůűųñńňçćčýÿśšźžżł'', ''aaaaaaaaaeeeeeeeeeiiiiiiiiiooooooooouuuuuuuuuunnncccyysszzzl'') gin_trgm_ops)';
                        EXECUTE 'CREATE INDEX IF NOT EXISTS ix_accounts_name_fold ON accounts USING gin (translate(lower(name), ''àáâãäåāăąèéêëēĕėęěìíîïĩīĭįıòóôõöøōŏőùúûüũūŭůűųñńňçćčýÿśšźžżł'', ''aaaaaaaaaeeeeeeeeeiiiiiiiiiooooooooouuuuuuuuuunnncccyysszzzl'') gin_trgm_ops)';
                    END IF;
                END $$;
                """);
        }
    }
}

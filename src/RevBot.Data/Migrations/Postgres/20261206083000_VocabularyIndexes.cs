using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// The question vocabulary's stages, sources and products (VocabularyLoader) read from small indexes, one probe per
    /// distinct value, instead of scanning every deal: a handful of values on 1.2M deals. B-tree deduplication keeps
    /// such low-cardinality indexes a few megabytes. Not part of the EF model (only the loader's SQL reads them), so
    /// the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261206083000_VocabularyIndexes")]
    public partial class VocabularyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_deals_stage ON deals (stage);
                CREATE INDEX IF NOT EXISTS ix_deals_source ON deals (source);
                CREATE INDEX IF NOT EXISTS ix_deals_product ON deals (product);
                CREATE INDEX IF NOT EXISTS ix_subscriptions_product ON subscriptions (product);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_deals_stage;
                DROP INDEX IF EXISTS ix_deals_source;
                DROP INDEX IF EXISTS ix_deals_product;
                DROP INDEX IF EXISTS ix_subscriptions_product;
                """);
        }
    }
}

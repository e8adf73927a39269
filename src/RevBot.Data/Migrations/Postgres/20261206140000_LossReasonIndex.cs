using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// The question vocabulary's loss reasons (VocabularyLoader) read like its stages and products: one index probe per
    /// distinct reason. Partial (only lost deals have a reason), so it stays small. Not part of the EF model.
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261206140000_LossReasonIndex")]
    public partial class LossReasonIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_deals_loss_reason ON deals (loss_reason) WHERE loss_reason IS NOT NULL;");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_deals_loss_reason;");
    }
}

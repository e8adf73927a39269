using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DealHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deal_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    deal_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    close_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    pushes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_history", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deal_history_deal_id_at",
                table: "deal_history",
                columns: new[] { "deal_id", "at" });

            // Raw SQL (FM, #21): deals already stored are known from now on, never before (a backtest must not see
            // today's close dates at past checkpoints); from now on the database writes a row whoever changes a deal.
            migrationBuilder.Sql("""
                INSERT INTO deal_history (deal_id, at, amount, close_date, pushes)
                SELECT id, strftime('%Y-%m-%d %H:%M:%f', 'now'), amount, close_date, 0 FROM deals;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deals_history AFTER INSERT ON deals BEGIN
                  INSERT INTO deal_history (deal_id, at, amount, close_date, pushes)
                  VALUES (NEW.id, strftime('%Y-%m-%d %H:%M:%f', 'now'), NEW.amount, NEW.close_date, 0);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deals_history_change AFTER UPDATE OF amount, close_date ON deals
                WHEN CAST(OLD.amount AS REAL) IS NOT CAST(NEW.amount AS REAL) OR OLD.close_date IS NOT NEW.close_date BEGIN
                  INSERT INTO deal_history (deal_id, at, amount, close_date, pushes)
                  VALUES (NEW.id, strftime('%Y-%m-%d %H:%M:%f', 'now'), NEW.amount, NEW.close_date,
                    COALESCE((SELECT h.pushes FROM deal_history h WHERE h.deal_id = NEW.id ORDER BY h.at DESC, h.id DESC LIMIT 1), 0)
                    + CASE WHEN NEW.close_date > OLD.close_date THEN 1 ELSE 0 END);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER deals_history;");
            migrationBuilder.Sql("DROP TRIGGER deals_history_change;");

            migrationBuilder.DropTable(
                name: "deal_history");
        }
    }
}

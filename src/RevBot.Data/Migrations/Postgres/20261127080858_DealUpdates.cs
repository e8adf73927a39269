using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "audit_log",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "applied_commands",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    applied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applied_commands", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "handoffs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    deal_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    claimed_by_user_id = table.Column<int>(type: "integer", nullable: true),
                    claimed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handoffs", x => x.id);
                    table.ForeignKey(
                        name: "fk_handoffs_deals_deal_id",
                        column: x => x.deal_id,
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_handoffs_users_claimed_by_user_id",
                        column: x => x.claimed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    channel_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    available_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applied_commands_applied_at",
                table: "applied_commands",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_handoffs_claimed_by_user_id",
                table: "handoffs",
                column: "claimed_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_handoffs_deal_id_kind",
                table: "handoffs",
                columns: new[] { "deal_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_available_at_id",
                table: "outbox_messages",
                columns: new[] { "available_at", "id" },
                filter: "sent_at IS NULL");

            // Deal search narrows with LIKE '%word%' on folded names; trigram indexes make that an index lookup on
            // 1.2M deals. pg_trgm ships with PostgreSQL and is a trusted extension (a database owner may create it);
            // where it cannot be created the search still works, scanning instead, so the migration never fails on it.
            // The indexed expression must stay identical to SearchText.Sql (a test checks the plan uses it).
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    BEGIN
                        CREATE EXTENSION IF NOT EXISTS pg_trgm;
                    EXCEPTION WHEN OTHERS THEN
                        RAISE NOTICE 'pg_trgm is not available (%); deal search will scan instead of using trigram indexes', SQLERRM;
                    END;
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        EXECUTE 'CREATE INDEX IF NOT EXISTS ix_deals_name_fold ON deals USING gin (translate(lower(name), ''àáâãäåāăąèéêëēĕėęěìíîïĩīĭįıòóôõöøōŏőùúûüũūŭůűųñńňçćčýÿśšźžżł'', ''aaaaaaaaaeeeeeeeeeiiiiiiiiiooooooooouuuuuuuuuunnncccyysszzzl'') gin_trgm_ops)';
                        EXECUTE 'CREATE INDEX IF NOT EXISTS ix_accounts_name_fold ON accounts USING gin (translate(lower(name), ''àáâãäåāăąèéêëēĕėęěìíîïĩīĭįıòóôõöøōŏőùúûüũūŭůűųñńňçćčýÿśšźžżł'', ''aaaaaaaaaeeeeeeeeeiiiiiiiiiooooooooouuuuuuuuuunnncccyysszzzl'') gin_trgm_ops)';
                    END IF;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_deals_name_fold; DROP INDEX IF EXISTS ix_accounts_name_fold;");
            migrationBuilder.DropTable(
                name: "applied_commands");

            migrationBuilder.DropTable(
                name: "handoffs");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "version",
                table: "audit_log");
        }
    }
}

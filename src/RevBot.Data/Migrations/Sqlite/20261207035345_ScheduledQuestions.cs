using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduledQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scheduled_questions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    schedule_id = table.Column<long>(type: "INTEGER", nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    asked_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    recipient_user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    only_if_changed = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_answer_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    last_sent_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_scheduled_questions_digest_schedules_schedule_id",
                        column: x => x.schedule_id,
                        principalTable: "digest_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scheduled_questions_users_recipient_user_id",
                        column: x => x.recipient_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_questions_asked_by",
                table: "scheduled_questions",
                column: "asked_by");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_questions_platform_channel_id",
                table: "scheduled_questions",
                columns: new[] { "platform", "channel_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_questions_recipient_user_id",
                table: "scheduled_questions",
                column: "recipient_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_questions_schedule_id",
                table: "scheduled_questions",
                column: "schedule_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduled_questions");
        }
    }
}

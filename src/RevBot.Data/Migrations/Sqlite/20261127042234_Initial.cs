using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    entity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    changes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "spend",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spend", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    team = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    manager_id = table.Column<int>(type: "INTEGER", nullable: true),
                    region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    slack_user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    teams_user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_users_manager_id",
                        column: x => x.manager_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    segment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    employees = table.Column<int>(type: "INTEGER", nullable: true),
                    owner_id = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "forecast_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    taken_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    owner_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forecast_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_forecast_snapshots_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quotas",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    owner_id = table.Column<int>(type: "INTEGER", nullable: true),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quotas", x => x.id);
                    table.ForeignKey(
                        name: "fk_quotas_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", nullable: true),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "deals",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    account_id = table.Column<string>(type: "TEXT", nullable: true),
                    owner_id = table.Column<int>(type: "INTEGER", nullable: true),
                    amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    product = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    close_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    loss_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    forecast_category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    probability = table.Column<int>(type: "INTEGER", nullable: true),
                    next_step = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deals", x => x.id);
                    table.ForeignKey(
                        name: "fk_deals_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deals_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    mrr = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_subscriptions_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    satisfaction = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets", x => x.id);
                    table.ForeignKey(
                        name: "fk_tickets_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "usage",
                columns: table => new
                {
                    account_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    active_users = table.Column<int>(type: "INTEGER", nullable: true),
                    events = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usage", x => new { x.account_id, x.date });
                    table.ForeignKey(
                        name: "fk_usage_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    deal_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_activities_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_activities_deals_deal_id",
                        column: x => x.deal_id,
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_activities_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "deal_stage_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    deal_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    entered_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_stage_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_deal_stage_history_deals_deal_id",
                        column: x => x.deal_id,
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_name",
                table: "accounts",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_owner_id",
                table: "accounts",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_account_id_occurred_at",
                table: "activities",
                columns: new[] { "account_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_deal_id_occurred_at",
                table: "activities",
                columns: new[] { "deal_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_user_id",
                table: "activities",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_entity_id_at",
                table: "audit_log",
                columns: new[] { "entity", "entity_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_account_id",
                table: "contacts",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_email",
                table: "contacts",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_deal_stage_history_deal_id_entered_at_stage",
                table: "deal_stage_history",
                columns: new[] { "deal_id", "entered_at", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_account_id",
                table: "deals",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_deals_created_at",
                table: "deals",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_deals_owner_id",
                table: "deals",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_close_date",
                table: "deals",
                columns: new[] { "status", "close_date" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_closed_at",
                table: "deals",
                columns: new[] { "status", "closed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_forecast_snapshots_owner_id",
                table: "forecast_snapshots",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_forecast_snapshots_period_start_taken_at",
                table: "forecast_snapshots",
                columns: new[] { "period_start", "taken_at" });

            migrationBuilder.CreateIndex(
                name: "ix_quotas_owner_id",
                table: "quotas",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_period_start_period_end_owner_id",
                table: "quotas",
                columns: new[] { "period_start", "period_end", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_spend_month_category_channel",
                table: "spend",
                columns: new[] { "month", "category", "channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_account_id",
                table: "subscriptions",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_start_date_end_date",
                table: "subscriptions",
                columns: new[] { "start_date", "end_date" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_account_id_opened_at",
                table: "tickets",
                columns: new[] { "account_id", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_users_email",
                table: "users",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_manager_id",
                table: "users",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_slack_user_id",
                table: "users",
                column: "slack_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_teams_user_id",
                table: "users",
                column: "teams_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "deal_stage_history");

            migrationBuilder.DropTable(
                name: "forecast_snapshots");

            migrationBuilder.DropTable(
                name: "quotas");

            migrationBuilder.DropTable(
                name: "spend");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "tickets");

            migrationBuilder.DropTable(
                name: "usage");

            migrationBuilder.DropTable(
                name: "deals");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}

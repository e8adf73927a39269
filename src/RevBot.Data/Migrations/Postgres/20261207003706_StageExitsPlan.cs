using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StageExitsPlan : Migration
    {
        // The exits trigger's recompute, planned for the deals each statement touched. As static PL/pgSQL its plan was
        // cached once per session and became generic (a scan of the whole history for every statement), so a sync
        // of 100,000 deals slowed as the table grew; EXECUTE plans it for the array it is given, and the rows to
        // update are found by the same index rather than by hashing the whole table.
        private const string Recompute = """
              EXECUTE $q$
                UPDATE deal_stage_history h SET left_at = n.next
                FROM (SELECT s.id, min(s.entered_at) OVER (PARTITION BY s.deal_id ORDER BY s.entered_at
                                     RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) AS next
                      FROM deal_stage_history s WHERE s.deal_id = ANY($1)) n
                WHERE h.deal_id = ANY($1) AND h.id = n.id AND h.left_at IS DISTINCT FROM n.next $q$ USING touched;
            """;

        private const string Static = """
              UPDATE deal_stage_history h SET left_at = n.next
              FROM (SELECT s.id, min(s.entered_at) OVER (PARTITION BY s.deal_id ORDER BY s.entered_at
                                   RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) AS next
                    FROM deal_stage_history s WHERE s.deal_id = ANY(touched)) n
              WHERE h.id = n.id AND h.left_at IS DISTINCT FROM n.next;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Function(Recompute));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Function(Static));

        private static string Function(string recompute) => $$"""
            CREATE OR REPLACE FUNCTION deal_stage_history_exits() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              touched text[];
            BEGIN
              IF TG_OP = 'INSERT' THEN
                SELECT array_agg(DISTINCT deal_id) INTO touched FROM new_rows;
              ELSIF TG_OP = 'DELETE' THEN
                SELECT array_agg(DISTINCT deal_id) INTO touched FROM old_rows;
              ELSE
                -- Only rows that moved (another deal or time) change exits; our own update of left_at moves none.
                SELECT array_agg(DISTINCT d) INTO touched
                FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.deal_id, n.deal_id]) AS d
                WHERE o.deal_id IS DISTINCT FROM n.deal_id OR o.entered_at IS DISTINCT FROM n.entered_at;
              END IF;
              IF touched IS NULL THEN
                RETURN NULL;
              END IF;
            {{recompute}}
              RETURN NULL;
            END $$;
            """;
    }
}

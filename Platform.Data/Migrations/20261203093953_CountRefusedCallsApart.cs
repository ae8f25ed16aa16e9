using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class CountRefusedCallsApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "refused_calls",
                table: "llm_daily_user_usage",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "refused_calls",
                table: "llm_daily_usage",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Refusals counted as calls until now move to refused_calls, for the days whose raw rows are still kept.
            migrationBuilder.Sql("""
                UPDATE llm_daily_usage AS daily SET calls = daily.calls - refused.count, refused_calls = refused.count
                FROM (SELECT coalesce(guild_id, 0) AS guild_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, module, model_requested AS model, count(*)
                      FROM llm_usage WHERE status = 'budget_blocked' GROUP BY 1, 2, 3, 4) AS refused
                WHERE daily.guild_id = refused.guild_id AND daily.day = refused.day AND daily.module = refused.module AND daily.model = refused.model;

                UPDATE llm_daily_user_usage AS users SET calls = users.calls - refused.count, refused_calls = refused.count
                FROM (SELECT coalesce(guild_id, 0) AS guild_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, coalesce(user_id, 0) AS user_id, count(*)
                      FROM llm_usage WHERE status = 'budget_blocked' GROUP BY 1, 2, 3) AS refused
                WHERE users.guild_id = refused.guild_id AND users.day = refused.day AND users.user_id = refused.user_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "refused_calls",
                table: "llm_daily_user_usage");

            migrationBuilder.DropColumn(
                name: "refused_calls",
                table: "llm_daily_usage");
        }
    }
}

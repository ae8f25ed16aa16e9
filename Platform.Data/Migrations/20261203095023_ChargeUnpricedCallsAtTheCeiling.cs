using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChargeUnpricedCallsAtTheCeiling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "price_missing",
                table: "llm_usage",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "unpriced_calls",
                table: "llm_daily_user_usage",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "unpriced_calls",
                table: "llm_daily_usage",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "price_missing",
                table: "llm_usage");

            migrationBuilder.DropColumn(
                name: "unpriced_calls",
                table: "llm_daily_user_usage");

            migrationBuilder.DropColumn(
                name: "unpriced_calls",
                table: "llm_daily_usage");
        }
    }
}

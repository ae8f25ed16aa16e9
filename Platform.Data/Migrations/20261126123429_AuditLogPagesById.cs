using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogPagesById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_log_guild_id_occurred_at",
                table: "audit_log");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_guild_id_id",
                table: "audit_log",
                columns: new[] { "guild_id", "id" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_log_guild_id_id",
                table: "audit_log");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_guild_id_occurred_at",
                table: "audit_log",
                columns: new[] { "guild_id", "occurred_at" },
                descending: new[] { false, true });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <summary>
    /// The api and the bot log in as roles that read and write rows but cannot change the schema
    /// (<see cref="Platform.Data.ServiceLogins"/>). The bot still manages llm_usage's monthly partitions: it does
    /// so through these two functions, which run with the rights of the schema's owner and can do nothing else.
    /// Their search_path is pinned, so a caller's own objects cannot stand in for the ones they name.
    /// </summary>
    public partial class LeastPrivilegeServiceRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION llm_usage_drop_partition(partition_name text) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    IF partition_name !~ '^llm_usage_p[0-9]{6}$' THEN
                        RAISE EXCEPTION '% is not a monthly partition of llm_usage', partition_name USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    -- Gone already: another bot dropped it first.
                    IF to_regclass(partition_name) IS NULL THEN
                        RETURN;
                    END IF;
                    IF NOT EXISTS (
                        SELECT FROM pg_inherits JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                        WHERE pg_inherits.inhparent = 'llm_usage'::regclass AND child.oid = to_regclass(partition_name)) THEN
                        RAISE EXCEPTION '% is not a monthly partition of llm_usage', partition_name USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    EXECUTE format('DROP TABLE IF EXISTS %I', partition_name);
                END $$;

                DO $$
                BEGIN
                    EXECUTE format('ALTER FUNCTION llm_usage_ensure_partition(timestamptz) SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
                    EXECUTE format('ALTER FUNCTION llm_usage_drop_partition(text) SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
                END $$;
                REVOKE EXECUTE ON FUNCTION llm_usage_ensure_partition(timestamptz), llm_usage_drop_partition(text) FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION llm_usage_drop_partition(text);
                ALTER FUNCTION llm_usage_ensure_partition(timestamptz) SECURITY INVOKER RESET search_path;
                GRANT EXECUTE ON FUNCTION llm_usage_ensure_partition(timestamptz) TO PUBLIC;
                """);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <summary>
    /// Turns llm_usage into a table partitioned by month, so that retention drops whole partitions
    /// instead of deleting rows (no bloat, no vacuum debt), and adds the function that creates a
    /// month's partition, which the bot calls ahead of time and before writing a month it has not seen.
    /// </summary>
    public partial class PartitionLlmUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION llm_usage_ensure_partition(at timestamptz) RETURNS text LANGUAGE plpgsql AS $$
                DECLARE
                    month_start timestamptz := date_trunc('month', at, 'UTC');
                    partition_name text := 'llm_usage_p' || to_char(month_start AT TIME ZONE 'UTC', 'YYYYMM');
                BEGIN
                    IF to_regclass(partition_name) IS NULL THEN
                        -- Two bots seeing a new month at once would otherwise race on the catalog.
                        PERFORM pg_advisory_xact_lock(hashtext('llm_usage_partitions'));
                        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF llm_usage FOR VALUES FROM (%L) TO (%L)',
                            partition_name, month_start, month_start + interval '1 month');
                    END IF;
                    RETURN partition_name;
                END $$;

                ALTER TABLE llm_usage RENAME TO llm_usage_unpartitioned;
                ALTER TABLE llm_usage_unpartitioned RENAME CONSTRAINT pk_llm_usage TO pk_llm_usage_unpartitioned;
                ALTER INDEX ix_llm_usage_guild_id_occurred_at RENAME TO ix_llm_usage_unpartitioned_guild_id_occurred_at;

                CREATE TABLE llm_usage (LIKE llm_usage_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (occurred_at);
                ALTER TABLE llm_usage ADD CONSTRAINT pk_llm_usage PRIMARY KEY (id, occurred_at);
                CREATE INDEX ix_llm_usage_guild_id_occurred_at ON llm_usage (guild_id, occurred_at);

                SELECT llm_usage_ensure_partition(month)
                FROM generate_series(
                    date_trunc('month', least(now(), (SELECT min(occurred_at) FROM llm_usage_unpartitioned)), 'UTC'),
                    greatest(now() + interval '1 month', (SELECT max(occurred_at) FROM llm_usage_unpartitioned)),
                    interval '1 month') AS month;

                INSERT INTO llm_usage SELECT * FROM llm_usage_unpartitioned;
                DROP TABLE llm_usage_unpartitioned;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE llm_usage RENAME TO llm_usage_partitioned;
                ALTER TABLE llm_usage_partitioned RENAME CONSTRAINT pk_llm_usage TO pk_llm_usage_partitioned;
                ALTER INDEX ix_llm_usage_guild_id_occurred_at RENAME TO ix_llm_usage_partitioned_guild_id_occurred_at;

                CREATE TABLE llm_usage (LIKE llm_usage_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
                ALTER TABLE llm_usage ADD CONSTRAINT pk_llm_usage PRIMARY KEY (id, occurred_at);
                CREATE INDEX ix_llm_usage_guild_id_occurred_at ON llm_usage (guild_id, occurred_at);
                INSERT INTO llm_usage SELECT * FROM llm_usage_partitioned;

                DROP TABLE llm_usage_partitioned;
                DROP FUNCTION llm_usage_ensure_partition(timestamptz);
                """);
        }
    }
}

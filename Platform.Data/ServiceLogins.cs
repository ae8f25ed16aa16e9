using Npgsql;

namespace Platform.Data;

/// <summary>
/// The roles the api and the bot log in as: they read and write every table's rows and manage llm_usage's
/// partitions through its two functions, but cannot create, alter or drop anything. The migration
/// service, which owns the schema, applies this after every migration, so new tables are covered too and
/// a changed password takes effect at the next start.
/// </summary>
public static class ServiceLogins
{
    public const string Section = "ServiceLogins";

    // Role statements take no bind parameters, so the name and the password reach them as transaction-local
    // settings: no statement text, which Npgsql logs and Postgres may log, ever holds the password.
    private const string Grant = $$"""
        DO $$
        DECLARE
            login text := current_setting('platform.login');
            schema name;
        BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
                EXECUTE format('ALTER ROLE %I WITH LOGIN PASSWORD %L', login, current_setting('platform.login_password'));
            ELSE
                EXECUTE format('CREATE ROLE %I WITH LOGIN PASSWORD %L', login, current_setting('platform.login_password'));
            END IF;
            EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), login);
            -- The platform's tables and every module's schema of its own.
            FOR schema IN SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' LOOP
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema, login);
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema, login);
                EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, login);
            END LOOP;
            -- The api reports the applied migrations; a service that could write them could make the next one be skipped.
            EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON TABLE %I FROM %I', '{{PlatformDbOptions.MigrationsHistoryTable}}', login);
            EXECUTE format('GRANT EXECUTE ON FUNCTION llm_usage_ensure_partition(timestamptz), llm_usage_drop_partition(text) TO %I', login);
        END $$
        """;

    /// <summary>
    /// Creates <paramref name="role"/> if it is missing, sets its password, and grants it row access in every schema of
    /// the database.
    /// </summary>
    public static async Task GrantAsync(NpgsqlConnection connection, string role, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException($"The login {role} has no password.", nameof(password));
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (
            var settings = new NpgsqlCommand(
                "SELECT set_config('platform.login', $1, true), set_config('platform.login_password', $2, true)",
                connection,
                transaction))
        {
            settings.Parameters.Add(new() { Value = role });
            settings.Parameters.Add(new() { Value = password });
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var grant = new NpgsqlCommand(Grant, connection, transaction))
        {
            await grant.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

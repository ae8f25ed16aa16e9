namespace Platform.Hosting.Compose;

/// <summary>
/// Postgres and Redis as the deployment runs them: their official images and data volumes as the model has them, health
/// checks, only on <c>dbnet</c>.
/// </summary>
public static class ComposeInfrastructure
{
    public static ComposeServiceAnnotation Postgres(string database) => new(ComposeNetworks.DbNet)
    {
        Environment = new Dictionary<string, string> { ["POSTGRES_DB"] = database },
        Healthcheck = new(["CMD-SHELL", $"pg_isready -U postgres -d {database}"]),
    };

    /// <summary>
    /// Redis with its password and append-only persistence. The password is read from the container's
    /// environment by a shell (<c>$$</c> escapes Compose), so it is not written into the command.
    /// </summary>
    public static ComposeServiceAnnotation Redis() => new(ComposeNetworks.DbNet)
    {
        Command = ["sh", "-c", "exec redis-server --requirepass \"$$REDIS_PASSWORD\" --appendonly yes --appendfsync everysec"],
        Healthcheck = new(["CMD-SHELL", "redis-cli -a \"$$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG"]),
    };
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data.Llm;
using Platform.Testing;

namespace Platform.Data.Tests.Llm;

internal static class LlmUsageTestData
{
    /// <summary>A new migrated database, as a context and as a data source.</summary>
    public static async Task<(PlatformDbContext Db, NpgsqlDataSource DataSource)> MigratedAsync(this LocalPostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(connectionString));
        await db.Database.MigrateAsync();
        return (db, NpgsqlDataSource.Create(connectionString));
    }

    public static LlmUsage Usage(long? guildId, string module, decimal cost, DateTimeOffset at, string model = "gpt-4o-mini") => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = at,
        GuildId = guildId,
        ChannelId = 11,
        UserId = 12,
        Module = module,
        Command = "/ask",
        Provider = "openai",
        ModelRequested = model,
        ModelReturned = "gpt-4o-mini-2024-07-18",
        InputTokens = 120,
        CachedInputTokens = 0,
        OutputTokens = 80,
        ReasoningTokens = 0,
        CostUsd = cost,
        DurationMs = 900,
        TimeToFirstTokenMs = 150,
        Status = LlmCallStatus.Ok,
        RequestId = "chatcmpl-test",
    };
}

using System.Text.Json;
using Platform.Testing;

namespace Platform.Deployment.Tests;

/// <summary>The bundle as operators start it and as members use it.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class DeploymentTests(DeploymentFixture deployment)
{
    [Fact]
    public async Task Migrations_end_before_the_api_and_the_bot_start_and_every_service_turns_healthy()
    {
        var migrations = deployment.FirstStates["migrations"];

        Assert.Equal(("exited", 0), (migrations.GetProperty("Status").GetString(), migrations.GetProperty("ExitCode").GetInt32()));
        foreach (var service in new[] { "api", "bot" })
        {
            var started = deployment.FirstStates[service].GetProperty("StartedAt").GetDateTimeOffset();
            Assert.True(
                started > migrations.GetProperty("FinishedAt").GetDateTimeOffset(),
                $"{service} started at {started}, before migrations ended.");
        }

        Assert.True(await deployment.Compose.AllHealthyAsync());
    }

    [Fact]
    public async Task The_api_and_the_bot_log_in_as_roles_that_cannot_change_the_schema_which_migrations_owns()
    {
        var logins = await deployment.Compose.LoginsAsync();
        var mayCreate = await deployment.Compose.SqlAsync(
            "SELECT has_schema_privilege('platform_api', 'public', 'CREATE') OR has_schema_privilege('platform_bot', 'public', 'CREATE')");
        var owners = await deployment.Compose.SqlAsync(
            "SELECT string_agg(DISTINCT tableowner::text, ' ') FROM pg_tables WHERE schemaname = 'public'");

        Assert.Equal("platform_api platform_bot", logins);
        Assert.Equal(("f", "postgres"), (mayCreate, owners));
    }

    [Fact]
    public async Task A_tag_set_through_discord_is_read_back_from_the_bot_container()
    {
        var name = $"t{Guid.NewGuid():N}"[..12];

        var created = await deployment.Owner.SetTagAsync(name, "Hello from the bundle.");
        var shown = await deployment.Owner.GetTagAsync(name);

        Assert.Equal($"Tag `{name}` created.", created);
        Assert.Equal("Hello from the bundle.", shown);
    }

    [Fact]
    public async Task Ask_is_answered_and_its_call_recorded_with_tokens_and_cost()
    {
        var guild = await deployment.Owner.GuildAsync();
        var prompt = $"deployment {Guid.NewGuid():N}";

        var answer = await deployment.Owner.AskAsync(prompt);

        Assert.Equal($"Emulated answer to: {prompt}", answer);
        var row = await Eventually.ValueAsync(
            async () =>
                await deployment.Compose.SqlAsync(
                    $"SELECT module || ' ' || status || ' ' || (input_tokens > 0) || ' ' || (cost_usd > 0) FROM " +
                    $"llm_usage WHERE guild_id = {guild.GetProperty("id").GetString()} ORDER BY occurred_at DESC LIMIT 1")
                    is { Length: > 0 } text
                    ? text
                    : null,
            "the call's usage row",
            TimeSpan.FromSeconds(30));
        Assert.Equal("ask ok true true", row);
    }

    [Fact]
    public async Task Usage_made_while_postgres_is_down_reaches_it_exactly_once_through_the_spool_the_image_user_writes()
    {
        var before = int.Parse(await deployment.Compose.SqlAsync("SELECT count(*) FROM llm_usage"));

        (await deployment.Compose.RunAsync("stop", "postgres")).EnsureSuccess();
        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith("Emulated answer", await deployment.Owner.AskAsync($"while postgres is away {i}"));
        }

        var spooled = await Eventually.ValueAsync(
            async () => await SpoolAsync() is { Count: > 0 } files ? files : null,
            "records in the spool",
            TimeSpan.FromSeconds(30));
        (await deployment.Compose.RunAsync("start", "postgres")).EnsureSuccess();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.TrueAsync(
            async () => (await SpoolAsync()).Count == 0,
            "the spool emptied",
            TimeSpan.FromMinutes(3),
            TimeSpan.FromSeconds(1));
        deployment.Figures.SpoolDrained = clock.Elapsed;

        Assert.All(spooled, file => Assert.StartsWith("1654 1654 ", file));
        Assert.Equal(
            $"{before + 3}|{before + 3}",
            await deployment.Compose.SqlAsync("SELECT count(*) || '|' || count(DISTINCT id) FROM llm_usage"));
        await Eventually.TrueAsync(
            deployment.Compose.AllHealthyAsync,
            "every service healthy again",
            TimeSpan.FromMinutes(2),
            TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Down_then_up_keeps_every_row_and_key()
    {
        var name = $"k{Guid.NewGuid():N}"[..12];
        Assert.Equal($"Tag `{name}` created.", await deployment.Owner.SetTagAsync(name, "Kept."));
        Assert.Equal("OK", await deployment.Compose.RedisAsync($"SET deployment-test:{name} kept"));

        deployment.Figures.WarmUp = await deployment.DownThenUpAsync();

        Assert.Equal("kept", await deployment.Compose.RedisAsync($"GET deployment-test:{name}"));
        Assert.Equal("Kept.", await deployment.Owner.GetTagAsync(name));
    }

    /// <summary>The spool's files as <c>ls -ln</c> shows them inside the bot container: owner, group, name.</summary>
    private async Task<IReadOnlyList<string>> SpoolAsync()
    {
        var listing = (
            await deployment.Compose.ExecAsync(
                "bot",
                "sh",
                "-c",
                "ls -ln /var/lib/platform-bot/spool | awk 'NR > 1 && $1 ~ /^-/ { print $3, $4, $9 }'")).EnsureSuccess();
        return listing
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.EndsWith(".json", StringComparison.Ordinal))
            .ToList();
    }
}

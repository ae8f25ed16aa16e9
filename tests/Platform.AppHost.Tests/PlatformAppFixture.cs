using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.AppHost.Tests;

/// <summary>
/// The whole platform started once for a collection of tests, in local mode: starting and
/// disposing an AppHost costs tens of seconds.
/// </summary>
public sealed class PlatformAppFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["api", "bot", "frontend"];

    private readonly TestDataDirectory dataDirectory = TestDataDirectory.Create("app");

    public string PostgresPassword { get; } = $"pg-{Guid.NewGuid():N}";

    public string RedisPassword { get; } = $"redis-{Guid.NewGuid():N}";

    public DistributedApplication App { get; private set; } = null!;

    public ResourceEvent MigrationsFinished { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await TestAppHost.CreateBuilderAsync(dataDirectory.Path, PostgresPassword, RedisPassword);
        App = await builder.BuildAsync();

        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await App.StartAsync(timeout.Token);
        MigrationsFinished = await App.ResourceNotifications.WaitForResourceAsync(
            "migrations", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
    }

    /// <summary>The first guild of the emulator's world, once the bot is up.</summary>
    public async Task<JsonElement> FirstGuildAsync(HttpClient discord, CancellationToken cancellationToken)
    {
        await App.ResourceNotifications.WaitForResourceHealthyAsync("bot", cancellationToken);
        using var guilds = JsonDocument.Parse(await discord.GetStringAsync("/control/guilds", cancellationToken));
        return guilds.RootElement[0].Clone();
    }

    /// <summary>What the member finally sees: the callback's text, or the edit that followed a deferral (a cold bot may defer).</summary>
    /// <param name="settleMs">How long the reply must stay unchanged to count as final: a streamed answer is edited in pieces.</param>
    public static async Task<string?> InvokeAsync(HttpClient discord, JsonElement guild, string command, string options, CancellationToken cancellationToken, int settleMs = 250)
    {
        var body = $$"""
            {"guild_id":"{{guild.GetProperty("id").GetString()}}","user_id":"{{guild.GetProperty("owner_id").GetString()}}","name":"{{command}}","wait_ms":15000,"settle_ms":{{settleMs}},
             "options":{{options}}}
            """;
        using var response = await discord.PostAsync("/control/interactions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        using var transcript = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var entries = transcript.RootElement.GetProperty("responses").EnumerateArray().Prepend(transcript.RootElement.GetProperty("callback"));
        return entries
            .Select(entry => entry.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("content", out var content) ? content.GetString() : null)
            .LastOrDefault(content => content is not null);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await App.StopAsync();
        await App.DisposeAsync();
        dataDirectory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformAppCollection : ICollectionFixture<PlatformAppFixture>
{
    public const string Name = "platform";
}

using System.Diagnostics;
using Platform.Testing;

namespace Platform.Deployment.Tests;

/// <summary>
/// An operator's upgrade: the bundle published before the deployment first ran (<c>PreviousBundle/</c>), built from
/// that commit's sources and used by members; then HEAD's bundle, with the previous <c>.env</c> carried over, brought
/// up on the same project and volumes.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class UpgradeTests(DeploymentFixture deployment) : IAsyncLifetime
{
    private const string PreviousCommit = "c5b1f4f3bdcc47cc074204969e998d1c0186d513";

    // The services the schema matters to. The frontend and the dashboard would publish host ports the fixture's deployment holds.
    private static readonly string[] Services = ["migrations", "api", "bot"];

    private readonly string root = Directory.CreateTempSubdirectory("upgrade-").FullName;
    private ComposeProject? previous;

    [Fact]
    public async Task The_next_bundle_migrates_before_its_services_start_and_keeps_every_row_and_what_members_made()
    {
        var (bundle, environment) = await PublishPreviousAsync();
        previous = DeploymentFixture.WithEmulators(bundle, "platform-upgrade");
        (await previous.RunAsync("down", "--volumes", "--remove-orphans")).EnsureSuccess();
        var clock = Stopwatch.StartNew();
        (await previous.RunAsync(TimeSpan.FromMinutes(20), ["build", .. Services])).EnsureSuccess();
        deployment.Figures.PreviousBuild = clock.Elapsed;
        await using (new HealthcheckPump(previous.Name))
        {
            await previous.UpAsync(Services);
        }

        var tag = $"u{Guid.NewGuid():N}"[..12];
        using (var discord = await previous.DiscordAsync())
        {
            var owner = new GuildOwner(discord);
            await Eventually.TrueAsync(async () => await owner.GetTagAsync(tag) is not null, "the previous bot answering", TimeSpan.FromMinutes(3));
            Assert.Equal($"Tag `{tag}` created.", await owner.SetTagAsync(tag, "Made before the upgrade."));
            Assert.StartsWith("Emulated answer", await owner.AskAsync("Made before the upgrade?"));
        }

        var rowsBefore = await RowsAsync(previous);
        var next = await NextBundleAsync(environment);

        await using (new HealthcheckPump(next.Name))
        {
            deployment.Figures.UpgradeUp = await next.UpAsync(Services);
        }

        var states = await next.StatesAsync(Services);
        var migrated = states["migrations"];
        Assert.Equal(("exited", 0), (migrated.GetProperty("Status").GetString(), migrated.GetProperty("ExitCode").GetInt32()));
        Assert.All(new[] { "api", "bot" }, service => Assert.True(
            states[service].GetProperty("StartedAt").GetDateTimeOffset() > migrated.GetProperty("FinishedAt").GetDateTimeOffset(),
            $"{service} started before the upgrade's migrations ended."));
        var migrations = Migrations();
        Assert.StartsWith(
            $"{migrations.Count} ({migrations[^1]},",
            await next.SqlAsync("SELECT count(*) || ' ' || max(h::text) FROM __ef_migrations_history h"));
        Assert.Equal(rowsBefore, await RowsAsync(next));
        Assert.Equal("platform_api platform_bot", await next.LoginsAsync());
        using var upgraded = await next.DiscordAsync();
        Assert.Equal("Made before the upgrade.", await new GuildOwner(upgraded).GetTagAsync(tag));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (previous is not null)
        {
            await previous.RunAsync("down", "--volumes", "--remove-orphans");
        }

        Directory.Delete(root, recursive: true);
    }

    /// <summary>
    /// The recorded publish output beside that commit's sources, with the two things Debian's docker-compose 1.29
    /// cannot load (issue 20 fixed both in the publisher): a top-level <c>name</c>, and an unquoted <c>true</c>.
    /// </summary>
    private async Task<(string Bundle, EnvironmentFile Environment)> PublishPreviousAsync()
    {
        var sources = Directory.CreateDirectory(Path.Combine(root, "previous")).FullName;
        (await Tool.RunAsync("sh", ["-c", $"git archive {PreviousCommit} | tar -x -C '{sources}'"], RepositoryRoot.Path)).EnsureSuccess();
        var bundle = Directory.CreateDirectory(Path.Combine(sources, "bundle")).FullName;
        var recorded = Path.Combine(DeploymentFixture.TestSources, "PreviousBundle");
        var loadable = (await File.ReadAllLinesAsync(Path.Combine(recorded, "docker-compose.yaml")))
            .Where(line => !line.StartsWith("name:", StringComparison.Ordinal))
            .Select(line => line.EndsWith(": true", StringComparison.Ordinal) ? $"{line[..^4]}\"true\"" : line);
        await File.WriteAllLinesAsync(Path.Combine(bundle, "docker-compose.yaml"), loadable);
        File.Copy(Path.Combine(recorded, ".env.example"), Path.Combine(bundle, ".env.example"));
        return (bundle, await EnvironmentFile.WriteAsync(bundle, DeploymentFixture.EmulatorChoices));
    }

    /// <summary>HEAD's bundle and images, as the fixture published and built them, with the previous .env's values kept.</summary>
    private async Task<ComposeProject> NextBundleAsync(EnvironmentFile previousEnvironment)
    {
        var bundle = Directory.CreateDirectory(Path.Combine(root, "next")).FullName;
        foreach (var file in new[] { "docker-compose.yaml", ".env.example", "emulators.compose.yaml" })
        {
            File.Copy(Path.Combine(deployment.Compose.Directory, file), Path.Combine(bundle, file));
        }

        await EnvironmentFile.WriteAsync(bundle, previousEnvironment.Values);
        var next = previous!.From(bundle);
        foreach (var service in Services)
        {
            (await Podman.RunAsync("tag", $"{deployment.Compose.Name}_{service}", $"{next.Name}_{service}")).EnsureSuccess();
        }

        return next;
    }

    /// <summary>Every row members made, whole, in a stable order: what the upgrade must not change.</summary>
    private static Task<string> RowsAsync(ComposeProject project) =>
        project.SqlAsync(
            "SELECT (SELECT string_agg(t::text, chr(10) ORDER BY id) FROM tags.tags t) || chr(10) || (SELECT " +
            "string_agg(u::text, chr(10) ORDER BY id) FROM llm_usage u)");

    /// <summary>HEAD's migrations, oldest first, as their files name them.</summary>
    private static List<string> Migrations() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "Platform.Data", "Migrations"), "*.Designer.cs")
            .Select(file => Path.GetFileName(file)[..^".Designer.cs".Length])
            .Order(StringComparer.Ordinal)];
}

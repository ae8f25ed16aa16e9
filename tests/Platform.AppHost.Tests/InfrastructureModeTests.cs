using Aspire.Hosting.ApplicationModel;
using Platform.Testing;

namespace Platform.AppHost.Tests;

public sealed class InfrastructureModeTests
{
    [Fact]
    public async Task Forcing_containers_without_a_runtime_fails_at_once_and_says_what_to_do()
    {
        using var data = TestDataDirectory.Create("mode");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestAppHost.CreateBuilderAsync(
            data.Path, "unused", "unused",
            "--Infrastructure:Mode=containers",
            "--ASPIRE_CONTAINER_RUNTIME=no-such-container-runtime"));

        var message = Innermost(error).Message;
        Assert.Contains("no container runtime answered", message);
        Assert.Contains("'no-such-container-runtime' is not installed", message);
        Assert.Contains("Infrastructure:Mode=local", message);
    }

    [Fact]
    public async Task Podman_is_recognised_as_a_runtime_that_answers()
    {
        using var data = TestDataDirectory.Create("mode");

        var builder = await TestAppHost.CreateBuilderAsync(
            data.Path,
            "unused",
            "unused",
            "--Infrastructure:Mode=auto",
            "--ASPIRE_CONTAINER_RUNTIME=podman");

        Assert.Single(builder.Resources.OfType<PostgresServerResource>());
        Assert.Single(builder.Resources.OfType<RedisResource>());
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_with_the_valid_ones()
    {
        using var data = TestDataDirectory.Create("mode");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestAppHost.CreateBuilderAsync(
            data.Path, "unused", "unused", "--Infrastructure:Mode=kubernetes"));

        Assert.Contains("it must be 'auto', 'containers' or 'local'", Innermost(error).Message);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task In_containers_mode_redis_keeps_an_append_only_file_as_documented()
    {
        using var data = TestDataDirectory.Create("mode");
        // A runtime that answers "version": the model is only built here, never started.
        var runtime = Path.Combine(data.Path, "fake-runtime");
        await File.WriteAllTextAsync(runtime, "#!/bin/sh\necho 28.0.0\n");
        File.SetUnixFileMode(runtime, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var builder = await TestAppHost.CreateBuilderAsync(
            data.Path,
            "unused",
            "unused",
            "--Infrastructure:Mode=containers",
            $"--ASPIRE_CONTAINER_RUNTIME={runtime}");
        var redis = builder.Resources.OfType<RedisResource>().Single();
#pragma warning disable CS0618 // The replacement needs a started application's services.
        var command = string.Join(' ', await redis.GetArgumentValuesAsync());
#pragma warning restore CS0618

        Assert.Contains("--appendonly yes --appendfsync everysec", command);
        Assert.DoesNotContain("--save", command);
    }

    private static Exception Innermost(Exception error) =>
        error.InnerException is null ? error : Innermost(error.InnerException);
}

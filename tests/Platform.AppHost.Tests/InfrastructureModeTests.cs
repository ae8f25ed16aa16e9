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
    public async Task An_unknown_mode_is_refused_with_the_valid_ones()
    {
        using var data = TestDataDirectory.Create("mode");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestAppHost.CreateBuilderAsync(
            data.Path, "unused", "unused", "--Infrastructure:Mode=kubernetes"));

        Assert.Contains("it must be 'auto', 'containers' or 'local'", Innermost(error).Message);
    }

    private static Exception Innermost(Exception error) =>
        error.InnerException is null ? error : Innermost(error.InnerException);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Platform.Discord.Interactions;
using Platform.Discord.Rest;

namespace Platform.Discord.Tests;

public sealed class RestClientRegistrationTests
{
    [Fact]
    public async Task Every_service_gets_the_same_client_so_rate_limits_are_counted_once_per_token()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var services = Services(emulator);

        Assert.Same(services.GetRequiredService<DiscordRestClient>(), services.GetRequiredService<DiscordRestClient>());
    }

    [Fact]
    public async Task Request_logs_never_carry_the_interaction_token_in_the_path()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var services = Services(emulator);
        const string token = "aW50ZXJhY3Rpb246c2VjcmV0";

        await Assert.ThrowsAsync<DiscordApiException>(() => services.GetRequiredService<DiscordRestClient>().CreateInteractionResponseAsync(
            1, token, InteractionResponse.Message("hi"), CancellationToken.None));

        Assert.DoesNotContain(services.GetFakeLogCollector().GetSnapshot(), record => record.Message.Contains(token));
    }

    private static ServiceProvider Services(TestEmulator emulator)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddDiscordRestClient(new DiscordRestOptions { Token = TestEmulator.Token, BaseAddress = emulator.RestBase });
        return services.BuildServiceProvider();
    }
}

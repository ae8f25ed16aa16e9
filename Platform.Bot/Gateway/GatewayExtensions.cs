using Platform.Bot.Gateway;
using Platform.Discord.Gateway;
using Platform.Discord.Rest;

namespace Microsoft.Extensions.Hosting;

public static class GatewayExtensions
{
    /// <summary>Registers the Discord REST client and the sharded gateway from the <c>Discord</c> section, and runs the shards.</summary>
    public static IHostApplicationBuilder AddDiscordGateway(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(DiscordSettings.Section).Get<DiscordSettings>() ?? new DiscordSettings();
        if (string.IsNullOrWhiteSpace(settings.Token))
        {
            throw new InvalidOperationException(
                "Discord:Token is not set. Under the AppHost it comes from the discord-bot-token parameter, or from the emulator when that is unset.");
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new DiscordRestOptions { Token = settings.Token, BaseAddress = settings.RestBaseAddress });

        // Discord's rate limits are the REST client's to honour: generic retries would resend into a 429.
#pragma warning disable EXTEXP0001 // The supported way to opt one client out of the service defaults' resilience.
        builder.Services.AddHttpClient<DiscordRestClient>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddSingleton<IIdentifyCoordinator, InProcessIdentifyCoordinator>(_ => new InProcessIdentifyCoordinator());
        builder.Services.AddSingleton(new DiscordGatewayOptions
        {
            Token = settings.Token,
            Intents = settings.Intents,
            TotalShards = settings.TotalShards,
            ShardIds = settings.ShardIds,
        });
        builder.Services.AddSingleton<DiscordGatewayClient>();
        builder.Services.AddHostedService<GatewayService>();
        builder.Services.AddHealthChecks().AddCheck<GatewayHealthCheck>("discord-gateway");

        return builder;
    }
}

using Platform.Bot;
using Platform.Bot.Guilds;
using Platform.Bot.Hosting;
using Platform.Bot.Shards;
using Platform.Discord.Gateway;
using Platform.Discord.Rest;

namespace Microsoft.Extensions.Hosting;

public static class BotHostingExtensions
{
    /// <summary>
    /// Registers the Discord REST client and the sharded gateway: shard leases and identify pacing shared
    /// through Redis, shard status published to Redis, the guild directory, rights changes told to the api, and
    /// the gateway health check.
    /// </summary>
    public static IHostApplicationBuilder AddDiscordGateway(this IHostApplicationBuilder builder)
    {
        var discord = builder.Configuration.GetSection(DiscordSettings.Section).Get<DiscordSettings>() ?? new DiscordSettings();
        if (string.IsNullOrWhiteSpace(discord.Token))
        {
            throw new InvalidOperationException(
                "Discord:Token is not set. Under the AppHost it comes from the discord-bot-token parameter, or from " +
                "the emulator when that is unset.");
        }

        builder.Services.AddSingleton(discord);
        builder.Services.AddSingleton(builder.Configuration.GetSection(BotOptions.Section).Get<BotOptions>() ?? new BotOptions());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDiscordRestClient(new DiscordRestOptions { Token = discord.Token, BaseAddress = discord.RestBaseAddress })
            .WithoutGenericRetries()
            .WithoutServiceDiscovery();

        builder.Services.AddSingleton<ShardLeases>();
        builder.Services.AddSingleton<ShardHandovers>();
        builder.Services.AddSingleton<IIdentifyCoordinator, RedisIdentifyCoordinator>();
        builder.Services.AddSingleton<ShardSupervisor>();
        builder.Services.AddSingleton<GuildDirectory>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GuildDirectory>());
        builder.Services.AddSingleton<AccessChanges>();
        builder.Services.AddHostedService<ShardStatusPublisher>();
        builder.Services.AddHealthChecks().AddCheck<GatewayHealthCheck>("discord-gateway");

        return builder;
    }

    /// <summary>
    /// Registers the worker that brings the bot up in order (its modules, then its shards) and hands each gateway
    /// event to the guild directory, the access changes or the modules. Call it after every part it starts.
    /// </summary>
    public static IHostApplicationBuilder AddBotWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<BotWorker>();
        return builder;
    }
}

using System.Text.Json.Serialization;
using Platform.Discord.Json;
using Platform.DiscordEmulator;
using Platform.DiscordEmulator.Gateway;
using Platform.DiscordEmulator.World;
using Platform.DiscordEmulator.Commands;
using Platform.DiscordEmulator.Interactions;
using Platform.DiscordEmulator.OAuth2;
using Platform.DiscordEmulator.Rest;

namespace Microsoft.Extensions.Hosting;

public static class EmulatorServices
{
    public static IHostApplicationBuilder AddDiscordEmulator(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<EmulatorOptions>(builder.Configuration.GetSection(EmulatorOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EmulatorWorld>();
        builder.Services.AddSingleton<SessionRegistry>();
        builder.Services.AddSingleton<SessionHandshake>();
        builder.Services.AddSingleton<GatewayConnectionHandler>();
        builder.Services.AddSingleton<RestRateLimits>();
        builder.Services.AddSingleton<InteractionStore>();
        builder.Services.AddSingleton<InteractionLauncher>();
        builder.Services.AddSingleton<MessageLog>();
        builder.Services.AddSingleton<CommandRegistry>();
        builder.Services.AddSingleton<OAuth2Grants>();

        // Discord's wire format for everything the REST API returns: snake_case, snowflakes as strings.
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new SnowflakeConverter());
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, DiscordJsonContext.Default);
        });

        return builder;
    }
}

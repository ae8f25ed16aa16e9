using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Platform.Api;
using Platform.Api.Auth;
using Platform.Discord.OAuth2;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class AuthExtensions
{
    /// <summary>Discord sign-in, sessions in Redis, and data-protection keys shared by every api instance through Redis.</summary>
    public static IHostApplicationBuilder AddDashboardAuth(this IHostApplicationBuilder builder)
    {
        var discord = builder.Configuration.GetSection(DiscordAppSettings.Section).Get<DiscordAppSettings>() ?? new DiscordAppSettings();
        if (discord.ClientId == 0 || discord.ClientSecret.Length == 0)
        {
            throw new InvalidOperationException(
                "Discord:ClientId and Discord:ClientSecret are not set. Under the AppHost they come from the " +
                "discord-client-id and discord-client-secret parameters, or from the emulator.");
        }

        var keys = new ApiRedisKeys(discord.ClientId);
        builder.Services.AddSingleton(keys);
        builder.Services.Configure<DiscordAppSettings>(builder.Configuration.GetSection(DiscordAppSettings.Section));
        builder.Services.Configure<DashboardSettings>(builder.Configuration.GetSection(DashboardSettings.Section));
        builder.Services.AddSingleton(new DiscordOAuth2Options
        {
            ClientId = discord.ClientId,
            ClientSecret = discord.ClientSecret,
            AuthorizeEndpoint = discord.AuthorizeEndpoint,
            ApiBaseAddress = discord.RestBaseAddress,
        });

        builder.Services.AddHttpClient<DiscordOAuth2Client>().WithoutGenericRetries().WithoutServiceDiscovery();

        builder.Services.AddDataProtection().SetApplicationName("platform-api");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), keys.DataProtectionKeys));

        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<PendingSignIns>();
        builder.Services.AddSingleton<SessionCookies>();
        builder.Services.AddTransient<DiscordSignIn>();

        builder.Services.AddAuthentication(SessionAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization(options => options.AddBotOwnerPolicy());
        return builder;
    }
}

using Platform.Api.Access;
using Platform.Api.Auth;
using Platform.Discord.Rest;

namespace Microsoft.Extensions.Hosting;

public static class AccessExtensions
{
    /// <summary>Who may act on which guild: Discord's permissions, grants, and the bot's view of members' roles.</summary>
    public static IHostApplicationBuilder AddGuildAccess(this IHostApplicationBuilder builder)
    {
        var discord = builder.Configuration.GetSection(DiscordAppSettings.Section).Get<DiscordAppSettings>() ?? new DiscordAppSettings();
        builder.Services.AddSingleton(new DiscordRestOptions { Token = discord.Token, BaseAddress = discord.RestBaseAddress });

        // Discord's rate limits are the REST client's to honour: generic retries would resend into a 429.
#pragma warning disable EXTEXP0001 // The supported way to opt one client out of the service defaults' resilience.
        builder.Services.AddHttpClient<DiscordRestClient>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddTransient<MemberRoles>();
        builder.Services.AddScoped<GuildAccessResolver>();
        builder.Services.AddSingleton<Platform.Api.Modules.ModuleCatalogReader>();
        builder.Services.AddSingleton<Platform.Api.Realtime.BotNotifier>();
        return builder;
    }
}

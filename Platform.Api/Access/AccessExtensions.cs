using Platform.Api.Access;
using Platform.Api.Auth;
using Platform.Discord.Rest;

namespace Microsoft.Extensions.Hosting;

public static class AccessExtensions
{
    /// <summary>
    /// Who may act on which guild: Discord's permissions, grants, the bot's view of members' roles, who owns the bot,
    /// and the bot's word that any of it changed.
    /// </summary>
    public static IHostApplicationBuilder AddGuildAccess(this IHostApplicationBuilder builder)
    {
        var discord = builder.Configuration.GetSection(DiscordAppSettings.Section).Get<DiscordAppSettings>() ?? new DiscordAppSettings();
        builder.Services.AddDiscordRestClient(new DiscordRestOptions { Token = discord.Token, BaseAddress = discord.RestBaseAddress })
            .WithoutGenericRetries();

        builder.Services.AddHybridCache();
        builder.Services.AddTransient<MemberRoles>();
        builder.Services.AddScoped<BotOwners>();
        builder.Services.AddScoped<DiscordNames>();
        builder.Services.AddScoped<GrantSubjects>();
        builder.Services.AddSingleton<AccessChangeStamps>();
        builder.Services.AddHostedService<AccessChangeListener>();
        builder.Services.AddScoped<GuildAccessResolver>();
        return builder;
    }
}

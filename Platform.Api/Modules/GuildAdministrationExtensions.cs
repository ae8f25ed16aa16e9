using Platform.Api.Modules;
using Platform.Api.Realtime;

namespace Microsoft.Extensions.Hosting;

public static class GuildAdministrationExtensions
{
    /// <summary>What guild admins change through the api and the bot must know of: the bot's module catalog, and the channels that tell it.</summary>
    public static IHostApplicationBuilder AddGuildAdministration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ModuleCatalogReader>();
        builder.Services.AddSingleton<BotNotifier>();
        return builder;
    }
}

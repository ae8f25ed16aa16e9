using System.Reflection;
using Platform.Bot.Gateway;
using Platform.Bot.ModuleSystem;

namespace Microsoft.Extensions.Hosting;

public static class ModuleSystemExtensions
{
    /// <summary>
    /// Registers the module system and every module in the bot's assembly, and the worker that brings
    /// the bot up: its identity, modules, command registration, shards, and the event loop.
    /// </summary>
    public static IHostApplicationBuilder AddBotModules(this IHostApplicationBuilder builder)
    {
        foreach (var type in typeof(BotModule).Assembly.GetTypes().Where(t => t.GetCustomAttribute<ModuleAttribute>() is not null))
        {
            builder.Services.AddSingleton(new ModuleRegistration(type));
        }

        builder.Services.AddSingleton<ModuleCatalog>();
        builder.Services.AddSingleton<GuildModuleStates>();
        builder.Services.AddSingleton<CooldownTracker>();
        builder.Services.AddSingleton<ModuleSettingsReader>();
        builder.Services.AddSingleton<ModuleLifecycle>();
        builder.Services.AddSingleton<InteractionAdmission>();
        builder.Services.AddSingleton<InteractionDispatcher>();
        builder.Services.AddSingleton<EventDispatcher>();
        builder.Services.AddSingleton<CommandSync>();
        builder.Services.AddSingleton<BotSignals>();
        builder.Services.AddSingleton<ModuleCatalogPublisher>();
        builder.Services.AddSingleton<CurrentInvocation>();
        builder.Services.AddHostedService<BotWorker>();
        return builder;
    }

    /// <summary>Adds a module from outside the bot's assembly, such as a plugin package or a test.</summary>
    public static IServiceCollection AddBotModule<TModule>(this IServiceCollection services) where TModule : BotModule =>
        services.AddSingleton(new ModuleRegistration(typeof(TModule)));
}

using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Discord.Rest;
using Platform.Modules;
using Platform.Modules.Attributes;
using Platform.Modules.Catalog;
using Platform.Modules.Commands;
using Platform.Modules.Dispatch;
using Platform.Modules.Preconditions;
using Platform.Modules.State;

namespace Microsoft.Extensions.Hosting;

public static class ModulesExtensions
{
    /// <summary>
    /// Registers the module framework and every module (a class marked <c>[Module]</c>) in <paramref name="assemblies"/>.
    /// The host starts them and hands them Discord's events through <see cref="ModuleHost"/>.
    /// </summary>
    public static IHostApplicationBuilder AddModules(this IHostApplicationBuilder builder, params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.GetCustomAttribute<ModuleAttribute>() is not null))
        {
            builder.Services.AddSingleton(new ModuleRegistration(type));
        }

        builder.Services.AddSingleton(builder.Configuration.GetSection(ModuleOptions.Section).Get<ModuleOptions>() ?? new ModuleOptions());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BotIdentity>();
        builder.Services.AddSingleton<ModuleCatalog>();
        builder.Services.AddSingleton<GuildModuleStates>();
        builder.Services.AddSingleton<IGuildModules>(services => services.GetRequiredService<GuildModuleStates>());
        builder.Services.AddSingleton<CooldownTracker>();
        builder.Services.AddSingleton<ModuleSettingsReader>();
        builder.Services.AddSingleton<ModuleLifecycle>();
        builder.Services.AddSingleton<InteractionAdmission>();
        builder.Services.AddSingleton<InteractionDispatcher>();
        builder.Services.AddSingleton<UnattendedRuns>();
        builder.Services.AddSingleton<EventDispatcher>();
        builder.Services.AddSingleton<ModuleLoops>();
        builder.Services.AddSingleton<CommandSync>();
        builder.Services.AddSingleton<ModuleSignals>();
        builder.Services.AddSingleton<ModuleCatalogPublisher>();
        builder.Services.AddSingleton<CurrentInvocation>();
        // The host's constructor is internal, as the types it is made of are; DI only calls public ones.
        builder.Services.AddSingleton(services => new ModuleHost(
            services.GetRequiredService<DiscordRestClient>(), services.GetRequiredService<BotIdentity>(),
            services.GetRequiredService<ModuleLifecycle>(), services.GetRequiredService<ModuleCatalogPublisher>(),
            services.GetRequiredService<ModuleSignals>(), services.GetRequiredService<CommandSync>(),
            services.GetRequiredService<InteractionDispatcher>(), services.GetRequiredService<EventDispatcher>(),
            services.GetRequiredService<ModuleLoops>(), services.GetRequiredService<ILogger<ModuleHost>>()));
        return builder;
    }

    /// <summary>Adds a module from outside the scanned assemblies, such as a plugin package or a test.</summary>
    public static IServiceCollection AddBotModule<TModule>(this IServiceCollection services) where TModule : BotModule =>
        services.AddSingleton(new ModuleRegistration(typeof(TModule)));
}

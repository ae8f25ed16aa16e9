using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Access;
using Platform.Api.Audit;
using Platform.Api.Auth;
using Platform.Api.Realtime;
using Platform.Contracts;
using Platform.Data;
using Platform.Data.Access;
using Platform.Data.Guilds;

namespace Platform.Api.Modules;

public static class ModulesApi
{
    public static RouteGroupBuilder MapModulesApi(this RouteGroupBuilder guilds)
    {
        var modules = guilds.MapGroup($"/{{{GuildAccessFilter.RouteParameter}}}/modules").WithTags("Modules");

        modules.MapGet("", ListAsync).RequireGuildAccess(AccessScopes.None)
            .WithSummary("The bot's modules in the guild: on or off, settings, and the schema settings must match.");
        modules.MapPut("/{module}", ChangeAsync).RequireGuildAccess(AccessScopes.ManageModules)
            .WithSummary("Turns a module on or off and/or replaces its settings; the bot applies it at once.");

        return guilds;
    }

    public static async Task<Ok<IReadOnlyList<ModuleState>>> ListAsync(
        long guildId,
        PlatformDbContext db,
        ModuleCatalogReader catalog,
        CancellationToken cancellationToken)
    {
        var rows = await db.GuildModules.AsNoTracking().Where(m => m.GuildId == guildId).ToDictionaryAsync(m => m.Module, cancellationToken);
        var modules = await catalog.ReadAsync();
        return TypedResults.Ok<IReadOnlyList<ModuleState>>([.. modules.Select(m => ModuleState.Of(m, rows.GetValueOrDefault(m.Name)))]);
    }

    public static async Task<Results<Ok<ModuleState>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        long guildId, string module, ModuleChange change, HttpContext http, PlatformDbContext db, ModuleCatalogReader catalog,
        BotNotifier bot, TimeProvider time, CancellationToken cancellationToken)
    {
        if ((await catalog.ReadAsync()).FirstOrDefault(m => m.Name == module) is not { } descriptor)
        {
            return TypedResults.Problem(
                title: "Unknown module",
                detail: $"The bot has no module '{module}'.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (Validate(change, descriptor, catalog) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var row = await db.SaveAsIfSecondAsync(() =>
            SaveAsync(guildId, module, descriptor, change, http.Session().UserId, db, time, cancellationToken));
        await bot.GuildModulesChangedAsync((ulong)guildId);
        return TypedResults.Ok(ModuleState.Of(descriptor, row));
    }

    private static async Task<GuildModule> SaveAsync(
        long guildId,
        string module,
        ModuleDescriptor descriptor,
        ModuleChange change,
        ulong actor,
        PlatformDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var row = await db.GuildModules.FirstOrDefaultAsync(m => m.GuildId == guildId && m.Module == module, cancellationToken);
        var before = row is null ? null : Audited(row);
        if (row is null)
        {
            row = new GuildModule { GuildId = guildId, Module = module, Enabled = descriptor.EnabledByDefault };
            db.GuildModules.Add(row);
        }

        var now = time.GetUtcNow();
        row.Enabled = change.Enabled ?? row.Enabled;
        row.Settings = change.Settings is { } settings ? settings.GetRawText() : row.Settings;
        row.UpdatedAt = now;
        row.UpdatedBy = (long)actor;
        db.Record((ulong)guildId, actor, "module.update", "module", module, before, Audited(row), now);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    private static object Audited(GuildModule row) => new { row.Enabled, Settings = JsonNode.Parse(row.Settings) };

    private static Dictionary<string, string[]> Validate(ModuleChange change, ModuleDescriptor module, ModuleCatalogReader catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (change.Enabled is null && change.Settings is null)
        {
            errors[""] = ["Send enabled, settings, or both."];
        }

        if (change.Enabled == false && !module.CanBeDisabled)
        {
            errors["enabled"] = [$"Module '{module.Name}' cannot be turned off."];
        }

        if (change.Settings is { } settings)
        {
            if (module.SettingsSchema is null)
            {
                errors["settings"] = [$"Module '{module.Name}' has no settings."];
            }
            else
            {
                var result = catalog.SchemaOf(module).Evaluate(settings, new EvaluationOptions { OutputFormat = OutputFormat.List });
                foreach (var failure in (result.Details ?? []).Append(result).Where(d => d.Errors is { Count: > 0 }))
                {
                    errors[$"settings{failure.InstanceLocation}"] = [.. failure.Errors!.Values];
                }
            }
        }

        return errors;
    }
}

public sealed record ModuleChange(bool? Enabled, JsonElement? Settings);

public sealed record ModuleState(
    string Name,
    string Description,
    bool Enabled,
    bool CanBeDisabled,
    IReadOnlyList<string> Commands,
    JsonNode? Settings,
    JsonObject? SettingsSchema,
    DateTimeOffset? UpdatedAt)
{
    public static ModuleState Of(ModuleDescriptor module, GuildModule? row) => new(
        module.Name, module.Description, !module.CanBeDisabled || (row?.Enabled ?? module.EnabledByDefault), module.CanBeDisabled, module.Commands,
        row is { Settings: not "{}" } ? JsonNode.Parse(row.Settings) : module.DefaultSettings?.DeepClone(),
        module.SettingsSchema, row?.UpdatedAt);
}

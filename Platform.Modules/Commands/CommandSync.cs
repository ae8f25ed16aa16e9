using System.Diagnostics;
using Platform.Contracts;
using Platform.Discord.Rest;
using Platform.Modules.Catalog;
using StackExchange.Redis;

namespace Platform.Modules.Commands;

/// <summary>
/// Registers the command set with Discord only when it changed: the set's hash is kept in Redis per
/// scope (global, or each development guild), and an unchanged set costs no call at all. Discord
/// allows 200 command creations a day, which re-registering on every READY would soon spend.
/// </summary>
internal sealed partial class CommandSync(
    ModuleCatalog catalog,
    DiscordRestClient rest,
    IConnectionMultiplexer redis,
    BotIdentity identity,
    ModuleOptions options,
    ILogger<CommandSync> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Registers where the recorded hash differs, or everywhere when <paramref name="force"/> is set.</summary>
    public async Task SyncAsync(bool force, CancellationToken cancellationToken)
    {
        var commands = CommandDefinitions.Build(catalog.Commands);
        var hash = CommandDefinitions.Hash(commands);
        var applicationId = identity.ApplicationId;
        var db = redis.GetDatabase();
        ulong?[] scopes = options.CommandGuildIds is { Length: > 0 } guilds ? [.. guilds.Select(g => (ulong?)g)] : [null];

        await gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var guildId in scopes)
            {
                var key = BotRedisKeys.CommandSetHash(applicationId, guildId);
                if (!force && await db.StringGetAsync(key) == hash)
                {
                    LogUnchanged(ScopeName(guildId), hash[..12]);
                    continue;
                }

                using var activity = ModuleTelemetry.ActivitySource.StartActivity("commands overwrite");
                activity?.SetTag("discord.commands.scope", ScopeName(guildId)).SetTag("discord.commands.count", commands.Count);
                await (guildId is { } id
                    ? rest.BulkOverwriteGuildCommandsAsync(applicationId, id, commands, cancellationToken)
                    : rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, cancellationToken));
                await db.StringSetAsync(key, hash);
                ModuleTelemetry.CommandOverwrites.Add(1, new TagList { { "scope", guildId is null ? "global" : "guild" } });
                LogRegistered(commands.Count, ScopeName(guildId), hash[..12]);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static string ScopeName(ulong? guildId) => guildId is { } id ? $"guild {id}" : "global";

    [LoggerMessage(Level = LogLevel.Information, Message = "Command set unchanged in {Scope} ({Hash}); nothing registered")]
    private partial void LogUnchanged(string scope, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands in {Scope} ({Hash})")]
    private partial void LogRegistered(int count, string scope, string hash);
}

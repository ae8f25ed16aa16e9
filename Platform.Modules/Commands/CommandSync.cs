using System.Diagnostics;
using Platform.Contracts;
using Platform.Discord.Interactions;
using Platform.Discord.Rest;
using Platform.Modules.Catalog;
using StackExchange.Redis;

namespace Platform.Modules.Commands;

/// <summary>
/// Registers the command set with Discord only when it changed: the set's hash is kept in Redis per
/// scope (global, or each development guild), and an unchanged set costs no call at all. Discord
/// allows 200 command creations a day, which re-registering on every READY would soon spend. However many
/// processes start at once, one of them registers a changed set.
/// </summary>
internal sealed partial class CommandSync(
    ModuleCatalog catalog,
    DiscordRestClient rest,
    IConnectionMultiplexer redis,
    BotIdentity identity,
    ModuleOptions options,
    ILogger<CommandSync> logger)
{
    private const string ReleaseIfOwned =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Registers where the recorded hash differs, or everywhere when <paramref name="force"/> is set.</summary>
    public async Task SyncAsync(bool force, CancellationToken cancellationToken)
    {
        var commands = CommandDefinitions.Build(catalog.Commands);
        var hash = CommandDefinitions.Hash(commands);
        ulong?[] scopes = options.CommandGuildIds is { Length: > 0 } guilds ? [.. guilds.Select(g => (ulong?)g)] : [null];

        await gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var guildId in scopes)
            {
                await SyncScopeAsync(guildId, commands, hash, force, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// One process of the bot registers; the others, started at the same moment (a deploy of several replicas), wait for
    /// it and then find the hash recorded. The claim lapses on its own if that process dies on the way.
    /// </summary>
    private async Task SyncScopeAsync(ulong? guildId, IReadOnlyList<ApplicationCommand> commands, string hash, bool force,
        CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = BotRedisKeys.CommandSetHash(identity.ApplicationId, guildId);
        var claim = BotRedisKeys.CommandSyncClaim(identity.ApplicationId, guildId);
        var owner = Guid.NewGuid().ToString("N");
        while (true)
        {
            if (!force && await db.StringGetAsync(key) == hash)
            {
                LogUnchanged(ScopeName(guildId), hash[..12]);
                return;
            }

            if (await db.StringSetAsync(claim, owner, ClaimFor, When.NotExists))
            {
                try
                {
                    // Another process may have registered between the check and the claim.
                    if (force || await db.StringGetAsync(key) != hash)
                    {
                        await OverwriteAsync(guildId, commands, hash, cancellationToken);
                    }
                }
                finally
                {
                    await db.ScriptEvaluateAsync(ReleaseIfOwned, [claim], [owner]);
                }

                return;
            }

            // Another process is registering; a forced sync is served by its registration too.
            force = false;
            await Task.Delay(ClaimPoll, cancellationToken);
        }
    }

    private async Task OverwriteAsync(ulong? guildId, IReadOnlyList<ApplicationCommand> commands, string hash, CancellationToken cancellationToken)
    {
        using var activity = ModuleTelemetry.ActivitySource.StartActivity("commands overwrite");
        activity?.SetTag("discord.commands.scope", ScopeName(guildId)).SetTag("discord.commands.count", commands.Count);
        var applicationId = identity.ApplicationId;
        await (guildId is { } id
            ? rest.BulkOverwriteGuildCommandsAsync(applicationId, id, commands, cancellationToken)
            : rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, cancellationToken));
        await redis.GetDatabase().StringSetAsync(BotRedisKeys.CommandSetHash(applicationId, guildId), hash);
        ModuleTelemetry.CommandOverwrites.Add(1, new TagList { { "scope", guildId is null ? "global" : "guild" } });
        LogRegistered(commands.Count, ScopeName(guildId), hash[..12]);
    }

    private static string ScopeName(ulong? guildId) => guildId is { } id ? $"guild {id}" : "global";

    [LoggerMessage(Level = LogLevel.Information, Message = "Command set unchanged in {Scope} ({Hash}); nothing registered")]
    private partial void LogUnchanged(string scope, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands in {Scope} ({Hash})")]
    private partial void LogRegistered(int count, string scope, string hash);
}

using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Bot.Shards;
using Platform.Data;
using Platform.Modules;
using Platform.Modules.Attributes;

namespace Platform.Bot.Modules.Core;

[Module("core", "The basics: latency, status and help.", CanBeDisabled = false)]
public sealed class CoreModule(ShardSupervisor supervisor, IGuildModules modules, PlatformDbContext db) : BotModule
{
    private static readonly DateTimeOffset ProcessStarted = new(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);

    [SlashCommand("ping", "Shows the bot's gateway and database latency")]
    public async Task PingAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await db.Database.ExecuteSqlRawAsync("SELECT 1", Context.CancellationToken);
        var database = Stopwatch.GetElapsedTime(started);
        var gateway = ShardOfThisGuild()?.Latency is { } latency ? $"{latency.TotalMilliseconds:0} ms" : "not measured yet";
        await RespondAsync($"Pong! Gateway {gateway}, database {database.TotalMilliseconds:0.0} ms.");
    }

    [SlashCommand("status", "Shows this server's shard, the bot's uptime and the modules on here")]
    public async Task StatusAsync()
    {
        var shard = ShardOfThisGuild();
        var enabled = await modules.EnabledModulesAsync(Context.RequireGuildId(), Context.CancellationToken);
        var uptime = DateTimeOffset.UtcNow - ProcessStarted;
        await RespondAsync(
            $"Shard {Context.ShardId} of {shard?.TotalShards.ToString() ?? "?"} ({(shard is null ? "unknown" : ShardStateNames.Of(shard.State))}), " +
            $"up {(int)uptime.TotalDays}d {uptime:hh\\:mm\\:ss}.\nModules on here: {string.Join(", ", enabled.Select(m => m.Name))}.",
            ephemeral: true);
    }

    [SlashCommand("help", "Lists the commands of the modules on in this server")]
    public async Task HelpAsync()
    {
        var enabled = await modules.EnabledModulesAsync(Context.RequireGuildId(), Context.CancellationToken);
        var help = new StringBuilder();
        foreach (var module in enabled.Where(m => m.Commands.Count > 0))
        {
            help.Append($"**{module.Name}**: {module.Description}\n");
            foreach (var command in module.Commands.OrderBy(c => c.Path, StringComparer.Ordinal))
            {
                help.Append($"`/{command.Path}` {command.Description}\n");
            }
        }

        await RespondAsync(MessageText.Fit(help.ToString()), ephemeral: true);
    }

    private Discord.Gateway.ShardStatus? ShardOfThisGuild() =>
        supervisor.Shards.FirstOrDefault(s => s.ShardId == Context.ShardId)?.Status;
}

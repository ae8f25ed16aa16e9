using Platform.Discord.Models;
using Platform.DiscordEmulator.Interactions;

namespace Platform.DiscordEmulator.Control;

/// <summary>
/// Picks guilds as real use spreads over them: the k-th guild (in the world's order) is used in proportion to
/// 1/k^s, a few guilds busy and a long tail quiet. Each pick is the guild's owner in its first channel.
/// </summary>
public sealed class ZipfGuilds
{
    private readonly IReadOnlyList<Guild> guilds;
    private readonly double[] cumulative;

    private ZipfGuilds(IReadOnlyList<Guild> guilds, double exponent)
    {
        this.guilds = guilds;
        cumulative = new double[guilds.Count];
        var sum = 0.0;
        for (var rank = 0; rank < guilds.Count; rank++)
        {
            sum += 1 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
    }

    public static ZipfGuilds Over(IReadOnlyList<Guild> guilds, double exponent) => new(guilds, exponent);

    public InvokeRequest Next(InvokeRequest template)
    {
        var index = Array.BinarySearch(cumulative, Random.Shared.NextDouble() * cumulative[^1]);
        var guild = guilds[index < 0 ? Math.Min(~index, guilds.Count - 1) : index];
        return template with { GuildId = guild.Id, UserId = guild.OwnerId, ChannelId = null };
    }
}

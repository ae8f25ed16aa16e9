using System.Text.Json;

namespace Platform.Discord.Gateway;

/// <summary>
/// The guilds a shard serves, kept from READY (all unavailable at first), GUILD_CREATE (available, or
/// joined) and GUILD_DELETE (an outage when it says <c>unavailable</c>, else the bot left). Only the
/// shard's receive loop changes it; the counts are plain fields for the status snapshot to read, and the
/// lock is for <see cref="Snapshot"/>, which a handover takes from another thread.
/// </summary>
internal sealed class ShardGuilds
{
    private readonly Dictionary<ulong, bool> available = [];
    private readonly Lock gate = new();

    public int Count { get; private set; }

    public int Unavailable { get; private set; }

    /// <summary>Changes so far: a handover's guild lists need writing again only when this moved.</summary>
    public int Version { get; private set; }

    public void Reset(IEnumerable<ulong> unavailableGuilds) => Restore([], unavailableGuilds);

    public void Restore(IEnumerable<ulong> availableGuilds, IEnumerable<ulong> unavailableGuilds)
    {
        lock (gate)
        {
            available.Clear();
            (Count, Unavailable) = (0, 0);
            foreach (var id in availableGuilds)
            {
                Set(id, true);
            }

            foreach (var id in unavailableGuilds)
            {
                Set(id, false);
            }
        }
    }

    public (ulong[] Available, ulong[] Unavailable) Snapshot()
    {
        lock (gate)
        {
            return ([.. available.Where(g => g.Value).Select(g => g.Key)], [.. available.Where(g => !g.Value).Select(g => g.Key)]);
        }
    }

    /// <summary>Applies a GUILD_CREATE or GUILD_DELETE, reading only the top-level <c>id</c> and <c>unavailable</c> of its data.</summary>
    public void Apply(string eventName, ReadOnlySpan<byte> data)
    {
        if (Read(data) is not ({ } id, var unavailable))
        {
            return;
        }

        lock (gate)
        {
            Set(id, eventName == GatewayEventNames.GuildCreate || unavailable ? !unavailable : null);
        }
    }

    /// <param name="isAvailable">Null when the bot is no longer in the guild.</param>
    private void Set(ulong id, bool? isAvailable)
    {
        Version++;
        if (available.Remove(id, out var was))
        {
            (Count, Unavailable) = (Count - 1, was ? Unavailable : Unavailable - 1);
        }

        if (isAvailable is { } now)
        {
            available[id] = now;
            (Count, Unavailable) = (Count + 1, now ? Unavailable : Unavailable + 1);
        }
    }

    private static (ulong? Id, bool Unavailable) Read(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        (ulong? id, var unavailable) = (null, false);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (null, false);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (
                reader.ValueTextEquals("id"u8)
                && reader.Read()
                && reader.TokenType == JsonTokenType.String
                && ulong.TryParse(reader.GetString(), out var parsed))
            {
                id = parsed;
            }
            else if (reader.ValueTextEquals("unavailable"u8) && reader.Read())
            {
                unavailable = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (id, unavailable);
    }
}

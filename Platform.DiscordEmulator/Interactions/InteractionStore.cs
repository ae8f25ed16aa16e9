using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.Discord.Interactions;

namespace Platform.DiscordEmulator.Interactions;

/// <summary>Interactions by id and token, with Discord's deadlines: three seconds to answer, fifteen minutes for follow-ups.</summary>
public sealed class InteractionStore(IOptions<EmulatorOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<ulong, InteractionRecord> byId = new();
    private readonly ConcurrentDictionary<string, InteractionRecord> byToken = new();
    private long lateCallbacks;

    /// <summary>First answers refused so far because the interaction was unknown or past its three seconds.</summary>
    public long LateCallbacks => Interlocked.Read(ref lateCallbacks);

    public void CountLateCallback() => Interlocked.Increment(ref lateCallbacks);

    public InteractionRecord Add(Interaction interaction)
    {
        var record = new InteractionRecord(interaction, time.GetUtcNow());
        byId[interaction.Id] = record;
        byToken[interaction.Token] = record;
        return record;
    }

    public InteractionRecord? Find(ulong id) => byId.GetValueOrDefault(id);

    public void Forget(InteractionRecord record)
    {
        byId.TryRemove(new(record.Interaction.Id, record));
        byToken.TryRemove(new(record.Interaction.Token, record));
    }

    /// <summary>The interaction, if its initial response is still allowed.</summary>
    public InteractionRecord? FindAnswerable(ulong id, string token) =>
        byId.TryGetValue(id, out var record) && record.Interaction.Token == token
            && time.GetUtcNow() - record.CreatedAt <= TimeSpan.FromSeconds(options.Value.InteractionResponseDeadlineSeconds)
            ? record
            : null;

    /// <summary>The interaction behind webhook <paramref name="applicationId"/>/<paramref name="token"/>, if the token has not expired.</summary>
    public InteractionRecord? FindByWebhook(ulong applicationId, string token) =>
        byToken.TryGetValue(token, out var record)
            && record.Interaction.ApplicationId == applicationId
            && time.GetUtcNow() - record.CreatedAt <= TimeSpan.FromMinutes(options.Value.InteractionTokenLifetimeMinutes)
            ? record
            : null;
}

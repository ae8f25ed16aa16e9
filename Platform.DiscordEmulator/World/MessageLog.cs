using System.Collections.Concurrent;
using Platform.Discord.Models;

namespace Platform.DiscordEmulator.World;

/// <summary>Every message the bot sent, by channel, for tests and the chat page to read back.</summary>
public sealed class MessageLog
{
    private readonly ConcurrentDictionary<ulong, Message> byId = new();

    public Message Add(Message message) => byId[message.Id] = message;

    public Message? Find(ulong id) => byId.GetValueOrDefault(id);

    public Message Replace(Message message) => byId[message.Id] = message;

    public bool Remove(ulong id) => byId.TryRemove(id, out _);

    public IReadOnlyList<Message> InChannel(ulong? channelId) =>
        [.. byId.Values.Where(m => channelId is null || m.ChannelId == channelId).OrderBy(m => m.Id)];
}

namespace Platform.Discord.Gateway;

/// <summary>
/// What another process needs to take a shard's session over with a RESUME instead of a new IDENTIFY: the
/// session, the sequence to replay from, and the guilds the shard served (READY and GUILD_CREATE are not sent
/// again on a resume, so its guild counts would otherwise start from nothing).
/// </summary>
public sealed record ShardHandover(
    int ShardId,
    string SessionId,
    string ResumeUrl,
    int Sequence,
    IReadOnlyList<ulong> AvailableGuilds,
    IReadOnlyList<ulong> UnavailableGuilds);

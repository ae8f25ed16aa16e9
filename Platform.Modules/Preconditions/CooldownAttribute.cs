using Platform.Modules.Catalog;

namespace Platform.Modules.Preconditions;

public enum CooldownScope
{
    User,
    Guild,
    Channel,
}

/// <summary>
/// Allows <paramref name="uses"/> uses per <paramref name="seconds"/> for each user, guild or channel.
/// Counted in the process that runs the guild's shard, which is where all of a guild's interactions arrive.
/// </summary>
public sealed class CooldownAttribute(int uses, double seconds, CooldownScope scope = CooldownScope.User) : PreconditionAttribute
{
    public override ValueTask<PreconditionResult> CheckAsync(InteractionContext context, HandlerInfo handler)
    {
        var subject = scope switch
        {
            CooldownScope.Guild => context.GuildId ?? context.User.Id,
            CooldownScope.Channel => context.ChannelId ?? context.User.Id,
            _ => context.User.Id,
        };
        var tracker = context.Services.GetRequiredService<CooldownTracker>();
        var retryAfter = tracker.TryUse((handler, scope, subject), uses, TimeSpan.FromSeconds(seconds));
        return ValueTask.FromResult(retryAfter is { } wait
            ? PreconditionResult.Fail($"Slow down: try again in {Math.Ceiling(wait.TotalSeconds):0} s.")
            : PreconditionResult.Success);
    }
}

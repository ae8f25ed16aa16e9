using System.Text.Json;
using Platform.Data;
using Platform.Data.Audit;

namespace Platform.Api.Audit;

/// <summary>Adds an audit entry to the same unit of work as the change it describes, so one is never saved without the other.</summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Record(
        this PlatformDbContext db,
        ulong? guildId,
        ulong actorId,
        string action,
        string targetType,
        string? targetId,
        object? before,
        object? after,
        DateTimeOffset at)
    {
        ApiTelemetry.AuditEntries.Add(1, new KeyValuePair<string, object?>("action", action));
        db.AuditLog.Add(new AuditLogEntry
        {
            GuildId = (long?)guildId,
            ActorId = (long)actorId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            OccurredAt = at,
        });
    }
}

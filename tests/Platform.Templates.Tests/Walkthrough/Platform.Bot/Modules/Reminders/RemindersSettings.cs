using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Platform.Bot.Modules.Reminders;

/// <summary>What a guild admin can change about reminders in their server, on the dashboard.</summary>
public sealed class RemindersSettings
{
    [Range(1, 100)]
    [Description("How many reminders one member may have waiting in this server.")]
    public int MaxPendingPerMember { get; set; } = 10;

    [Range(1, 365)]
    [Description("How far ahead a reminder may be set, in days.")]
    public int MaxDaysAhead { get; set; } = 30;
}

using System.ComponentModel.DataAnnotations;

namespace Platform.Bot.Modules.Tags;

/// <summary>What a guild admin can change about tags in their server.</summary>
public sealed class TagsSettings
{
    [Range(1, 1000)]
    public int MaxTags { get; set; } = 200;
}

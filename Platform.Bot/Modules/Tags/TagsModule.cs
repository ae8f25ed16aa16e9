using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Access;
using Platform.Data.Modules.Tags;
using Platform.Discord.Models;
using Platform.Modules;
using Platform.Modules.Attributes;
using Platform.Modules.Preconditions;

namespace Platform.Bot.Modules.Tags;

[Module("tags", "Text snippets for this server.", Settings = typeof(TagsSettings))]
[Group("tag", "Text snippets for this server")]
public sealed class TagsModule(PlatformDbContext db, TimeProvider time) : BotModule
{
    // /tag get is the module's hot path: compiled once, it skips EF's per-call query lookup.
    private static readonly Func<PlatformDbContext, long, string, CancellationToken, Task<string?>> ContentOf =
        EF.CompileAsyncQuery((PlatformDbContext db, long guildId, string name, CancellationToken _) =>
            db.Set<Tag>().AsNoTracking().Where(t => t.GuildId == guildId && t.Name == name).Select(t => t.Content).FirstOrDefault());

    private IQueryable<Tag> GuildTags => db.Set<Tag>().Where(t => t.GuildId == (long)Context.RequireGuildId());

    [SlashCommand("get", "Shows a tag")]
    public async Task GetAsync(
        [Option("name", "The tag's name", MaxLength = Tag.NameMaxLength), Autocomplete(nameof(SuggestNamesAsync))] string name)
    {
        var normalized = TagName.Normalize(name);
        var content = await ContentOf(db, (long)Context.RequireGuildId(), normalized, Context.CancellationToken);
        await (content is null
            ? RespondAsync($"There is no tag `{normalized}` here. `/tag list` shows the tags there are.", ephemeral: true)
            : RespondAsync(content));
    }

    [SlashCommand("set", "Creates a tag, or changes its text")]
    [RequireAccess(AccessScopes.ManageContent, Permissions.ManageMessages)]
    public async Task SetAsync(
        [
            Option("name", "The tag's name: lowercase letters, digits, - and _", MaxLength = Tag.NameMaxLength),
            Autocomplete(nameof(SuggestNamesAsync))]
            string name,
        [Option("content", "What the tag shows", MaxLength = Tag.ContentMaxLength)] string content)
    {
        var normalized = TagName.Normalize(name);
        content = content.Trim();
        if (!TagName.IsValid(normalized) || content.Length is 0 or > Tag.ContentMaxLength)
        {
            await RespondAsync(content.Length == 0 ? "A tag needs some text." : !TagName.IsValid(normalized) ? TagName.Rule
                : $"A tag holds at most {Tag.ContentMaxLength} characters; this one has {content.Length}.", ephemeral: true);
            return;
        }

        var now = time.GetUtcNow();
        var userId = (long)Context.User.Id;
        var tag = await GuildTags.FirstOrDefaultAsync(t => t.Name == normalized, Context.CancellationToken);
        if (tag is null)
        {
            var limit = (await GetSettingsAsync<TagsSettings>()).MaxTags;
            if (await GuildTags.CountAsync(Context.CancellationToken) >= limit)
            {
                await RespondAsync(
                    $"This server has reached its limit of {limit} tags. Delete one first, or ask an admin to raise the limit.",
                    ephemeral: true);
                return;
            }

            db.Add(
                new Tag
                {
                    GuildId = (long)Context.RequireGuildId(),
                    Name = normalized,
                    Content = content,
                    AuthorId = userId,
                    UpdatedBy = userId,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
        }
        else
        {
            (tag.Content, tag.UpdatedBy, tag.UpdatedAt) = (content, userId, now);
        }

        try
        {
            await db.SaveChangesAsync(Context.CancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await RespondAsync($"Someone created `{normalized}` at the same moment; run the command again to change it.", ephemeral: true);
            return;
        }

        await RespondAsync(tag is null ? $"Tag `{normalized}` created." : $"Tag `{normalized}` updated.", ephemeral: true);
    }

    [SlashCommand("delete", "Deletes a tag")]
    [RequireAccess(AccessScopes.ManageContent, Permissions.ManageMessages)]
    public async Task DeleteAsync(
        [Option("name", "The tag's name", MaxLength = Tag.NameMaxLength), Autocomplete(nameof(SuggestNamesAsync))] string name)
    {
        var normalized = TagName.Normalize(name);
        var deleted = await GuildTags.Where(t => t.Name == normalized).ExecuteDeleteAsync(Context.CancellationToken);
        await RespondAsync(deleted > 0 ? $"Tag `{normalized}` deleted." : $"There is no tag `{normalized}` here.", ephemeral: true);
    }

    [SlashCommand("list", "Lists this server's tags")]
    public async Task ListAsync()
    {
        var names = await GuildTags.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(Context.CancellationToken);
        await RespondAsync(names.Count == 0
            ? "This server has no tags yet. `/tag set` creates one."
            : MessageText.Fit($"{names.Count} tag{(names.Count == 1 ? "" : "s")}: {string.Join(", ", names.Select(n => $"`{n}`"))}"),
            ephemeral: true);
    }

    public async Task<IEnumerable<string>> SuggestNamesAsync(string current)
    {
        var prefix = TagName.Normalize(current);
        return await GuildTags.AsNoTracking()
            .Where(t => t.Name.StartsWith(prefix))
            .OrderBy(t => t.Name).Select(t => t.Name).Take(25)
            .ToListAsync(Context.CancellationToken);
    }
}

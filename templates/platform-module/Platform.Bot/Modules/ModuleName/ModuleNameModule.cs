using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Modules.ModuleName;
using Platform.Modules;
using Platform.Modules.Attributes;
using Platform.Modules.Preconditions;

namespace Platform.Bot.Modules.ModuleName;

[Module("modulename", "What the modulename module does, as guild admins see it in the dashboard.", Settings = typeof(ModuleNameSettings))]
[Group("modulename", "What the modulename module does")]
public sealed class ModuleNameModule(PlatformDbContext db, TimeProvider time) : BotModule
{
    private IQueryable<ModuleNameEntry> GuildEntries => db.Set<ModuleNameEntry>().Where(e => e.GuildId == (long)Context.RequireGuildId());

    [SlashCommand("add", "Adds an entry")]
    [Cooldown(5, 60)]
    public async Task AddAsync([Option("text", "What to keep", MaxLength = ModuleNameEntry.TextMaxLength)] string text)
    {
        var limit = (await GetSettingsAsync<ModuleNameSettings>()).MaxEntries;
        if (await GuildEntries.CountAsync(Context.CancellationToken) >= limit)
        {
            await RespondAsync($"This server has reached its limit of {limit} entries.", ephemeral: true);
            return;
        }

        db.Add(new ModuleNameEntry
        {
            GuildId = (long)Context.RequireGuildId(), AuthorId = (long)Context.User.Id, Text = text.Trim(), CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(Context.CancellationToken);
        await RespondAsync("Added.", ephemeral: true);
    }

    [SlashCommand("list", "Lists this server's latest entries")]
    public async Task ListAsync()
    {
        var texts = await GuildEntries.AsNoTracking().OrderByDescending(e => e.CreatedAt).Take(10).Select(e => e.Text)
            .ToListAsync(Context.CancellationToken);
        await RespondAsync(
            texts.Count == 0
                ? "Nothing yet. `/modulename add` adds an entry."
                : MessageText.Fit(string.Join('\n', texts)),
            ephemeral: true);
    }
}

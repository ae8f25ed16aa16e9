using Microsoft.EntityFrameworkCore;
using Platform.Data.Access;
using Platform.Data.Modules.Tags;
using Platform.Discord.Interactions;
using Platform.Discord.Models;
using static Platform.Bot.Tests.CommandOptions;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class TagsTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_tag_is_set_shown_listed_and_deleted()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        var created = await SetAsync(scenario, guild, "Rules", "Be kind.");
        var updated = await SetAsync(scenario, guild, "rules", "Be kind, always.");
        var shown = await GetAsync(scenario, guild, "rules");
        var listed = await scenario.InvokeAsync(guild, "tag", Subcommand("list"));
        var deleted = await scenario.InvokeAsync(guild, "tag", Subcommand("delete", ("name", "rules")));
        var gone = await GetAsync(scenario, guild, "rules");

        Assert.Equal("Tag `rules` created.", created.Text());
        Assert.True(created.IsEphemeral());
        Assert.Equal("Tag `rules` updated.", updated.Text());
        Assert.Equal("Be kind, always.", shown.Text());
        Assert.False(shown.IsEphemeral());
        Assert.Equal("1 tag: `rules`", listed.Text());
        Assert.Equal("Tag `rules` deleted.", deleted.Text());
        Assert.Equal("There is no tag `rules` here. `/tag list` shows the tags there are.", gone.Text());
        Assert.True(gone.IsEphemeral());
    }

    [Theory]
    [InlineData("no spaces", "x", "Tag names are 1-32 characters")]
    [InlineData("ok", "   ", "A tag needs some text.")]
    [InlineData("émoji", "x", "Tag names are 1-32 characters")]
    public async Task Bad_input_gets_an_ephemeral_explanation_and_stores_nothing(string name, string content, string expected)
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        var transcript = await SetAsync(scenario, guild, name, content);

        Assert.StartsWith(expected, transcript.Text());
        Assert.True(transcript.IsEphemeral());
        await using var db = scenario.CreateDbContext();
        Assert.Equal(0, await db.Set<Tag>().CountAsync());
    }

    [Fact]
    public async Task Content_over_the_limit_is_refused()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();

        var transcript = await SetAsync(scenario, await scenario.GuildAsync(), "long", new string('x', Tag.ContentMaxLength + 1));

        Assert.Equal($"A tag holds at most 2000 characters; this one has 2001.", transcript.Text());
    }

    [Fact]
    public async Task Changing_tags_needs_manage_messages_or_a_delegated_grant()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        // Seeded members: 0 owns the guild, odd ones hold Manage Messages through role-1, even ones hold nothing special.
        var moderator = guild.Members![1];
        var member = guild.Members![2];

        var refused = await SetAsync(scenario, guild, "faq", "Read the rules.", member.User!.Id);
        var byModerator = await SetAsync(scenario, guild, "faq", "Read the rules.", moderator.User!.Id);
        await using (var db = scenario.CreateDbContext())
        {
            db.AccessGrants.Add(
                new AccessGrant
                {
                    GuildId = (long)guild.Id,
                    SubjectType = GrantSubject.User,
                    SubjectId = (long)member.User.Id,
                    Scopes = AccessScopes.ManageContent,
                    GrantedBy = (long)guild.OwnerId,
                    CreatedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
        }

        var granted = await SetAsync(scenario, guild, "faq", "Read the rules, twice.", member.User.Id);
        var readByMember = await GetAsync(scenario, guild, "faq", guild.Members![4].User!.Id);

        Assert.StartsWith("You need the Manage Messages permission, or access granted by a server admin", refused.Text());
        Assert.True(refused.IsEphemeral());
        Assert.Equal("Tag `faq` created.", byModerator.Text());
        Assert.Equal("Tag `faq` updated.", granted.Text());
        Assert.Equal("Read the rules, twice.", readByMember.Text());
    }

    [Fact]
    public async Task Names_are_suggested_while_typing()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        foreach (var name in new[] { "rules", "roles", "faq" })
        {
            await SetAsync(scenario, guild, name, "text");
        }

        var transcript = await scenario.InvokeAsync(guild, "tag",
            new[] { new { name = "get", type = 1, options = new object[] { new { name = "name", type = 3, value = "r", focused = true } } } },
            type: InteractionType.ApplicationCommandAutocomplete);

        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, transcript.CallbackType());
        Assert.Equal(["roles", "rules"], transcript.Choices());
    }

    [Fact]
    public async Task Typing_where_the_module_is_off_gets_no_suggestions_rather_than_a_message_Discord_refuses()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        await SetAsync(scenario, guild, "rules", "text");
        await scenario.SetModuleAsync(guild.Id, "tags", enabled: false);

        var transcript = await scenario.InvokeAsync(guild, "tag",
            new[] { new { name = "get", type = 1, options = new object[] { new { name = "name", type = 3, value = "r", focused = true } } } },
            type: InteractionType.ApplicationCommandAutocomplete);

        Assert.Null(transcript.Error);
        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, transcript.CallbackType());
        Assert.Empty(transcript.Choices());
    }

    [Fact]
    public async Task A_guild_cannot_hold_more_tags_than_its_settings_allow()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        await scenario.SetModuleAsync(guild.Id, "tags", enabled: true, settings: """{"max_tags": 2}""");

        await SetAsync(scenario, guild, "one", "1");
        await SetAsync(scenario, guild, "two", "2");
        var third = await SetAsync(scenario, guild, "three", "3");
        var changeOfExisting = await SetAsync(scenario, guild, "two", "2b");

        Assert.Equal("This server has reached its limit of 2 tags. Delete one first, or ask an admin to raise the limit.", third.Text());
        Assert.Equal("Tag `two` updated.", changeOfExisting.Text());
    }

    [Fact]
    public async Task Settings_that_do_not_validate_give_way_to_the_defaults()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        await scenario.SetModuleAsync(guild.Id, "tags", enabled: true, settings: """{"max_tags": 0}""");

        var transcript = await SetAsync(scenario, guild, "one", "1");

        Assert.Equal("Tag `one` created.", transcript.Text());
    }

    [Fact]
    public async Task Tags_persist_across_a_bot_restart()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        await SetAsync(scenario, guild, "rules", "Be kind.");

        await scenario.StopBotAsync(bot);
        await scenario.StartBotAsync();

        Assert.Equal("Be kind.", (await GetAsync(scenario, guild, "rules")).Text());
    }

    private static Task<Platform.DiscordEmulator.Interactions.InteractionTranscript> SetAsync(
        BotScenario scenario,
        Guild guild,
        string name,
        string content,
        ulong? userId = null) => scenario.InvokeAsync(guild, "tag", Subcommand("set", ("name", name), ("content", content)), userId);

    private static Task<Platform.DiscordEmulator.Interactions.InteractionTranscript> GetAsync(
        BotScenario scenario,
        Guild guild,
        string name,
        ulong? userId = null) => scenario.InvokeAsync(guild, "tag", Subcommand("get", ("name", name)), userId);
}

using System.Reflection;
using NetArchTest.Rules;

namespace Platform.Architecture.Tests;

/// <summary>
/// Which way the projects and the bot's folders point. A reference against these arrows makes a cycle, or ties a
/// library to the hosts that use it; a failure names the types that made it.
/// </summary>
public sealed class LayerTests
{
    private static readonly Dictionary<string, Assembly> Projects = new()
    {
        ["Platform.Discord"] = typeof(Platform.Discord.Rest.DiscordRestClient).Assembly,
        ["Platform.Contracts"] = typeof(Platform.Contracts.BotRedisKeys).Assembly,
        ["Platform.Data"] = typeof(Platform.Data.PlatformDbContext).Assembly,
        ["Platform.Modules"] = typeof(Platform.Modules.BotModule).Assembly,
        ["Platform.Api"] = typeof(Platform.Api.Access.DiscordNames).Assembly,
        ["Platform.Bot"] = typeof(Platform.Bot.Hosting.BotWorker).Assembly,
    };

    private static readonly string[] PlatformNamespaces =
    [
        "Platform.Api", "Platform.Bot", "Platform.Contracts", "Platform.Data", "Platform.Discord", "Platform.Hosting", "Platform.Modules",
        "Platform.ServiceDefaults",
    ];

    private static readonly string[] BotFolders =
        ["Platform.Bot.Hosting", "Platform.Bot.Modules", "Platform.Bot.Llm", "Platform.Bot.Shards", "Platform.Bot.Guilds", "Platform.Bot.Telemetry"];

    public static TheoryData<string, string[]> ProjectArrows => new()
    {
        // The Discord client is a library of its own, usable by any bot.
        { "Platform.Discord", Except("Platform.Discord") },
        // The Redis contract is what both sides agree on, so it can know neither.
        { "Platform.Contracts", Except("Platform.Contracts") },
        // The schema serves every process and knows none of them.
        { "Platform.Data", ["Platform.Api", "Platform.Bot", "Platform.Contracts", "Platform.Discord", "Platform.Hosting", "Platform.Modules"] },
        // The module framework knows Discord, the schema and the Redis contract, and nothing of the bot that hosts it.
        { "Platform.Modules", ["Platform.Api", "Platform.Bot", "Platform.Hosting", "Platform.ServiceDefaults"] },
        // The api and the bot talk through Postgres and Redis only.
        { "Platform.Api", ["Platform.Bot", "Platform.Modules"] },
        { "Platform.Bot", ["Platform.Api"] },
    };

    /// <summary>
    /// Inside the bot, each folder knows only the folders below it: the host assembles everything, the built-in modules use
    /// the features, the features (LLM, shards, guilds) know none of each other, and telemetry knows nobody.
    /// </summary>
    public static TheoryData<string, string[]> BotArrows => new()
    {
        { "Platform.Bot.Modules", Above("Platform.Bot.Modules") },
        { "Platform.Bot.Llm", [.. Above("Platform.Bot.Llm"), "Platform.Bot.Shards", "Platform.Bot.Guilds"] },
        { "Platform.Bot.Shards", [.. Above("Platform.Bot.Llm"), "Platform.Bot.Llm", "Platform.Bot.Guilds"] },
        { "Platform.Bot.Guilds", [.. Above("Platform.Bot.Llm"), "Platform.Bot.Llm", "Platform.Bot.Shards"] },
        { "Platform.Bot.Telemetry", Above("Platform.Bot.Telemetry") },
    };

    [Theory]
    [MemberData(nameof(ProjectArrows))]
    public void A_project_does_not_reference_what_it_must_not_know(string project, string[] forbidden) =>
        AssertNone(Types.InAssembly(Projects[project]).ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), project, forbidden);

    [Theory]
    [MemberData(nameof(BotArrows))]
    public void A_bot_folder_does_not_reference_the_folders_above_it(string folder, string[] forbidden) =>
        AssertNone(Types.InAssembly(Projects["Platform.Bot"]).That().ResideInNamespace(folder)
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), folder, forbidden);

    [Fact]
    public void The_bots_shared_root_knows_none_of_its_folders() =>
        AssertNone(Types.InAssembly(Projects["Platform.Bot"]).That().ResideInNamespaceMatching(@"^Platform\.Bot$")
            .ShouldNot().HaveDependencyOnAny(BotFolders).GetResult(), "Platform.Bot", BotFolders);

    private static string[] Except(string project) => [.. PlatformNamespaces.Where(name => name != project)];

    private static string[] Above(string folder) => BotFolders[..Array.IndexOf(BotFolders, folder)];

    private static void AssertNone(TestResult result, string from, string[] forbidden) =>
        Assert.True(
            result.IsSuccessful,
            $"{from} references {string.Join(" or ", forbidden)} in: {string.Join(", ", result.FailingTypeNames ?? [])}");
}

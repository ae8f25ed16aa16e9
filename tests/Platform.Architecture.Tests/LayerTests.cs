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
        ["Platform.Api"] = typeof(Platform.Api.Access.DiscordNames).Assembly,
        ["Platform.Bot"] = typeof(Platform.Bot.Gateway.BotWorker).Assembly,
    };

    private static readonly string[] PlatformNamespaces =
        ["Platform.Api", "Platform.Bot", "Platform.Contracts", "Platform.Data", "Platform.Discord", "Platform.Hosting", "Platform.ServiceDefaults"];

    public static TheoryData<string, string[]> Arrows => new()
    {
        // The Discord client is a library of its own, usable by any bot.
        { "Platform.Discord", PlatformNamespaces.Where(name => name != "Platform.Discord").ToArray() },
        // The Redis contract is what both sides agree on, so it can know neither.
        { "Platform.Contracts", PlatformNamespaces.Where(name => name != "Platform.Contracts").ToArray() },
        // The schema serves every process and knows none of them.
        { "Platform.Data", ["Platform.Api", "Platform.Bot", "Platform.Contracts", "Platform.Discord", "Platform.Hosting"] },
        // The api and the bot talk through Postgres and Redis only.
        { "Platform.Api", ["Platform.Bot"] },
        { "Platform.Bot", ["Platform.Api"] },
    };

    [Theory]
    [MemberData(nameof(Arrows))]
    public void A_project_does_not_reference_what_it_must_not_know(string project, string[] forbidden) =>
        AssertNone(Types.InAssembly(Projects[project]).ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), project, forbidden);

    [Fact]
    public void The_bots_module_system_does_not_know_its_llm_features() =>
        AssertNone(Types.InAssembly(Projects["Platform.Bot"]).That().ResideInNamespace("Platform.Bot.ModuleSystem")
            .ShouldNot().HaveDependencyOn("Platform.Bot.Llm").GetResult(), "Platform.Bot.ModuleSystem", ["Platform.Bot.Llm"]);

    private static void AssertNone(TestResult result, string from, string[] forbidden) =>
        Assert.True(result.IsSuccessful, $"{from} references {string.Join(" or ", forbidden)} in: {string.Join(", ", result.FailingTypeNames ?? [])}");
}

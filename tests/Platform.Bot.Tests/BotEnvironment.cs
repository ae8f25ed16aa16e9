using Platform.Testing;

namespace Platform.Bot.Tests;

/// <summary>The bot tests' Postgres and Redis.</summary>
public sealed class BotEnvironment() : PlatformInfrastructure("bot");

[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotEnvironment>
{
    public const string Name = "bot";
}

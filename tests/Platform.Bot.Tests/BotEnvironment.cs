using Platform.Testing;

namespace Platform.Bot.Tests;

/// <summary>The bot tests' Postgres and Redis.</summary>
public sealed class BotEnvironment() : PlatformInfrastructure("bot");

[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotEnvironment>
{
    public const string Name = "bot";
}

/// <summary>
/// Tests that must run with nothing beside them, on servers of their own: outages of Postgres, and measurements of
/// this process's heap.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection : ICollectionFixture<BotEnvironment>
{
    public const string Name = "alone";
}

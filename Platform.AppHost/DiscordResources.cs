/// <summary>Where the bot and the api find Discord: the real one when a token is given, the emulator otherwise.</summary>
internal static class DiscordResources
{
    public const string TokenParameter = "discord-bot-token";
    public const string ClientIdParameter = "discord-client-id";
    public const string ClientSecretParameter = "discord-client-secret";
    public const string BotOwnersParameter = "bot-owner-ids";

    /// <summary>The application id the emulator plays, so that the api knows it before the bot asks Discord.</summary>
    private const string EmulatedApplicationId = "1100000000000000001";

    /// <summary>
    /// With a <c>discord-bot-token</c> parameter (always, when publishing) the platform talks to Discord,
    /// signing admins in with the <c>discord-client-id</c> and <c>discord-client-secret</c> parameters.
    /// Without one the AppHost runs the emulator as <c>discord</c>, with generated secrets shared by all,
    /// so <c>dotnet run</c> works on a machine with no Discord account.
    /// </summary>
    public static DiscordConnection AddDiscord(this IDistributedApplicationBuilder builder)
    {
        var owners = builder.AddParameter(BotOwnersParameter, "", publishValueAsDefault: true);
        if (builder.ExecutionContext.IsPublishMode || builder.Configuration[$"Parameters:{TokenParameter}"] is { Length: > 0 })
        {
            return new DiscordConnection(
                builder.AddParameter(TokenParameter, secret: true), builder.AddParameter(ClientIdParameter),
                builder.AddParameter(ClientSecretParameter, secret: true), owners, Emulator: null);
        }

        var token = builder.AddParameter(
            "discord-emulator-token",
            new GenerateParameterDefault { MinLength = 32, Special = false },
            secret: true);
        var secret = builder.AddParameter(
            "discord-emulator-client-secret",
            new GenerateParameterDefault { MinLength = 32, Special = false },
            secret: true);
        var clientId = builder.AddParameter("discord-emulator-client-id", EmulatedApplicationId);
        var emulator = builder.AddProject<Projects.Platform_DiscordEmulator>("discord")
            .WithEnvironment("Emulator__BotToken", token)
            .WithEnvironment("Emulator__ApplicationId", clientId)
            .WithEnvironment("Emulator__ClientSecret", secret)
            .WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", _ => new() { Url = "/chat", DisplayText = "Chat with the bot" });
        return new DiscordConnection(token, clientId, secret, owners, emulator);
    }

    public static IResourceBuilder<ProjectResource> WithDiscord(this IResourceBuilder<ProjectResource> service, DiscordConnection discord)
    {
        service.WithEnvironment("Discord__Token", discord.Token);
        if (discord.Emulator is { } emulator)
        {
            service
                .WithEnvironment("Discord__RestBaseAddress", ReferenceExpression.Create($"{emulator.GetEndpoint("http")}/api/v10/"))
                .WaitFor(emulator);
        }

        return service;
    }

    /// <summary>The api's side: OAuth2 credentials, the public callback page on the frontend, and the bot's owners.</summary>
    public static IResourceBuilder<ProjectResource> WithDiscordSignIn(
        this IResourceBuilder<ProjectResource> api, DiscordConnection discord, ReferenceExpression publicAddress)
    {
        api.WithDiscord(discord)
            .WithEnvironment("Discord__ClientId", discord.ClientId)
            .WithEnvironment("Discord__ClientSecret", discord.ClientSecret)
            .WithEnvironment("Dashboard__RedirectUri", ReferenceExpression.Create($"{publicAddress}/auth/callback"))
            .WithEnvironment("Dashboard__BotOwners", discord.BotOwners);
        if (discord.Emulator is { } emulator)
        {
            api.WithEnvironment("Discord__AuthorizeEndpoint", ReferenceExpression.Create($"{emulator.GetEndpoint("http")}/oauth2/authorize"));
        }

        return api;
    }
}

internal sealed record DiscordConnection(
    IResourceBuilder<ParameterResource> Token,
    IResourceBuilder<ParameterResource> ClientId,
    IResourceBuilder<ParameterResource> ClientSecret,
    IResourceBuilder<ParameterResource> BotOwners,
    IResourceBuilder<ProjectResource>? Emulator);

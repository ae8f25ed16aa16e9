/// <summary>Where the bot finds Discord: the real one when a token is given, the emulator otherwise.</summary>
internal static class DiscordResources
{
    public const string TokenParameter = "discord-bot-token";

    /// <summary>
    /// With a <c>discord-bot-token</c> parameter (always, when publishing) the bot talks to Discord.
    /// Without one the AppHost runs the emulator as <c>discord</c>, with a generated token shared by
    /// both, so <c>dotnet run</c> works on a machine with no Discord account.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDiscord(this IResourceBuilder<ProjectResource> bot)
    {
        var builder = bot.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode || builder.Configuration[$"Parameters:{TokenParameter}"] is { Length: > 0 })
        {
            return bot.WithEnvironment("Discord__Token", builder.AddParameter(TokenParameter, secret: true));
        }

        var token = builder.AddParameter("discord-emulator-token", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
        var discord = builder.AddProject<Projects.Platform_DiscordEmulator>("discord")
            .WithEnvironment("Emulator__BotToken", token)
            .WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", _ => new() { Url = "/chat", DisplayText = "Chat with the bot" });

        return bot
            .WithEnvironment("Discord__Token", token)
            .WithEnvironment("Discord__RestBaseAddress", ReferenceExpression.Create($"{discord.GetEndpoint("http")}/api/v10/"))
            .WaitFor(discord);
    }
}

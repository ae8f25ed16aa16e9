namespace Platform.DiscordEmulator.DevChat;

/// <summary>
/// A small chat page for developers: pick a seeded guild and member, type a slash command, see what
/// the bot answers. It drives the control API, as the tests do; nothing it does bypasses the gateway.
/// </summary>
public static class DevChatPage
{
    public const string Path = "/chat";

    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(DevChatPage).Assembly.GetManifestResourceStream("Platform.DiscordEmulator.DevChat.chat.html")
            ?? throw new InvalidOperationException("The chat page is not embedded in the emulator.");
        return new StreamReader(stream).ReadToEnd();
    });

    public static IEndpointRouteBuilder MapDevChat(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, () => Results.Content(Html.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }
}

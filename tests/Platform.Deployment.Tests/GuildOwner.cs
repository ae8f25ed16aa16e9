using System.Text.Json;
using Platform.Testing;

namespace Platform.Deployment.Tests;

/// <summary>The owner of the emulator's first guild, using the bot's commands through the emulator's control API.</summary>
public sealed class GuildOwner(HttpClient discord)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task<JsonElement> GuildAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return (await EmulatorInteractions.GuildsAsync(discord, timeout.Token))[0];
    }

    public async Task<string?> InvokeAsync(string command, string options, int settleMs = 250)
    {
        var guild = await GuildAsync();
        using var timeout = new CancellationTokenSource(Patience);
        return await EmulatorInteractions.InvokeAsync(discord, guild, command, options, timeout.Token, settleMs);
    }

    public Task<string?> SetTagAsync(string name, string content) =>
        InvokeAsync(
            "tag",
            $$"""
            [{"name":"set","type":1,"options":[
                {"name":"name","type":3,"value":"{{name}}"},{"name":"content","type":3,"value":"{{content}}"}]}]
            """);

    public Task<string?> GetTagAsync(string name) =>
        InvokeAsync("tag", $$"""[{"name":"get","type":1,"options":[{"name":"name","type":3,"value":"{{name}}"}]}]""");

    /// <summary>A streamed answer is edited in pieces, so it counts as final only once it has stayed the same for a while.</summary>
    public Task<string?> AskAsync(string prompt) => InvokeAsync("ask", $$"""[{"name":"prompt","type":3,"value":"{{prompt}}"}]""", settleMs: 500);
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Platform.Data;
using Platform.Data.Modules.Tags;
using Platform.Modules;
using Platform.Modules.Attributes;

namespace Platform.Benchmarks;

/// <summary>
/// The design the ADR rejected, built to be measured: <c>/tag-http get</c> asks an HTTP API for the
/// tag, and that API reads the database, where <c>/tag get</c> reads the database itself.
/// </summary>
[Module("tags-over-http", "The tags lookup through an HTTP API, for the benchmark.")]
[Group("tag-http", "Text snippets, read through an HTTP API")]
public sealed class TagsOverHttpModule(TagApiClient api) : BotModule
{
    [SlashCommand("get", "Shows a tag, asking the API")]
    public async Task GetAsync([Option("name", "The tag's name")] string name)
    {
        var content = await api.GetContentAsync(Context.RequireGuildId(), name, Context.CancellationToken);
        await (content is null ? RespondAsync($"There is no tag `{name}` here.", ephemeral: true) : RespondAsync(content));
    }
}

/// <summary>The bot's side of the hop: a typed client, with the service defaults' resilience, as the rejected design would have it.</summary>
public sealed class TagApiClient(HttpClient http)
{
    public async Task<string?> GetContentAsync(ulong guildId, string name, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/api/guilds/{guildId}/tags/{Uri.EscapeDataString(name)}", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TagBody>(cancellationToken))!.Content;
    }

    private sealed record TagBody(string Content);
}

/// <summary>The API's side: one minimal endpoint reading the tag through the platform's pooled context.</summary>
internal static class TagApi
{
    public static async Task<WebApplication> StartAsync(string databaseConnectionString)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        builder.Configuration["ConnectionStrings:platformdb"] = databaseConnectionString;
        builder.AddPlatformDatabase();
        var app = builder.Build();
        app.MapGet(
            "/api/guilds/{guildId:long}/tags/{name}",
            async (long guildId, string name, PlatformDbContext db, CancellationToken cancellationToken) =>
                await db.Set<Tag>()
                    .AsNoTracking()
                    .Where(t => t.GuildId == guildId && t.Name == name)
                    .Select(t => new { t.Content })
                    .FirstOrDefaultAsync(cancellationToken)
                    is { } tag
                    ? Results.Ok(tag)
                    : Results.NotFound());
        await app.StartAsync();
        return app;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Platform.Discord.Interactions;
using Platform.Discord.Rest;

namespace Platform.Bot.Tests;

/// <summary>The bot's Discord REST client as the bot registers it, under the service defaults' tracing.</summary>
public sealed class RestSpanTests
{
    private const string InteractionToken = "aW50ZXJhY3Rpb246c2VjcmV0";

    [Fact]
    public async Task A_callback_has_one_client_span_that_shows_its_route_template_and_never_the_interaction_token()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var spans = new List<Activity>();
        using var host = BotServices(emulator, spans);
        host.Services.GetRequiredService<TracerProvider>();

        await Assert.ThrowsAsync<DiscordApiException>(() => host.Services.GetRequiredService<DiscordRestClient>().CreateInteractionResponseAsync(
            1, InteractionToken, InteractionResponse.Message("hi"), CancellationToken.None));

        // The emulator runs in this process, so its server spans (which do show the path) are exported too.
        var clientSpans = spans.Where(span => span.Kind == ActivityKind.Client).ToList();
        var callback = Assert.Single(clientSpans);
        Assert.Equal("Platform.Discord.Rest", callback.Source.Name);
        Assert.Equal("/api/v10/interactions/{interaction_id}/{interaction_token}/callback", callback.GetTagItem("url.template"));
        Assert.Equal("POST", callback.GetTagItem("http.request.method"));
        Assert.Equal(emulator.RestBase.Host, callback.GetTagItem("server.address"));
        Assert.Equal(404, callback.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(callback.TagObjects, tag => tag.Value?.ToString()?.Contains(InteractionToken) == true);
    }

    [Fact]
    public async Task The_client_goes_to_its_address_without_generic_retries_or_service_discovery()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var host = BotServices(emulator, []);
        var handlers = host.Services.GetRequiredService<IHttpMessageHandlerFactory>();
        static IEnumerable<string> Chain(HttpMessageHandler? handler)
        {
            for (; handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
            {
                yield return handler.GetType().Name;
            }
        }

        string[] generic = ["ResilienceHandler", "ResolvingHttpDelegatingHandler"];
        Assert.Equal(generic, Chain(handlers.CreateHandler("any-other-client")).Intersect(generic).Order());
        Assert.Empty(Chain(handlers.CreateHandler(nameof(DiscordRestClient))).Intersect(generic));
    }

    private static IHost BotServices(TestEmulator emulator, List<Activity> spans)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = TestEmulator.Token,
            ["Discord:RestBaseAddress"] = emulator.RestBase.ToString(),
        });
        builder.AddServiceDefaults();
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));
        builder.AddDiscordGateway();
        return builder.Build();
    }
}

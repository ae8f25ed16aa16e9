using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Platform.Discord.Interactions;
using Platform.Discord.Rest;

namespace Platform.Bot.Tests;

public sealed class RestSpanTests
{
    [Fact]
    public async Task A_callbacks_client_spans_show_its_route_template_and_never_the_interaction_token()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var spans = new List<Activity>();
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));
        builder
            .Services.AddDiscordRestClient(
                new DiscordRestOptions { Token = TestEmulator.Token, BaseAddress = emulator.RestBase })
            .WithoutGenericRetries();
        using var host = builder.Build();
        await host.StartAsync();
        const string token = "aW50ZXJhY3Rpb246c2VjcmV0";

        await Assert.ThrowsAsync<DiscordApiException>(() => host.Services.GetRequiredService<DiscordRestClient>().CreateInteractionResponseAsync(
            1, token, InteractionResponse.Message("hi"), CancellationToken.None));
        await host.StopAsync();

        // The emulator runs in this process, so its server spans (which do show the path) are exported too.
        var clientSpans = spans.Where(span => span.Kind == ActivityKind.Client).ToList();
        var http = Assert.Single(clientSpans, span => span.Source.Name == "System.Net.Http");
        Assert.Equal("/api/v10/interactions/{interaction_id}/{interaction_token}/callback", http.GetTagItem("url.template"));
        Assert.DoesNotContain(clientSpans.SelectMany(span => span.TagObjects), tag => tag.Value?.ToString()?.Contains(token) == true);
    }
}

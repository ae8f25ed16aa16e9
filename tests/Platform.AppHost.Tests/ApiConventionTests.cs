using System.Net;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class ApiConventionTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task Api_publishes_an_openapi_document_that_describes_the_status_endpoint()
    {
        using var client = await ApiClientAsync();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/openapi/v1.json"));

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/platform/status", out _));
    }

    [Fact]
    public async Task An_unknown_route_answers_with_problem_details()
    {
        using var client = await ApiClientAsync();

        using var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    private async Task<HttpClient> ApiClientAsync()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        return platform.App.CreateHttpClient("api");
    }
}

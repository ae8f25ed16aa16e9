using System.Text.Json.Nodes;

namespace Platform.Api.Tests;

/// <summary>
/// The frontend's API client is generated from a committed copy of the api's OpenAPI document. This
/// fails when the api has changed and the copy has not; <c>scripts/generate-api-client.sh</c> runs it
/// with UPDATE_API_CLIENT=1 to write the copy, then regenerates the client's types from it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiEnvironment environment)
{
    private static readonly string CommittedCopy = Path.Combine(RepositoryRoot.Path, "frontend", "lib", "api", "openapi.json");

    [Fact]
    public async Task The_frontends_copy_of_the_OpenAPI_document_matches_the_api()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        using var browser = new Browser(scenario.Api.BaseAddress);
        var live = await (await browser.GetAsync("/api/openapi/v1.json")).Content.ReadAsStringAsync();

        if (Environment.GetEnvironmentVariable("UPDATE_API_CLIENT") == "1")
        {
            await File.WriteAllTextAsync(CommittedCopy, JsonNode.Parse(live)!.ToJsonString(new() { WriteIndented = true }) + "\n");
        }

        Assert.True(File.Exists(CommittedCopy), $"{CommittedCopy} is missing: run scripts/generate-api-client.sh.");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(live), JsonNode.Parse(await File.ReadAllTextAsync(CommittedCopy))),
            "The api's OpenAPI document changed and the frontend's copy did not: run scripts/generate-api-client.sh and commit the result.");
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;

namespace Platform.Api.Tests;

/// <summary>A change that says it comes from another site is refused even with a valid CSRF token, and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class CrossSiteWriteTests(ApiEnvironment environment)
{
    [Fact]
    public async Task A_write_from_another_origin_is_refused_and_one_from_the_sites_own_is_not()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        using var owner = await scenario.SignInAsync(guild.OwnerId);
        var path = $"/api/guilds/{guild.Id}/modules/tags";

        (string Header, string Value)[] foreign =
        [
            ("Origin", "http://evil.example"),
            ("Origin", "null"),
            ("Sec-Fetch-Site", "cross-site"),
            ("Sec-Fetch-Site", "same-site")];
        foreach (var (header, value) in foreign)
        {
            using var response = await owner.SendRawAsync(Write(path, owner.CsrfToken!, (header, value)));
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, $"{header}: {value}");
        }

        await using (var db = scenario.Db())
        {
            Assert.False(await db.GuildModules.AnyAsync(m => m.GuildId == (long)guild.Id));
        }

        var site = ApiScenario.RedirectUri.GetLeftPart(UriPartial.Authority);
        using var own = await owner.SendRawAsync(Write(path, owner.CsrfToken!, ("Origin", site), ("Sec-Fetch-Site", "same-origin")));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private static HttpRequestMessage Write(string path, string csrf, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { enabled = false }) };
        request.Headers.Add(CsrfProtection.HeaderName, csrf);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }
}

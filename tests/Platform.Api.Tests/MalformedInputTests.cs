using System.Net;
using System.Text;

namespace Platform.Api.Tests;

/// <summary>Broken, mistyped, oversized and out-of-range input on every endpoint that takes any: always a 4xx problem, never a 5xx.</summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedInputTests(ApiEnvironment environment)
{
    [Fact]
    public async Task Every_kind_of_bad_input_gets_a_4xx_problem()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = $"/api/guilds/{scenario.Guilds[0].Id}";
        using var owner = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);
        var huge = "{\"settings\":{\"max_tags\":1,\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}";
        var deep = new StringBuilder().Insert(0, "{\"a\":", 200).Append('1').Append('}', 200).ToString();

        (string Case, HttpMethod Method, string Path, string? Body, HttpStatusCode Status)[] cases =
        [
            ("broken JSON", HttpMethod.Put, $"{guild}/modules/tags", "{\"enabled\": tru", HttpStatusCode.BadRequest),
            ("wrong type", HttpMethod.Put, $"{guild}/modules/tags", "{\"enabled\": \"yes\"}", HttpStatusCode.BadRequest),
            ("empty body", HttpMethod.Put, $"{guild}/modules/tags", "", HttpStatusCode.BadRequest),
            ("null body", HttpMethod.Put, $"{guild}/llm/budget", "null", HttpStatusCode.BadRequest),
            ("nested too deep", HttpMethod.Put, $"{guild}/modules/tags", deep, HttpStatusCode.BadRequest),
            ("huge body", HttpMethod.Put, $"{guild}/modules/tags", huge, HttpStatusCode.RequestEntityTooLarge),
            (
                "setting out of range",
                HttpMethod.Put,
                $"{guild}/modules/tags",
                "{\"settings\": {\"max_tags\": 5000}}",
                HttpStatusCode.BadRequest),
            (
                "setting of the wrong type",
                HttpMethod.Put,
                $"{guild}/modules/tags",
                "{\"settings\": {\"max_tags\": \"50\"}}",
                HttpStatusCode.BadRequest),
            (
                "unknown setting",
                HttpMethod.Put,
                $"{guild}/modules/tags",
                "{\"settings\": {\"max_tgas\": 50}}",
                HttpStatusCode.BadRequest),
            (
                "settings not an object",
                HttpMethod.Put,
                $"{guild}/modules/tags",
                "{\"settings\": [1, 2]}",
                HttpStatusCode.BadRequest),
            ("unknown module", HttpMethod.Put, $"{guild}/modules/nope", "{\"enabled\": true}", HttpStatusCode.NotFound),
            ("module that cannot be off", HttpMethod.Put, $"{guild}/modules/core", "{\"enabled\": false}", HttpStatusCode.BadRequest),
            ("nothing to change", HttpMethod.Put, $"{guild}/modules/tags", "{}", HttpStatusCode.BadRequest),
            (
                "budget as text",
                HttpMethod.Put,
                $"{guild}/llm/budget",
                "{\"monthlyLimitUsd\": \"ten\"}",
                HttpStatusCode.BadRequest),
            (
                "budget overflow",
                HttpMethod.Put,
                $"{guild}/llm/budget",
                "{\"monthlyLimitUsd\": 1e40}",
                HttpStatusCode.BadRequest),
            (
                "negative budget",
                HttpMethod.Put,
                $"{guild}/llm/budget",
                "{\"monthlyLimitUsd\": -1}",
                HttpStatusCode.BadRequest),
            (
                "threshold past 100",
                HttpMethod.Put,
                $"{guild}/llm/budget",
                "{\"monthlyLimitUsd\": 5, \"softThresholdPercent\": 101}",
                HttpStatusCode.BadRequest),
            (
                "alert channel of another guild",
                HttpMethod.Put,
                $"{guild}/llm/budget",
                $"{{\"monthlyLimitUsd\": 5, \"alertChannelId\": \"{scenario.Guilds[1].Channels![0].Id}\"}}",
                HttpStatusCode.BadRequest),
            (
                "alert channel unknown",
                HttpMethod.Put,
                $"{guild}/llm/budget",
                "{\"monthlyLimitUsd\": 5, \"alertChannelId\": \"123456789012345678\"}",
                HttpStatusCode.BadRequest),
            (
                "alert channel overflow",
                HttpMethod.Put,
                $"{guild}/llm/budget",
                "{\"monthlyLimitUsd\": 5, \"alertChannelId\": \"99999999999999999999\"}",
                HttpStatusCode.BadRequest),
            (
                "grant subject overflow",
                HttpMethod.Post,
                $"{guild}/access-grants",
                "{\"subjectType\": \"user\", \"subjectId\": \"99999999999999999999\", \"scopes\": [\"view_analytics\"]}",
                HttpStatusCode.BadRequest),
            (
                "grant subject as number",
                HttpMethod.Post,
                $"{guild}/access-grants",
                "{\"subjectType\": \"user\", \"subjectId\": 12, \"scopes\": [\"view_analytics\"]}",
                HttpStatusCode.BadRequest),
            (
                "grant subject type",
                HttpMethod.Post,
                $"{guild}/access-grants",
                "{\"subjectType\": \"channel\", \"subjectId\": \"12\", \"scopes\": [\"view_analytics\"]}",
                HttpStatusCode.BadRequest),
            (
                "scopes as a string",
                HttpMethod.Post,
                $"{guild}/access-grants",
                "{\"subjectType\": \"user\", \"subjectId\": \"12\", \"scopes\": \"view_analytics\"}",
                HttpStatusCode.BadRequest),
            (
                "unknown scope",
                HttpMethod.Post,
                $"{guild}/access-grants",
                "{\"subjectType\": \"user\", \"subjectId\": \"12\", \"scopes\": [\"root\"]}",
                HttpStatusCode.BadRequest),
            (
                "no scopes",
                HttpMethod.Post,
                $"{guild}/access-grants",
                "{\"subjectType\": \"role\", \"subjectId\": \"12\", \"scopes\": []}",
                HttpStatusCode.BadRequest),
            (
                "grant id not a number",
                HttpMethod.Put,
                $"{guild}/access-grants/abc",
                "{\"scopes\": [\"view_analytics\"]}",
                HttpStatusCode.NotFound),
            ("unknown grant", HttpMethod.Delete, $"{guild}/access-grants/987654321", null, HttpStatusCode.NotFound),
            ("guild id overflow", HttpMethod.Get, "/api/guilds/99999999999999999999999", null, HttpStatusCode.BadRequest),
            ("guild id past long", HttpMethod.Get, "/api/guilds/9223372036854775808", null, HttpStatusCode.BadRequest),
            ("negative guild id", HttpMethod.Get, "/api/guilds/-5", null, HttpStatusCode.BadRequest),
            ("unknown guild", HttpMethod.Get, "/api/guilds/123456789012345678", null, HttpStatusCode.NotFound),
            ("guild the bot is not in", HttpMethod.Get, $"/api/guilds/{scenario.Guilds[^1].Id}/modules", null, HttpStatusCode.NotFound),
            ("bad day", HttpMethod.Get, $"{guild}/llm/usage?from=2026-13-01", null, HttpStatusCode.BadRequest),
            ("span too long", HttpMethod.Get, $"{guild}/llm/usage?from=2020-01-01&to=2026-01-01", null, HttpStatusCode.BadRequest),
            ("from after to", HttpMethod.Get, $"{guild}/llm/usage?from=2026-02-01&to=2026-01-01", null, HttpStatusCode.BadRequest),
            ("unknown grouping", HttpMethod.Get, $"{guild}/llm/usage.csv?groupBy=planet", null, HttpStatusCode.BadRequest),
            ("day before Discord", HttpMethod.Get, $"{guild}/llm/usage?to=0001-01-01", null, HttpStatusCode.BadRequest),
            (
                "days at the end of time",
                HttpMethod.Get,
                $"{guild}/llm/usage?from=9999-12-01&to=9999-12-31&groupBy=user",
                null,
                HttpStatusCode.BadRequest),
            (
                "audit action with a NUL",
                HttpMethod.Get,
                $"{guild}/audit-log?action=%00",
                null,
                HttpStatusCode.BadRequest),
            ("page size zero", HttpMethod.Get, $"{guild}/audit-log?limit=0", null, HttpStatusCode.BadRequest),
            ("cursor not a number", HttpMethod.Get, $"{guild}/audit-log?before=abc", null, HttpStatusCode.BadRequest),
            ("callback with broken JSON", HttpMethod.Post, "/api/auth/callback", "{\"code\":", HttpStatusCode.BadRequest),
            ("callback with wrong types", HttpMethod.Post, "/api/auth/callback", "{\"code\": 1, \"state\": []}", HttpStatusCode.BadRequest),
            ("unknown route", HttpMethod.Get, "/api/nothing-here", null, HttpStatusCode.NotFound),
        ];

        var failures = new List<string>();
        foreach (var (name, method, path, body, status) in cases)
        {
            using var response = await owner.SendAsync(method, path, rawBody: body);
            try
            {
                await ProblemAssert.IsProblemAsync(response, status, name);
            }
            catch (Exception error) when (error is Xunit.Sdk.XunitException)
            {
                failures.Add(error.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/me")).StatusCode);
    }
}

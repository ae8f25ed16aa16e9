using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Guilds;
using Platform.Api.Me;

namespace Platform.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SignInTests(ApiEnvironment environment)
{
    [Fact]
    public async Task Signing_in_through_Discord_starts_a_session_in_an_HttpOnly_SameSite_cookie()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var owner = scenario.Guilds[0].OwnerId;
        using var browser = new Browser(scenario.Api.BaseAddress);

        var (code, state) = await scenario.AuthorizeAsync(browser, owner, returnTo: "/guilds");
        using var callback = await browser.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(code, state));

        Assert.Equal("/guilds", (await ProblemAssert.IsOkAsync<SignedIn>(callback)).ReturnTo);
        var cookie = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c =>
            c.StartsWith(SessionAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await ProblemAssert.IsOkAsync<CurrentUser>(await browser.GetAsync("/api/me"));
        Assert.Equal(owner.ToString(System.Globalization.CultureInfo.InvariantCulture), me.Id);
        Assert.True(me.IsBotOwner, "The emulator's application belongs to the first guild's owner.");
        Assert.NotEmpty(me.CsrfToken);
        await using var db = scenario.Db();
        Assert.True(await db.DashboardUsers.AnyAsync(u => u.Id == (long)owner));
    }

    [Fact]
    public async Task A_forged_a_replayed_or_a_foreign_state_is_refused()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var user = scenario.Guilds[0].OwnerId;
        using var alice = new Browser(scenario.Api.BaseAddress);
        using var mallory = new Browser(scenario.Api.BaseAddress);

        var (forgedCode, _) = await scenario.AuthorizeAsync(mallory, user);
        await ProblemAssert.IsProblemAsync(
            await mallory.SendAsync(
                HttpMethod.Post,
                "/api/auth/callback",
                new SignInCallback(forgedCode, "forged-state")),
            HttpStatusCode.BadRequest,
            "forged");

        // A callback link made from someone else's sign-in does not sign the victim in, nor spend the real sign-in.
        var (code, state) = await scenario.AuthorizeAsync(alice, user);
        await ProblemAssert.IsProblemAsync(
            await mallory.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(code, state)), HttpStatusCode.BadRequest, "foreign");
        Assert.Equal(HttpStatusCode.OK, (await alice.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(code, state))).StatusCode);

        await ProblemAssert.IsProblemAsync(
            await alice.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(code, state)), HttpStatusCode.BadRequest, "replayed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await mallory.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_sign_in_and_an_outside_return_address_are_handled()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        using var browser = new Browser(scenario.Api.BaseAddress);

        var (_, state) = await scenario.AuthorizeAsync(browser, scenario.Guilds[0].OwnerId);
        await ProblemAssert.IsProblemAsync(
            await browser.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(null, state)), HttpStatusCode.BadRequest, "no code");

        // Each is a path to a browser that drops tabs and newlines and reads a backslash as a slash: another site.
        foreach (
            var outside in new[]
            {
                "//evil.example/phish",
                "/\t/evil.example/",
                "/\n/evil.example/",
                "/\\evil.example",
                "\\/evil.example",
                "https://evil.example/",
                " /x",
            })
        {
            var (code, returnState) = await scenario.AuthorizeAsync(
                browser,
                scenario.Guilds[0].OwnerId,
                returnTo: outside);
            var signedIn = await ProblemAssert.IsOkAsync<SignedIn>(
                await browser.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(code, returnState)));
            Assert.True(signedIn.ReturnTo == "/", $"{outside} came back as {signedIn.ReturnTo}");
        }

        var (inCode, inState) = await scenario.AuthorizeAsync(
            browser,
            scenario.Guilds[0].OwnerId,
            returnTo: "/guilds/1?tab=usage");
        Assert.Equal(
            "/guilds/1?tab=usage",
            (
                await ProblemAssert.IsOkAsync<SignedIn>(
                    await browser.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(inCode, inState)))).ReturnTo);
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_ends_the_session_it_had()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        using var browser = await scenario.SignInAsync(guild.OwnerId);
        var before = browser.Cookies.GetCookies(scenario.Api.BaseAddress)[SessionAuthentication.CookieName]!.Value;

        var (code, state) = await scenario.AuthorizeAsync(browser, guild.Members![1].User!.Id);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(code, state))).StatusCode);

        using var stolen = new Browser(scenario.Api.BaseAddress);
        stolen.Cookies.Add(scenario.Api.BaseAddress, new System.Net.Cookie(SessionAuthentication.CookieName, before));
        await ProblemAssert.IsProblemAsync(await stolen.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        var me = await ProblemAssert.IsOkAsync<CurrentUser>(await browser.GetAsync("/api/me"));
        Assert.Equal(guild.Members![1].User!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), me.Id);
    }

    [Fact]
    public async Task Requests_that_change_something_need_the_CSRF_token()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        using var browser = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);

        await ProblemAssert.IsProblemAsync(
            await browser.SendAsync(HttpMethod.Post, "/api/auth/logout", withCsrf: false),
            HttpStatusCode.Forbidden,
            "missing");
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout")
        {
            Headers = { { CsrfProtection.HeaderName, "not-the-token" } },
        };
        await ProblemAssert.IsProblemAsync(await browser.SendRawAsync(wrong), HttpStatusCode.Forbidden, "wrong");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(HttpMethod.Post, "/api/auth/logout")).StatusCode);
        await ProblemAssert.IsProblemAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logging_out_everywhere_ends_every_session_of_the_user_only()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        using var laptop = await scenario.SignInAsync(guild.OwnerId);
        using var phone = await scenario.SignInAsync(guild.OwnerId);
        using var someoneElse = await scenario.SignInAsync(guild.Members![1].User!.Id);

        var ended = await ProblemAssert.IsOkAsync<SessionsEnded>(await laptop.SendAsync(HttpMethod.Post, "/api/auth/logout-everywhere"));

        Assert.Equal(2, ended.Ended);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_idle_session_expires()
    {
        await using var scenario = await ApiScenario.StartAsync(
            environment,
            new Dictionary<string, string?> { ["Dashboard:SessionIdleTimeout"] = "00:00:02" });
        using var browser = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);

        // Used within the timeout, the session lives on past it.
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        await ProblemAssert.IsProblemAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_guild_list_is_read_again_with_the_refresh_token_once_Discords_access_token_expires()
    {
        await using var scenario = await ApiScenario.StartAsync(
            environment, new Dictionary<string, string?> { ["Dashboard:GuildListMaxAge"] = "00:00:00" }, "OAuth2TokenLifetimeSeconds=1");
        using var browser = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var guilds = await ProblemAssert.IsOkAsync<List<GuildListItem>>(await browser.GetAsync("/api/guilds"));

        Assert.Contains(guilds, g => g.Id == scenario.Guilds[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }
}

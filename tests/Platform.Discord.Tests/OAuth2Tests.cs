using System.Net;
using Platform.Discord.Models;
using Platform.Discord.OAuth2;
using Platform.Discord.Rest;

namespace Platform.Discord.Tests;

/// <summary>The dashboard's side of Discord OAuth2 (code with PKCE, refresh, revoke, the user's guilds) against the emulator's.</summary>
public sealed class OAuth2Tests
{
    private const string Secret = "oauth2-test-secret";
    private static readonly Uri RedirectUri = new("http://dashboard.test/auth/callback");

    [Fact]
    public async Task A_code_is_exchanged_once_with_its_verifier_and_the_tokens_read_the_user_and_their_guilds()
    {
        await using var emulator = await TestEmulator.StartAsync($"ClientSecret={Secret}");
        var guild = (await emulator.GuildsAsync())[0];
        var client = Client(emulator);
        var request = AuthorizationRequest.Create();
        var code = await ApproveAsync(emulator, request, guild.OwnerId);

        var refused = await Assert.ThrowsAsync<DiscordOAuth2Exception>(() =>
            client.ExchangeCodeAsync(
                code,
                RedirectUri,
                AuthorizationRequest.Create().CodeVerifier,
                CancellationToken.None));
        var tokens = await client.ExchangeCodeAsync(
            await ApproveAsync(emulator, request, guild.OwnerId),
            RedirectUri,
            request.CodeVerifier,
            CancellationToken.None);
        var user = await client.GetCurrentUserAsync(tokens.AccessToken, CancellationToken.None);
        var guilds = await client.GetCurrentUserGuildsAsync(tokens.AccessToken, CancellationToken.None);

        Assert.Equal(DiscordOAuth2Exception.InvalidGrant, refused.Error);
        Assert.Equal(("Bearer", "identify guilds", 604_800), (tokens.TokenType, tokens.Scope, tokens.ExpiresIn));
        Assert.Equal(guild.OwnerId, user.Id);
        var listed = Assert.Single(guilds);
        Assert.True(listed.Owner);
        // As in Discord's own example: the owner's permissions figure need not include Manage Guild.
        Assert.False(PermissionsParser.Parse(listed.Permissions).Allows(Permissions.ManageGuild));
        await Assert.ThrowsAsync<DiscordOAuth2Exception>(() =>
            client.ExchangeCodeAsync(code, RedirectUri, request.CodeVerifier, CancellationToken.None));
    }

    [Fact]
    public async Task A_refresh_token_is_good_once_and_a_revoked_grant_reads_nothing()
    {
        await using var emulator = await TestEmulator.StartAsync($"ClientSecret={Secret}");
        var member = (await emulator.GuildsAsync())[0].Members![1].User!.Id;
        var client = Client(emulator);
        var request = AuthorizationRequest.Create();
        var first = await client.ExchangeCodeAsync(
            await ApproveAsync(emulator, request, member),
            RedirectUri,
            request.CodeVerifier,
            CancellationToken.None);

        var second = await client.RefreshAsync(first.RefreshToken!, CancellationToken.None);
        var reused = await Assert.ThrowsAsync<DiscordOAuth2Exception>(() => client.RefreshAsync(first.RefreshToken!, CancellationToken.None));
        await client.RevokeAsync(second.AccessToken, "access_token", CancellationToken.None);
        var revoked = await Assert.ThrowsAsync<DiscordApiException>(() => client.GetCurrentUserAsync(second.AccessToken, CancellationToken.None));

        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(DiscordOAuth2Exception.InvalidGrant, reused.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_as_invalid_client()
    {
        await using var emulator = await TestEmulator.StartAsync($"ClientSecret={Secret}");
        var request = AuthorizationRequest.Create();
        var code = await ApproveAsync(emulator, request, (await emulator.GuildsAsync())[0].OwnerId);
        var client = new DiscordOAuth2Client(new HttpClient(), Options(emulator) with { ClientSecret = "guessed" });

        var refused = await Assert.ThrowsAsync<DiscordOAuth2Exception>(() =>
            client.ExchangeCodeAsync(code, RedirectUri, request.CodeVerifier, CancellationToken.None));

        Assert.Equal("invalid_client", refused.Error);
    }

    private static DiscordOAuth2Options Options(TestEmulator emulator) => new()
    {
        ClientId = 1_100_000_000_000_000_001,
        ClientSecret = Secret,
        AuthorizeEndpoint = new Uri(emulator.BaseAddress, "/oauth2/authorize"),
        ApiBaseAddress = emulator.RestBase,
    };

    private static DiscordOAuth2Client Client(TestEmulator emulator) => new(new HttpClient(), Options(emulator));

    /// <summary>What a user clicking "Authorize" on the consent page sends; returns the code from the redirect.</summary>
    private static async Task<string> ApproveAsync(TestEmulator emulator, AuthorizationRequest request, ulong userId)
    {
        var authorize = request.AuthorizeUrl(Options(emulator), RedirectUri, ["identify", "guilds"]);
        using var page = await emulator.Control.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var callback = await ConsentPage.ApproveAsync(authorize, userId);
        Assert.Equal(RedirectUri, new Uri(callback.GetLeftPart(UriPartial.Path)));
        var (code, state) = ConsentPage.ReadCallback(callback);
        Assert.Equal(request.State, state);
        return code!;
    }
}

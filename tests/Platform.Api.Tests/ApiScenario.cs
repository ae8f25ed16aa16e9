using System.Net;
using System.Net.Http.Json;
using Platform.Api.Auth;
using Platform.Api.Me;
using Platform.Bot.Modules.Ask;
using Platform.Bot.Modules.Core;
using Platform.Bot.Modules.Tags;
using Platform.Contracts;
using Platform.Data;
using Platform.Discord.Models;
using Platform.Modules.Catalog;
using Platform.Modules.State;
using StackExchange.Redis;

namespace Platform.Api.Tests;

/// <summary>
/// One test's platform: the Discord emulator as a bot application of its own, a migrated database
/// holding the guilds the bot is in (all of the emulator's but the last), the bot's real module
/// catalog in Redis, and the api signed in to none of it yet.
/// </summary>
public sealed class ApiScenario : IAsyncDisposable
{
    private readonly List<BotHost> bots = [];

    public const string ClientSecret = "test-client-secret";
    public static readonly Uri RedirectUri = new("http://frontend.test/auth/callback");

    private ApiScenario(
        ApiEnvironment environment,
        TestEmulator emulator,
        string connectionString,
        ulong applicationId,
        IReadOnlyList<Guild> guilds,
        ApiHost api)
    {
        Environment = environment;
        Emulator = emulator;
        ConnectionString = connectionString;
        ApplicationId = applicationId;
        Guilds = guilds;
        Api = api;
    }

    public ApiEnvironment Environment { get; }

    public TestEmulator Emulator { get; }

    public string ConnectionString { get; }

    public ulong ApplicationId { get; }

    /// <summary>The emulator's guilds; the bot is in all but the last.</summary>
    public IReadOnlyList<Guild> Guilds { get; }

    public ApiHost Api { get; }

    public IDatabase Redis => Environment.Redis.GetDatabase();

    public static Task<ApiScenario> StartAsync(
        ApiEnvironment environment,
        IReadOnlyDictionary<string, string?>? settings = null,
        params string[] emulatorSettings) => StartAsync(environment, _ => settings ?? new Dictionary<string, string?>(), emulatorSettings);

    /// <param name="settings">The api's settings beyond the scenario's, from the emulator's guilds (to name a bot owner, say).</param>
    public static async Task<ApiScenario> StartAsync(
        ApiEnvironment environment, Func<IReadOnlyList<Guild>, IReadOnlyDictionary<string, string?>> settings, params string[] emulatorSettings)
    {
        var applicationId = (ulong)Random.Shared.NextInt64(1L << 60, 1L << 61);
        var emulator = await TestEmulator.StartAsync([$"ApplicationId={applicationId}", $"ClientSecret={ClientSecret}", .. emulatorSettings]);
        var connectionString = await environment.CreateDatabaseAsync();
        var guilds = await emulator.GuildsAsync();
        await SeedGuildsAsync(connectionString, guilds.Take(guilds.Count - 1));
        var catalog = new ModuleCatalog([new(typeof(CoreModule)), new(typeof(TagsModule)), new(typeof(AskModule))]);
        await environment.Redis.GetDatabase().StringSetAsync(
            BotRedisKeys.ModuleCatalog(applicationId), ModuleDescriptor.Serialize(ModuleCatalogPublisher.Describe(catalog.Modules)));

        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = connectionString,
            ["ConnectionStrings:redis"] = environment.RedisConnectionString,
            ["Discord:ClientId"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discord:ClientSecret"] = ClientSecret,
            ["Discord:Token"] = TestEmulator.Token,
            ["Discord:RestBaseAddress"] = emulator.RestBase.ToString(),
            ["Discord:AuthorizeEndpoint"] = new Uri(emulator.BaseAddress, "/oauth2/authorize").ToString(),
            ["Dashboard:RedirectUri"] = RedirectUri.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings(guilds))
        {
            configuration[key] = value;
        }

        return new ApiScenario(environment, emulator, connectionString, applicationId, guilds, ApiHost.Start(configuration));
    }

    public PlatformDbContext Db() => new(PlatformDbOptions.ForConnectionString(ConnectionString));

    /// <summary>
    /// Starts the bot on this scenario's emulator, database and Redis, with the GUILD_MEMBERS intent, and waits until
    /// its shards are ready.
    /// </summary>
    public async Task<BotHost> StartBotAsync()
    {
        var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = ConnectionString,
            ["ConnectionStrings:redis"] = Environment.RedisConnectionString,
            ["Discord:Token"] = TestEmulator.Token,
            ["Discord:RestBaseAddress"] = Emulator.RestBase.ToString(),
            ["Discord:Intents"] = "Guilds, GuildMembers",
            ["Llm:SpoolDirectory"] = Path.Combine(Path.GetTempPath(), $"platform-api-tests-spool-{ApplicationId}"),
            ["Logging:LogLevel:Default"] = "Warning",
        }, services: null);
        bots.Add(bot);
        await bot.WaitReadyAsync();
        return bot;
    }

    /// <summary>Adds a member to a guild in the emulator, as someone joining on Discord.</summary>
    public async Task<ulong> AddMemberAsync(Guild guild, string username, params ulong[] roles) =>
        (await Emulator.PostAsync<GuildMember>($"/control/guilds/{guild.Id}/members", new { username, roles })).User!.Id;

    /// <summary>Signs <paramref name="userId"/> in the way a browser does: the api's login, Discord's consent page, the callback page.</summary>
    public async Task<Browser> SignInAsync(ulong userId)
    {
        var browser = new Browser(Api.BaseAddress);
        var (code, state) = await AuthorizeAsync(browser, userId);
        using var callback = await browser.SendAsync(HttpMethod.Post, "/api/auth/callback", new SignInCallback(code, state));
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var me = await browser.GetAsync("/api/me");
        var user = await me.Content.ReadFromJsonAsync<CurrentUser>(Browser.Json);
        browser.CsrfToken = user!.CsrfToken;
        browser.UserId = userId;
        return browser;
    }

    /// <summary>
    /// Starts a sign-in in <paramref name="browser"/> and approves it on the consent page; returns what Discord sends
    /// to the callback page.
    /// </summary>
    public async Task<(string? Code, string? State)> AuthorizeAsync(Browser browser, ulong userId, string returnTo = "/")
    {
        using var login = await browser.GetAsync($"/api/auth/login?returnTo={Uri.EscapeDataString(returnTo)}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return ConsentPage.ReadCallback(await ConsentPage.ApproveAsync(login.Headers.Location!, userId));
    }

    private static async Task SeedGuildsAsync(string connectionString, IEnumerable<Guild> guilds)
    {
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(connectionString));
        var shard = 0;
        foreach (var guild in guilds)
        {
            db.Guilds.Add(new Data.Guilds.Guild
            {
                Id = (long)guild.Id, Name = guild.Name, OwnerId = (long)guild.OwnerId, MemberCount = guild.MemberCount ?? 0,
                ShardId = shard++, JoinedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in bots)
        {
            await bot.DisposeAsync();
        }

        await Api.DisposeAsync();
        await Emulator.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Platform.AppHost.Tests;

public sealed class ComposePublishFixture : IAsyncLifetime
{
    /// <summary>Values given to every secret parameter: none may appear in anything published.</summary>
    public static readonly string[] Secrets =
    [
        "bot-token-4b1d7e0c9a",
        "client-secret-9c2e5f1a7b",
        "llm-key-3e8a1c6d2f",
        "pg-pass-7f3b9d2e1c",
        "redis-pass-1a6c8e4b9d",
        "api-db-5d2a8c1e7f",
        "bot-db-8e1f4a7c2b"];

    private readonly string root = Directory.CreateTempSubdirectory("compose-publish-").FullName;

    public ComposePublish First { get; private set; } = null!;

    public ComposePublish Second { get; private set; } = null!;

    public ComposePublish ThreeBots { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string[] parameters =
        [
            $"Parameters:discord-bot-token={Secrets[0]}", $"Parameters:discord-client-secret={Secrets[1]}",
            $"Parameters:llm-api-key={Secrets[2]}", $"Parameters:postgres-password={Secrets[3]}", $"Parameters:redis-password={Secrets[4]}",
            $"Parameters:api-db-password={Secrets[5]}", $"Parameters:bot-db-password={Secrets[6]}",
        ];
        First = await ComposePublish.RunAsync(Path.Combine(root, "first"), parameters);
        Second = await ComposePublish.RunAsync(Path.Combine(root, "second"), parameters);
        ThreeBots = await ComposePublish.RunAsync(Path.Combine(root, "three-bots"), [.. parameters, "Compose:BotReplicas=3"]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class ComposePublishTests(ComposePublishFixture published) : IClassFixture<ComposePublishFixture>
{
    private ComposePublish Compose => published.First;

    [Fact]
    public void The_file_validates_against_the_compose_specification()
    {
        // The specification names draft-07 by an https address the validator does not know it by.
        var specification = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "compose-spec.json"))
            .Replace("\"https://json-schema.org/draft-07/schema\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal);
        var schema = JsonSchema.FromText(specification);

        var result = schema.Evaluate(JsonSerializer.SerializeToElement(Compose.Compose), new EvaluationOptions { OutputFormat = OutputFormat.List });

        var failures = (result.Details ?? [])
            .Append(result)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", failures));

        var broken = Compose.Compose.DeepClone().AsObject();
        broken["services"]!["api"]!["netwerks"] = new JsonArray("dbnet");
        Assert.False(schema.Evaluate(JsonSerializer.SerializeToElement(broken)).IsValid, "The schema let a misspelt key through.");
    }

    [Theory]
    [InlineData("postgres", new[] { "dbnet" })]
    [InlineData("redis", new[] { "dbnet" })]
    [InlineData("migrations", new[] { "dbnet" })]
    [InlineData("api", new[] { "dbnet", "internet", "intranet" })]
    [InlineData("bot", new[] { "dbnet", "intranet" })]
    [InlineData("frontend", new[] { "internet", "intranet" })]
    public void Each_service_is_on_the_networks_of_the_design(string service, string[] networks)
    {
        Assert.Equal(networks, Compose.Networks(service));
    }

    [Fact]
    public void Dbnet_has_no_route_out_and_only_the_frontend_publishes_a_port_to_the_world()
    {
        var networks = Compose.Compose["networks"]!.AsObject();
        Assert.Equal(["dbnet", "internet", "intranet"], networks.Select(n => n.Key));
        Assert.True(networks["dbnet"]!["internal"]!.GetValue<bool>());
        Assert.Null(networks["intranet"]?["internal"]);

        var published = Compose
            .Services.Where(s => s.Value!["ports"] is not null)
            .ToDictionary(s => s.Key, s => s.Value!["ports"]!.AsArray().Select(p => p!.ToString()).ToList());
        Assert.Equal(["dashboard", "frontend"], published.Keys.Order());
        Assert.All(published["dashboard"], port => Assert.StartsWith("127.0.0.1:", port));
        Assert.Equal(["3000:3000"], published["frontend"]);
    }

    [Fact]
    public void Data_stores_use_official_images_with_volumes_and_health_checks_and_the_services_wait_for_them()
    {
        Assert.StartsWith("docker.io/library/postgres:", Compose.Service("postgres")["image"]!.ToString());
        Assert.StartsWith("docker.io/library/redis:", Compose.Service("redis")["image"]!.ToString());
        Assert.Contains("--appendonly yes", string.Join(' ', Compose.Service("redis")["command"]!.AsArray().Select(c => c!.ToString())));
        Assert.NotNull(Compose.Service("postgres")["healthcheck"]);
        Assert.NotNull(Compose.Service("redis")["healthcheck"]);
        Assert.Equal(["bot-spool", "postgres-data", "redis-data"], Compose.Compose["volumes"]!.AsObject().Select(v => v.Key));

        Assert.Equal("service_healthy", Compose.Service("migrations")["depends_on"]!["postgres"]!["condition"]!.ToString());
        foreach (var service in new[] { "api", "bot" })
        {
            Assert.Equal("service_completed_successfully", Compose.Service(service)["depends_on"]!["migrations"]!["condition"]!.ToString());
            Assert.Equal("service_healthy", Compose.Service(service)["depends_on"]!["redis"]!["condition"]!.ToString());
        }

        Assert.Null(Compose.Service("migrations")["restart"]);
    }

    [Fact]
    public void The_services_have_health_checks_their_images_can_run_and_the_frontend_waits_for_a_healthy_api()
    {
        Assert.Equal(
            ["CMD", "dotnet", "Platform.Api.dll", "--health-probe"],
            Compose.Service("api")["healthcheck"]!["test"]!.AsArray().Select(t => t!.ToString()));
        Assert.Equal(
            ["CMD", "dotnet", "Platform.Bot.dll", "--health-probe"],
            Compose.Service("bot")["healthcheck"]!["test"]!.AsArray().Select(t => t!.ToString()));
        Assert.Contains("/healthz", Compose.Service("frontend")["healthcheck"]!["test"]!.ToJsonString());
        Assert.Equal("service_healthy", Compose.Service("frontend")["depends_on"]!["api"]!["condition"]!.ToString());
    }

    [Fact]
    public void The_bots_llm_usage_spool_is_on_a_named_volume_where_its_image_keeps_it()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Projects.Platform_AppHost.ProjectPath, "..", "Platform.Bot", "Dockerfile"));

        Assert.Equal(["bot-spool:/var/lib/platform-bot/spool"], Compose.Service("bot")["volumes"]!.AsArray().Select(v => v!.ToString()));
        Assert.Contains("ENV Llm__SpoolDirectory=/var/lib/platform-bot/spool", dockerfile);
    }

    [Fact]
    public void Text_that_yaml_would_read_as_a_boolean_or_number_is_quoted()
    {
        var text = File.ReadAllText(Path.Combine(Compose.Directory, "docker-compose.yaml"));

        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED: \"true\"", text);
        Assert.Equal("true", Compose.Environment("api")["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
    }

    [Theory]
    [InlineData("migrations", new[] { "ConnectionStrings__platformdb" })]
    [InlineData(
        "api",
        new[]
        {
            "ConnectionStrings__platformdb",
            "ConnectionStrings__redis",
            "Discord__Token",
            "Discord__ClientId",
            "Discord__ClientSecret",
            "Dashboard__RedirectUri",
            "Dashboard__BotOwners",
        })]
    [InlineData(
        "bot",
        new[]
        {
            "ConnectionStrings__platformdb",
            "ConnectionStrings__redis",
            "Discord__Token",
            "Llm__Endpoint",
            "Llm__ApiKey",
            "Llm__Model",
        })]
    [InlineData("frontend", new[] { "services__api__http__0", "PORT" })]
    public void Every_setting_a_service_reads_at_start_up_is_given_and_telemetry_goes_to_the_dashboard(string service, string[] required)
    {
        var environment = Compose.Environment(service);

        Assert.All(required, key => Assert.True(environment.ContainsKey(key), $"{service} lacks {key}"));
        Assert.Equal(service, environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("http://dashboard:", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.DoesNotContain(environment.Values, value => value.Contains("localhost", StringComparison.Ordinal));
    }

    [Fact]
    public void The_api_and_the_bot_log_in_as_their_own_roles_and_only_migrations_has_the_superusers_password()
    {
        Assert.Equal(
            "Host=postgres;Port=5432;Username=platform_api;Password=${API_DB_PASSWORD:?set API_DB_PASSWORD in .env};Database=platformdb",
            Compose.Environment("api")["ConnectionStrings__platformdb"]);
        Assert.Equal(
            "Host=postgres;Port=5432;Username=platform_bot;Password=${BOT_DB_PASSWORD:?set BOT_DB_PASSWORD in .env};Database=platformdb",
            Compose.Environment("bot")["ConnectionStrings__platformdb"]);
        Assert.Equal(
            "${API_DB_PASSWORD:?set API_DB_PASSWORD in .env}",
            Compose.Environment("migrations")["ServiceLogins__platform_api"]);
        Assert.Equal(
            "${BOT_DB_PASSWORD:?set BOT_DB_PASSWORD in .env}",
            Compose.Environment("migrations")["ServiceLogins__platform_bot"]);
        var holders = Compose
            .Services.Where(s => s.Value!.ToJsonString().Contains("POSTGRES_PASSWORD", StringComparison.Ordinal))
            .Select(s => s.Key);
        Assert.Equal(["migrations", "postgres"], holders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Services_reach_each_other_by_name_and_sign_in_returns_to_the_public_address()
    {
        Assert.Equal("http://api:8080", Compose.Environment("frontend")["services__api__http__0"]);
        Assert.StartsWith("Host=postgres;Port=5432;", Compose.Environment("api")["ConnectionStrings__platformdb"]);
        Assert.StartsWith("redis:6379,", Compose.Environment("bot")["ConnectionStrings__redis"]);
        Assert.Equal("${PUBLIC_URL:?set PUBLIC_URL in .env}/auth/callback", Compose.Environment("api")["Dashboard__RedirectUri"]);
    }

    [Fact]
    public void No_secret_value_appears_and_the_env_example_names_every_parameter_with_secrets_left_empty()
    {
        var files = Directory.GetFiles(Compose.Directory, "*", SearchOption.AllDirectories);
        Assert.Equal([".env.example", "docker-compose.yaml"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.All(ComposePublishFixture.Secrets, secret => Assert.DoesNotContain(secret, text));
        }

        var example = File.ReadAllLines(Path.Combine(Compose.Directory, ".env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToDictionary(line => line[..line.IndexOf('=')], line => line[(line.IndexOf('=') + 1)..]);
        Assert.Equal(
            [
                "COMPOSE_PROJECT_NAME",
                "API_DB_PASSWORD",
                "BOT_DB_PASSWORD",
                "BOT_OWNER_IDS",
                "DISCORD_BOT_TOKEN",
                "DISCORD_CLIENT_ID",
                "DISCORD_CLIENT_SECRET",
                "LLM_API_KEY",
                "LLM_ENDPOINT",
                "LLM_MODEL",
                "LLM_PROVIDER",
                "POSTGRES_PASSWORD",
                "PUBLIC_URL",
                "REDIS_PASSWORD"],
            example.Keys);
        Assert.All(
            new[]
            {
                "DISCORD_BOT_TOKEN",
                "DISCORD_CLIENT_SECRET",
                "LLM_API_KEY",
                "POSTGRES_PASSWORD",
                "REDIS_PASSWORD",
                "API_DB_PASSWORD",
                "BOT_DB_PASSWORD",
            },
            key => Assert.Equal("", example[key]));
        Assert.Equal(("gpt-4o-mini", "openai"), (example["LLM_MODEL"], example["LLM_PROVIDER"]));
        Assert.Equal("platform", example["COMPOSE_PROJECT_NAME"]);
        Assert.Null(Compose.Compose["name"]);
    }

    [Fact]
    public void Publishing_twice_gives_byte_identical_files()
    {
        foreach (var name in new[] { "docker-compose.yaml", ".env.example" })
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(published.First.Directory, name)),
                File.ReadAllBytes(Path.Combine(published.Second.Directory, name)));
        }
    }

    [Fact]
    public void Three_bot_replicas_split_the_shards_by_index_and_publish_no_port()
    {
        var bots = published.ThreeBots.Services.Where(s => s.Key.StartsWith("bot", StringComparison.Ordinal)).Select(s => s.Key).ToList();

        Assert.Equal(["bot-0", "bot-1", "bot-2"], bots);
        for (var index = 0; index < 3; index++)
        {
            var environment = published.ThreeBots.Environment($"bot-{index}");
            Assert.Equal(("3", index.ToString()), (environment["Bot__ProcessCount"], environment["Bot__ProcessIndex"]));
            Assert.Equal("${BOT_TOTAL_SHARDS:?set BOT_TOTAL_SHARDS in .env}", environment["Bot__TotalShards"]);
            Assert.Null(published.ThreeBots.Service($"bot-{index}")["ports"]);
            Assert.Equal(
                [$"bot-{index}-spool:/var/lib/platform-bot/spool"],
                published.ThreeBots.Service($"bot-{index}")["volumes"]!.AsArray().Select(v => v!.ToString()));
        }

        Assert.Contains("BOT_TOTAL_SHARDS=", File.ReadAllText(Path.Combine(published.ThreeBots.Directory, ".env.example")));
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Bot;
using Platform.Bot.Shards;
using Platform.Discord.Gateway;

namespace Platform.Testing;

/// <summary>
/// The bot's real Program, hosted in the test process with settings and extra modules of the test's
/// choosing. (Any type of the bot's assembly names its entry point; the AppHost has a Program too.)
/// </summary>
public sealed class BotHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<BotOptions>
{
    // WebApplicationFactory finds Program's host through a process-wide listener; two starting at once could swap hosts.
    private static readonly SemaphoreSlim Starting = new(1, 1);

    public ShardSupervisor Supervisor => Services.GetRequiredService<ShardSupervisor>();

    public IReadOnlyList<GatewayShard> Shards => Supervisor.Shards;

    public static async Task<BotHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        var host = new BotHost(settings, services);
        await Starting.WaitAsync();
        try
        {
            _ = host.Services;
        }
        finally
        {
            Starting.Release();
        }

        return host;
    }

    /// <summary>Waits until every shard of this process is ready.</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await Supervisor.WhenStarted.WaitAsync(deadline.Token);
        // A process that stands by runs no shard: it is ready once it runs one.
        while (Shards.Count == 0 || !Shards.All(s => s.Status.State == ShardState.Ready))
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration, so that Program reads it while it registers services, before the app is built.
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(collection => services?.Invoke(collection));
}

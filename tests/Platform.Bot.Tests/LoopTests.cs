using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Modules;
using Platform.Modules.Attributes;
using Platform.Modules.Catalog;

namespace Platform.Bot.Tests;

/// <summary>
/// A module's <c>[Loop]</c> method: run from start-up on its timer, past a failed run, as its module, until the bot stops.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class LoopTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_loop_runs_on_its_timer_past_a_failure_as_its_module_until_the_bot_stops()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var ticks = new Ticks();
        var bot = await scenario.StartBotAsync(
            services => services.AddSingleton(ticks).AddBotModule<TickingModule>());

        await Eventually.TrueAsync(() => Task.FromResult(ticks.Modules.Count >= 2), "two runs after the first one failed");
        await scenario.StopBotAsync(bot);
        var runsAtStop = ticks.Runs;
        await Task.Delay(TickingModule.Interval * 2.5);

        Assert.Equal(runsAtStop, ticks.Runs);
        Assert.All(ticks.Modules, module => Assert.Equal("ticking", module));
    }

    [Fact]
    public void A_loop_faster_than_once_a_second_or_taking_arguments_fails_the_start_saying_which()
    {
        var tooFast = Assert.Throws<ModuleDefinitionException>(() => Catalog<HastyModule>());
        var withArguments = Assert.Throws<ModuleDefinitionException>(() => Catalog<ChattyLoopModule>());

        Assert.Contains("at most once a second", tooFast.Message);
        Assert.Contains("takes nothing, or a CancellationToken", withArguments.Message);
    }

    private static ModuleCatalog Catalog<TModule>() => new([new ModuleRegistration(typeof(TModule))]);

    public sealed class Ticks
    {
        private int runs;

        public int Runs => Volatile.Read(ref runs);

        public List<string?> Modules { get; } = [];

        public int Next() => Interlocked.Increment(ref runs);
    }

    [Module("ticking", "Counts its ticks.")]
    public sealed class TickingModule(Ticks ticks, CurrentInvocation invocation) : BotModule
    {
        public const double Seconds = 1;

        public static readonly TimeSpan Interval = TimeSpan.FromSeconds(Seconds);

        [Loop(Seconds)]
        public Task TickAsync(CancellationToken cancellationToken)
        {
            if (ticks.Next() == 1)
            {
                throw new InvalidOperationException("The first run fails.");
            }

            lock (ticks.Modules)
            {
                ticks.Modules.Add(invocation.Value?.Module);
            }

            return Task.CompletedTask;
        }
    }

    [Module("hasty", "Ticks too fast.")]
    public sealed class HastyModule : BotModule
    {
        [Loop(0.1)]
        public Task TickAsync() => Task.CompletedTask;
    }

    [Module("chatty", "Wants an argument no timer can give.")]
    public sealed class ChattyLoopModule : BotModule
    {
        [Loop(5)]
        public Task TickAsync(string what) => Task.FromResult(what);
    }
}

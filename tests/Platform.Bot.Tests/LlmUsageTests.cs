using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Llm;
using Platform.Modules;

namespace Platform.Bot.Tests;

/// <summary>Usage records of calls made through the bot's <see cref="IChatClient"/>, as a module makes them.</summary>
[Collection(BotCollection.Name)]
public sealed class LlmUsageTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_stream_read_to_the_end_an_abandoned_stream_and_a_cancelled_call_are_each_recorded()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.LaunchBotAsync();
        var chat = bot.Services.GetRequiredService<IChatClient>();
        using var _ = bot.Services.GetRequiredService<CurrentInvocation>().Enter(new Invocation("digest", "daily digest", null, null, 5));

        var whole = await chat.GetStreamingResponseAsync("Tell me [words=50]").ToChatResponseAsync();
        await foreach (var update in chat.GetStreamingResponseAsync("Tell me more [words=400]"))
        {
            if (update.Text.Length > 0)
            {
                break;
            }
        }

        using var cancel = new CancellationTokenSource();
        await scenario.Llm.FaultAsync("timeout");
        var hanging = chat.GetResponseAsync("Hang", cancellationToken: cancel.Token);
        await Task.Delay(300);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);

        await using var db = scenario.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.LlmUsage.CountAsync() == 3, "three records");
        var records = await db.LlmUsage.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
        Assert.All(records, r =>
            Assert.Equal(("digest", "daily digest", 5L, (long?)null), (r.Module, r.Command, r.UserId!.Value, r.GuildId)));
        Assert.Equal(
            (LlmCallStatus.Ok, null, (int)whole.Usage!.OutputTokenCount!),
            (records[0].Status, records[0].ErrorKind, records[0].OutputTokens));
        // Given up before the provider's usage arrived: the tokens sent and read so far, estimated.
        Assert.Equal((LlmCallStatus.Cancelled, "abandoned"), (records[1].Status, records[1].ErrorKind));
        Assert.True(records[1] is { InputTokens: > 0, OutputTokens: > 0, CostUsd: > 0 } && records[1].OutputTokens < 400);
        Assert.Equal((LlmCallStatus.Cancelled, "cancelled", 0), (records[2].Status, records[2].ErrorKind, records[2].OutputTokens));
    }
}

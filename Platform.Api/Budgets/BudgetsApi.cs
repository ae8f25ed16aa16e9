using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Access;
using Platform.Api.Analytics;
using Platform.Api.Audit;
using Platform.Api.Auth;
using Platform.Api.Realtime;
using Platform.Data;
using Platform.Data.Access;
using Platform.Data.Llm;
using Platform.Discord.Rest;

namespace Platform.Api.Budgets;

public static class BudgetsApi
{
    /// <summary>A ceiling on what a typo can do: a million dollars a month.</summary>
    public const decimal MaxMonthlyLimitUsd = 1_000_000m;

    public static RouteGroupBuilder MapBudgetsApi(this RouteGroupBuilder guilds)
    {
        var budget = guilds.MapGroup($"/{{{GuildAccessFilter.RouteParameter}}}/llm/budget").WithTags("Budgets");

        budget
            .MapGet("", GetAsync)
            .RequireGuildAccess(AccessScopes.ViewAnalytics)
            .WithSummary("The guild's LLM budget, if it has one.");
        budget
            .MapPut("", PutAsync)
            .RequireGuildAccess(AccessScopes.ManageBudgets)
            .WithSummary("Sets the guild's LLM budget; the bot enforces it at once.");
        budget
            .MapDelete("", DeleteAsync)
            .RequireGuildAccess(AccessScopes.ManageBudgets)
            .WithSummary("Removes the guild's LLM budget.");

        return guilds;
    }

    public static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> GetAsync(
        long guildId,
        PlatformDbContext db,
        CancellationToken cancellationToken) =>
        await db.LlmBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.GuildId == guildId, cancellationToken)
            is { } budget
            ? TypedResults.Ok(BudgetView.Of(budget))
            : NoBudget();

    public static async Task<Results<Ok<BudgetView>, ValidationProblem>> PutAsync(
        long guildId, BudgetRequest request, HttpContext http, PlatformDbContext db, DiscordRestClient discord, BotNotifier bot, UsageReports reports,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(request, out var alertChannel) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The bot posts the guild's spend where this says: never into a channel of another guild, nor one it cannot post in.
        if (alertChannel is { } channelId
            && (await discord.FindChannelAsync((ulong)channelId, cancellationToken) is not { } channel || !channel.IsTextChannelOf((ulong)guildId)))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["alertChannelId"] = ["Not a text channel of this server that the bot can see."],
                });
        }

        var after = await db.SaveAsIfSecondAsync(() => SaveAsync(guildId, request, alertChannel, http.Session().UserId, db, time, cancellationToken));
        await bot.LlmBudgetChangedAsync((ulong)guildId);
        await reports.InvalidateAsync(guildId, cancellationToken);
        return TypedResults.Ok(after);
    }

    private static async Task<BudgetView> SaveAsync(
        long guildId,
        BudgetRequest request,
        long? alertChannel,
        ulong actor,
        PlatformDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var budget = await db.LlmBudgets.FirstOrDefaultAsync(b => b.GuildId == guildId, cancellationToken);
        var before = budget is null ? null : BudgetView.Of(budget);
        if (budget is null)
        {
            budget = new LlmBudget { GuildId = guildId };
            db.LlmBudgets.Add(budget);
        }

        var now = time.GetUtcNow();
        budget.MonthlyLimitUsd = request.MonthlyLimitUsd!.Value;
        budget.SoftThresholdPercent = request.SoftThresholdPercent ?? 80;
        budget.PerUserDailyLimitUsd = request.PerUserDailyLimitUsd;
        budget.AlertChannelId = alertChannel;
        budget.UpdatedAt = now;
        budget.UpdatedBy = (long)actor;
        var after = BudgetView.Of(budget);
        db.Record((ulong)guildId, actor, "llm_budget.update", "llm_budget", null, before, after, now);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long guildId,
        HttpContext http,
        PlatformDbContext db,
        BotNotifier bot,
        UsageReports reports,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await db.LlmBudgets.FirstOrDefaultAsync(b => b.GuildId == guildId, cancellationToken) is not { } budget)
        {
            return NoBudget();
        }

        db.LlmBudgets.Remove(budget);
        db.Record((ulong)guildId, http.Session().UserId, "llm_budget.delete", "llm_budget", null, BudgetView.Of(budget), null, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await bot.LlmBudgetChangedAsync((ulong)guildId);
        await reports.InvalidateAsync(guildId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Dictionary<string, string[]> Validate(BudgetRequest request, out long? alertChannel)
    {
        var errors = new Dictionary<string, string[]>();
        alertChannel = null;
        if (request.MonthlyLimitUsd is not { } limit || limit < 0 || limit > MaxMonthlyLimitUsd)
        {
            errors["monthlyLimitUsd"] = [$"Required: from 0 to {MaxMonthlyLimitUsd:N0} dollars."];
        }

        if (request.SoftThresholdPercent is < 1 or > 100)
        {
            errors["softThresholdPercent"] = ["A percentage from 1 to 100."];
        }

        if (request.PerUserDailyLimitUsd is < 0 or > MaxMonthlyLimitUsd)
        {
            errors["perUserDailyLimitUsd"] = [$"From 0 to {MaxMonthlyLimitUsd:N0} dollars, or null for no per-member cap."];
        }

        if (request.AlertChannelId is { } channel)
        {
            if (ulong.TryParse(channel, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id is > 0 and <= long.MaxValue)
            {
                alertChannel = (long)id;
            }
            else
            {
                errors["alertChannelId"] = ["A Discord channel id, or null for no alerts."];
            }
        }

        return errors;
    }

    private static ProblemHttpResult NoBudget() =>
        TypedResults.Problem(
            title: "No budget",
            detail: "This guild has no LLM budget; its spending is not capped.",
            statusCode: StatusCodes.Status404NotFound);
}

public sealed record BudgetRequest(decimal? MonthlyLimitUsd, int? SoftThresholdPercent, decimal? PerUserDailyLimitUsd, string? AlertChannelId);

public sealed record BudgetView(
    decimal MonthlyLimitUsd,
    int SoftThresholdPercent,
    decimal? PerUserDailyLimitUsd,
    string? AlertChannelId,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static BudgetView Of(LlmBudget budget) => new(
        budget.MonthlyLimitUsd, budget.SoftThresholdPercent, budget.PerUserDailyLimitUsd,
        budget.AlertChannelId?.ToString(CultureInfo.InvariantCulture), budget.UpdatedAt, budget.UpdatedBy.ToString(CultureInfo.InvariantCulture));
}

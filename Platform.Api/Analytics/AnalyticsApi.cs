using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Access;
using Platform.Data.Access;

namespace Platform.Api.Analytics;

public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder guilds)
    {
        var usage = guilds
            .MapGroup($"/{{{GuildAccessFilter.RouteParameter}}}/llm")
            .WithTags("Analytics")
            .RequireGuildAccess(AccessScopes.ViewAnalytics);

        usage
            .MapGet("/usage", GetAsync)
            .WithSummary(
                "LLM calls, tokens and cost over a span of days (default: the last 30), grouped by day, model, " +
                "module, user or day_by_model, with the month against the budget.");
        usage.MapGet("/usage.csv", ExportAsync).WithSummary("The same report as CSV, for spreadsheets.");

        return guilds;
    }

    /// <summary>Members named by user: the biggest spenders, which is what the dashboard shows; the rest keep their ids.</summary>
    public const int NamedMembers = 25;

    public static async Task<Results<Ok<UsageReport>, ValidationProblem>> GetAsync(
        long guildId,
        string? from,
        string? to,
        string? groupBy,
        UsageReports reports,
        DiscordNames discordNames,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (query, errors) = UsageQuery.Parse(from, to, groupBy, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var report = await reports.GetAsync(guildId, query, cancellationToken);
        if (query.GroupBy != UsageGrouping.User)
        {
            return TypedResults.Ok(report);
        }

        var names = await discordNames.MemberNamesAsync(
            guildId,
            report.Rows.Take(NamedMembers).Select(MemberId).Where(id => id > 0),
            cancellationToken);
        return TypedResults.Ok(
            report with
            {
                Rows =
                [
                    .. report.Rows.Select(r =>
                        names.TryGetValue(MemberId(r), out var name) ? r with { Name = name } : r)],
            });

        // Calls made outside any member ("unknown") have no id to name.
        static long MemberId(UsageRow row) => long.TryParse(row.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        long guildId, string? from, string? to, string? groupBy, UsageReports reports, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, errors) = UsageQuery.Parse(from, to, groupBy, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var report = await reports.GetAsync(guildId, query, cancellationToken);
        var split = query.GroupBy == UsageGrouping.DayByModel;
        var csv = new StringBuilder(
            $"{(split ? "day,model" : report.GroupBy)},calls,refused_calls,unpriced_calls,input_tokens,cached_input_tokens,output_tokens,cost_usd\n");
        foreach (var row in report.Rows.Append(report.Totals))
        {
            var key = split ? $"{Field(row.Key)},{Field(row.Split ?? "")}" : Field(row.Key);
            csv.Append(
                CultureInfo.InvariantCulture,
                $"{key},{row.Calls},{row.RefusedCalls},{row.UnpricedCalls}," +
                $"{row.InputTokens},{row.CachedInputTokens},{row.OutputTokens},{row.CostUsd}\n");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8",
            $"llm-usage-{guildId}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}-by-{report.GroupBy}.csv");
    }

    /// <summary>Quotes a field when it needs it, and defuses a leading formula character for spreadsheet apps.</summary>
    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}

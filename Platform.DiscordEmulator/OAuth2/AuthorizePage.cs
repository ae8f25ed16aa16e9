using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.OAuth2;

/// <summary>
/// Discord's consent screen, standing in for discord.com/oauth2/authorize: pick which seeded user
/// signs in, approve or cancel, and go back to the app's redirect URI with a code or an error.
/// </summary>
public static class AuthorizePage
{
    public const string Path = "/oauth2/authorize";

    public static IEndpointRouteBuilder MapAuthorizePage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpRequest request, EmulatorWorld world, IOptions<EmulatorOptions> options) =>
        {
            var parameters = AuthorizeRequestParameters.From(name => request.Query[name]);
            return parameters.Problem(options.Value) is { } problem
                ? Refused(problem)
                : Results.Content(ConsentPage(parameters, world), "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        routes.MapPost(Path, async (HttpRequest request, EmulatorWorld world, OAuth2Grants grants, IOptions<EmulatorOptions> options) =>
        {
            var form = await request.ReadFormAsync();
            var parameters = AuthorizeRequestParameters.From(name => form[name]);
            if (parameters.Problem(options.Value) is { } problem)
            {
                return Refused(problem);
            }

            if (form["action"] != "approve")
            {
                return Results.Redirect(WithQuery(parameters.RedirectUri!, ("error", "access_denied"), ("state", parameters.State)));
            }

            if (!ulong.TryParse(form["user_id"], out var userId) || world.FindUser(userId) is null)
            {
                return Refused("Pick a user to sign in as.");
            }

            var code = grants.IssueCode(userId, parameters.RedirectUri!, parameters.Scope!, parameters.CodeChallenge);
            return Results.Redirect(WithQuery(parameters.RedirectUri!, ("code", code), ("state", parameters.State)));
        }).DisableAntiforgery().ExcludeFromDescription();

        return routes;
    }

    private static string WithQuery(string uri, params (string Name, string? Value)[] pairs)
    {
        var query = string.Join('&', pairs.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private static string ConsentPage(AuthorizeRequestParameters parameters, EmulatorWorld world)
    {
        var hidden = string.Concat(parameters.Pairs.Where(p => p.Value is not null)
            .Select(p => $"""<input type="hidden" name="{p.Key}" value="{WebUtility.HtmlEncode(p.Value)}">"""));
        var users = new StringBuilder();
        foreach (var user in world.Users)
        {
            users.Append(
                $"""
                <li><form method="post"><button name="action" value="approve">Authorize as <b>{WebUtility.HtmlEncode(
                    user.GlobalName ?? user.Username
                )}</b> ({WebUtility.HtmlEncode(user.Username)})</button>
                <input type="hidden" name="user_id" value="{user.Id}">{hidden}</form></li>
                """);
        }

        return Page("Authorize access", $"""
            <p>An application wants to access your account (scopes: <code>{WebUtility.HtmlEncode(parameters.Scope)}</code>). Sign in as:</p>
            <ul>{users}</ul>
            <form method="post">{hidden}<button name="action" value="cancel">Cancel</button></form>
            """);
    }

    /// <summary>Discord's error page, shown instead of redirecting: a bad request must not send the browser anywhere.</summary>
    private static IResult Refused(string problem) =>
        Results.Content(
            Page("Invalid authorization request", $"<p>{WebUtility.HtmlEncode(problem)}</p>"),
            "text/html; charset=utf-8",
            statusCode: StatusCodes.Status400BadRequest);

    private static string Page(string title, string body) => $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} · Discord emulator</title>
        <style>body{"{"}font-family:system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem{"}"}li{"{"}margin:.4rem 0;list-style:none{"}"}</style>
        </head><body><h1>{title}</h1>{body}</body></html>
        """;
}

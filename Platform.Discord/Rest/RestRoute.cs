using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Platform.Discord.Rest;

/// <summary>
/// A request's method and path, with what its rate limit is tracked by: Discord keys buckets by
/// route and by the top-level resource (channel, guild, webhook or interaction) it touches.
/// </summary>
public sealed record RestRoute(HttpMethod Method, string Template, string Path, string TopLevelResource)
{
    /// <summary>The route parameters that name a top-level resource; each value gets a bucket of its own.</summary>
    public static readonly IReadOnlyList<string> TopLevelParameters =
    [
        "channel_id",
        "guild_id",
        "webhook_id",
        "webhook_token",
        "interaction_id",
        "interaction_token"];

    public const string InteractionCallbackTemplate = "interactions/{interaction_id}/{interaction_token}/callback";

    private static readonly ConcurrentDictionary<(string Method, string Template), string> Names = new();

    /// <summary>Low-cardinality name for telemetry and for routes whose bucket is not known yet; made once per route.</summary>
    public string Name { get; } = Names.GetOrAdd((Method.Method, Template), static route => $"{route.Method} {route.Template}");

    /// <summary>
    /// Interaction endpoints and webhooks are not bound to the global limit: an interaction's callback, nor its followups
    /// and edits of its original response, which go to webhook routes with the interaction's token.
    /// </summary>
    public bool ExemptFromGlobalLimit =>
        Template.StartsWith("interactions/", StringComparison.Ordinal) || Template.StartsWith("webhooks/", StringComparison.Ordinal);

    /// <summary>An interaction is answered once, so its callback's bucket never paces a second request.</summary>
    public bool SingleUse => Template == InteractionCallbackTemplate;

    /// <summary>Fills <paramref name="template"/>'s <c>{placeholders}</c> with <paramref name="values"/> in order.</summary>
    public static RestRoute Create(HttpMethod method, string template, params object[] values)
    {
        // Built on pooled buffers: a callback's path carries a long token, and every request makes one.
        var path = new DefaultInterpolatedStringHandler(template.Length + 128, values.Length);
        var topLevel = new DefaultInterpolatedStringHandler(128, values.Length);
        var next = 0;
        var position = 0;
        while (template.IndexOf('{', position) is var open and >= 0)
        {
            var close = template.IndexOf('}', open);
            var value = Uri.EscapeDataString(Convert.ToString(values[next++], CultureInfo.InvariantCulture)!);
            path.AppendFormatted(template.AsSpan(position, open - position));
            path.AppendFormatted(value);
            if (IsTopLevelParameter(template.AsSpan(open + 1, close - open - 1)))
            {
                topLevel.AppendFormatted(value);
                topLevel.AppendLiteral("/");
            }

            position = close + 1;
        }

        path.AppendFormatted(template.AsSpan(position));
        return new RestRoute(method, template, path.ToStringAndClear(), topLevel.ToStringAndClear());
    }

    private static bool IsTopLevelParameter(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < TopLevelParameters.Count; i++)
        {
            if (name.SequenceEqual(TopLevelParameters[i]))
            {
                return true;
            }
        }

        return false;
    }
}

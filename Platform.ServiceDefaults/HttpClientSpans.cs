using System.Diagnostics;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Outgoing requests whose paths carry secrets (Discord's interaction and webhook tokens) name their route
/// template in the request option <c>url.template</c>; their spans then show that template in place of the path.
/// </summary>
public static class HttpClientSpans
{
    public static readonly HttpRequestOptionsKey<string> UrlTemplate = new("url.template");

    public static void ShowTemplateInsteadOfPath(Activity activity, HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(UrlTemplate, out var template) && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("url.template", template);
            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + template);
        }
    }
}

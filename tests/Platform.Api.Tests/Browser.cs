using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Api.Auth;

namespace Platform.Api.Tests;

/// <summary>A browser's view of the api: its own cookies, no automatic redirects, and the CSRF token once signed in.</summary>
public sealed class Browser : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient http;

    public Browser(Uri api)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = api };
    }

    public CookieContainer Cookies { get; }

    public string? CsrfToken { get; set; }

    public ulong? UserId { get; set; }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>A request with a JSON body (or <paramref name="rawBody"/> as is), carrying the CSRF token if the browser has one.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? rawBody = null, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (rawBody is not null)
        {
            request.Content = new StringContent(rawBody, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (withCsrf && CsrfToken is not null)
        {
            request.Headers.Add(CsrfProtection.HeaderName, CsrfToken);
        }

        return http.SendAsync(request);
    }

    /// <summary>A plain request outside the browser's cookie jar, as another site's form or a script would send.</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request) => http.SendAsync(request);

    public void Dispose() => http.Dispose();
}

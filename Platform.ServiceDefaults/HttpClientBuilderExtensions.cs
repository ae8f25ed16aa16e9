namespace Microsoft.Extensions.DependencyInjection;

public static class HttpClientBuilderExtensions
{
    /// <summary>
    /// Takes the service defaults' standard resilience handler off one client, for clients that must not
    /// be retried blindly: Discord's REST client honours rate limits itself (a generic retry would resend
    /// into a 429), and an OAuth2 code is good once (a retried exchange spends it and then fails).
    /// </summary>
    public static IHttpClientBuilder WithoutGenericRetries(this IHttpClientBuilder client)
    {
#pragma warning disable EXTEXP0001 // The supported way to opt one client out of the service defaults' resilience.
        return client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }

    /// <summary>
    /// Takes service discovery off a client whose base address is always a URL (Discord's API, or the
    /// emulator's endpoint that the AppHost passes), where it would only rebuild every request's URI.
    /// The handler's type is internal to the package, hence its name (RestSpanTests checks it is still found).
    /// </summary>
    public static IHttpClientBuilder WithoutServiceDiscovery(this IHttpClientBuilder client) =>
        client.ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
        {
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (handlers[i].GetType().FullName == "Microsoft.Extensions.ServiceDiscovery.Http.ResolvingHttpDelegatingHandler")
                {
                    handlers.RemoveAt(i);
                }
            }
        });
}

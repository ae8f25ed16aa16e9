using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Discord.Rest;

namespace Microsoft.Extensions.DependencyInjection;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers the process's one <see cref="DiscordRestClient"/> for <paramref name="options"/>' token.
    /// Discord's buckets, the global limit and the invalid-request count belong to the token, so every
    /// service must share one client: a typed client (transient) would give each its own limiter.
    /// Being long-lived, its connections are recycled by the handler instead of by the factory.
    /// </summary>
    /// <returns>The client's builder, for handlers a host adds or takes off.</returns>
    public static IHttpClientBuilder AddDiscordRestClient(this IServiceCollection services, DiscordRestOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new DiscordRestClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordRestClient)),
            options,
            provider.GetRequiredService<TimeProvider>()));

        // The factory's request logs would print interaction and webhook tokens, which Discord puts in
        // the path; the client's own traces and metrics name the route template instead. For the same reason
        // the handler starts no span of its own (its url.full would carry the token) and sends Discord no
        // trace context, which is of no use to Discord; the client's span is the request's one client span.
        // Discord's API does not redirect.
        return services.AddHttpClient(nameof(DiscordRestClient))
            .UseSocketsHttpHandler((handler, _) =>
            {
                handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2);
                handler.ActivityHeadersPropagator = null;
                handler.AllowAutoRedirect = false;
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }
}

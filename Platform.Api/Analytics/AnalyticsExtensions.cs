using Microsoft.Extensions.Caching.StackExchangeRedis;
using Platform.Api;
using Platform.Api.Analytics;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class AnalyticsExtensions
{
    /// <summary>LLM usage reports behind HybridCache: in memory, then Redis (on the connection Aspire made), then Postgres.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddStackExchangeRedisCache(_ => { });
        builder.Services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer, ApiRedisKeys>((options, redis, keys) =>
        {
            options.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
            options.InstanceName = keys.CacheInstance;
        });
        builder.Services.AddHybridCache();
        builder.Services.Configure<AnalyticsSettings>(builder.Configuration.GetSection(AnalyticsSettings.Section));
        builder.Services.AddScoped<UsageReports>();
        return builder;
    }
}

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Infrastructure;

internal static class HealthCheckBuilderExtensions
{
    /// <summary>Registers <paramref name="check"/> with the AppHost and makes the resource's health depend on it.</summary>
    public static IResourceBuilder<T> WithHealthCheck<T>(this IResourceBuilder<T> builder, Func<T, IHealthCheck> check)
        where T : IResource
    {
        var key = $"{builder.Resource.Name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key, _ => check(builder.Resource), failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }
}

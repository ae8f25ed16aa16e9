using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class ApiDefaults
{
    public const int MaxRequestBodyBytes = 256 * 1024;

    /// <summary>Problem details (RFC 9457) for every error and an OpenAPI document for the UI's generated client.</summary>
    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Platform.Api.BadRequestHandler>();
        builder.Services.AddExceptionHandler<Platform.Api.DatabaseRefusalHandler>();
        builder.Services.AddExceptionHandler<Platform.Api.ServiceUnavailableHandler>();
        // No server list: the UI calls the api on its own origin, and the committed copy of the document must not depend on a port.
        builder.Services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [];
                return Task.CompletedTask;
            })
            .AddOperationTransformer<Platform.Api.SnowflakeParameters>());

        // Numbers are numbers: the document then types them as such, and "10" is not a budget.
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);

        // The admin UI sends small JSON documents; anything near this size is a mistake or an attack.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<Platform.Api.Auth.SameOriginWrites>();
        // After authentication: a bucket belongs to a session the api verified, never to whatever cookie was sent.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/api/docs", scalar => scalar.WithOpenApiRoutePattern("/api/openapi/{documentName}.json"));
        }

        return app;
    }
}

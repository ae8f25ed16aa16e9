namespace Microsoft.Extensions.Hosting;

public static class ApiDefaults
{
    /// <summary>Problem details (RFC 9457) for every error and an OpenAPI document for the UI's generated client.</summary>
    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Platform.Api.ServiceUnavailableHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        return app;
    }
}

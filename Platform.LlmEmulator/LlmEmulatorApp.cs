using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.LlmEmulator.Chat;
using Platform.LlmEmulator.Control;

namespace Platform.LlmEmulator;

/// <summary>The emulator as an app that <c>Program</c> runs and tests start in-process on a real socket.</summary>
public static class LlmEmulatorApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.Services.AddOptions<LlmEmulatorOptions>().BindConfiguration(LlmEmulatorOptions.Section);
        builder.Services.AddSingleton<FaultQueue>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<PromptCache>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

        var app = builder.Build();

        app.MapDefaultEndpoints();
        app.MapChatCompletionsApi();
        app.MapControlApi();

        return app;
    }

    /// <summary>The address Kestrel bound, e.g. after <c>--urls=http://127.0.0.1:0</c>.</summary>
    public static Uri BaseAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

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
        builder.Services.AddSingleton<ScriptQueue<Fault>>();
        builder.Services.AddSingleton<ScriptQueue<ScriptedReply>>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<PromptCache>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

        var app = builder.Build();

        app.MapDefaultEndpoints();
        app.MapChatCompletionsApi();
        app.MapControlApi();

        return app;
    }
}

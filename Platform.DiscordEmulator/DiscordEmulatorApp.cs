using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.DevChat;
using Platform.DiscordEmulator.Gateway;
using Platform.DiscordEmulator.OAuth2;
using Platform.DiscordEmulator.Rest;

namespace Platform.DiscordEmulator;

/// <summary>The emulator as an app that <c>Program</c> runs and tests start in-process on a real socket.</summary>
public static class DiscordEmulatorApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddDiscordEmulator();

        var app = builder.Build();

        app.UseWebSockets();
        app.MapDefaultEndpoints();
        app.MapDiscordRestApi();
        app.MapGatewayEndpoints();
        app.MapControlApi();
        app.MapDevChat();
        app.MapAuthorizePage();

        return app;
    }
}

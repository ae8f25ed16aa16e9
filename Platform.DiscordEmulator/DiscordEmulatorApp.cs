using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.DevChat;
using Platform.DiscordEmulator.Gateway;
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

        return app;
    }

    /// <summary>The address Kestrel bound, e.g. after <c>--urls=http://127.0.0.1:0</c>.</summary>
    public static Uri BaseAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Auth;

namespace Platform.Testing;

/// <summary>The api's real Program on a real Kestrel socket, with the test's settings.</summary>
public sealed class ApiHost : WebApplicationFactory<SessionStore>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    private ApiHost(IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = settings;
        UseKestrel(0);
    }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static ApiHost Start(IReadOnlyDictionary<string, string?> settings)
    {
        var host = new ApiHost(settings);
        host.StartServer();
        return host;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        return base.CreateHost(builder);
    }
}

namespace Platform.Hosting.Compose;

/// <summary>
/// The Aspire dashboard as the deployment's OTLP sink. Its UI is bound to the host's loopback only;
/// the services reach its OTLP ports over the networks they share with it.
/// </summary>
internal static class ComposeDashboard
{
    public const string ServiceName = "dashboard";
    public const string Image = "mcr.microsoft.com/dotnet/aspire-dashboard:13.6";
    public const string OtlpGrpcEndpoint = $"http://{ServiceName}:18889";
    public const string OtlpHttpEndpoint = $"http://{ServiceName}:18890";

    public static ComposeService Service()
    {
        var dashboard = new ComposeService { Image = Image, Restart = "unless-stopped" };
        dashboard.Ports.Add("127.0.0.1:18888:18888");
        dashboard.Expose.AddRange(["18889", "18890"]);
        dashboard.Networks.AddRange([ComposeNetworks.DbNet, ComposeNetworks.Intranet]);
        return dashboard;
    }
}

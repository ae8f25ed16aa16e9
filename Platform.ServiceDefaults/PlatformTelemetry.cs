namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The platform's own activity sources and meters all start with this prefix, so every
/// service exports them without each one listing its names.
/// </summary>
public static class PlatformTelemetry
{
    public const string ActivitySourceNames = "Platform.*";

    public const string MeterNames = "Platform.*";
}

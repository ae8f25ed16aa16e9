namespace Platform.Hosting.Compose;

/// <summary>
/// The deployment's three networks (docs/architecture.md): <c>internet</c> for what faces users, <c>intranet</c>
/// for the services that talk to each other and to Discord, and <c>dbnet</c>, with no route out,
/// for the data stores and whoever reads them.
/// </summary>
public static class ComposeNetworks
{
    public const string Internet = "internet";
    public const string Intranet = "intranet";
    public const string DbNet = "dbnet";

    internal static SortedDictionary<string, ComposeNetwork> Definitions() => new(StringComparer.Ordinal)
    {
        [DbNet] = new(Internal: true),
        [Internet] = new(Internal: null),
        [Intranet] = new(Internal: null),
    };
}

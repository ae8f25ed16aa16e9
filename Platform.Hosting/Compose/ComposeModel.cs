namespace Platform.Hosting.Compose;

/// <summary>A Compose file as the publisher writes it; sorted collections keep two publishes byte-identical.</summary>
public sealed record ComposeFile(
    SortedDictionary<string, ComposeService> Services,
    SortedDictionary<string, ComposeNetwork> Networks,
    SortedDictionary<string, ComposeVolume> Volumes);

public sealed class ComposeService
{
    public string? Image { get; set; }

    public ComposeBuild? Build { get; set; }

    public List<string> Command { get; } = [];

    public SortedDictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public List<string> Ports { get; } = [];

    public List<string> Expose { get; } = [];

    public List<string> Volumes { get; } = [];

    public List<string> Networks { get; } = [];

    public SortedDictionary<string, ComposeDependency> DependsOn { get; } = new(StringComparer.Ordinal);

    public ComposeHealthcheck? Healthcheck { get; set; }

    public string? Restart { get; set; }

    /// <summary>A copy with more environment: one replica of a service started several times.</summary>
    public ComposeService With(IReadOnlyDictionary<string, string> environment)
    {
        var copy = new ComposeService { Image = Image, Build = Build, Healthcheck = Healthcheck, Restart = Restart };
        copy.Command.AddRange(Command);
        copy.Ports.AddRange(Ports);
        copy.Expose.AddRange(Expose);
        copy.Volumes.AddRange(Volumes);
        copy.Networks.AddRange(Networks);
        foreach (var (key, value) in Environment.Concat(environment))
        {
            copy.Environment[key] = value;
        }

        foreach (var (key, value) in DependsOn)
        {
            copy.DependsOn[key] = value;
        }

        return copy;
    }
}

public sealed record ComposeBuild(string Context, string Dockerfile);

public sealed record ComposeDependency(string Condition);

public sealed record ComposeHealthcheck(
    IReadOnlyList<string> Test,
    string Interval = "10s",
    string Timeout = "5s",
    int Retries = 6,
    string StartPeriod = "20s");

public sealed record ComposeNetwork(bool? Internal);

public sealed record ComposeVolume(string Driver = "local");

namespace Platform.Hosting.Infrastructure;

/// <summary>How Postgres and Redis are run: in containers, or from the host's own packages.</summary>
public enum InfrastructureMode
{
    Containers,
    Local,
}

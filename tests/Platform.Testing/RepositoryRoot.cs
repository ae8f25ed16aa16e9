namespace Platform.Testing;

public static class RepositoryRoot
{
    /// <summary>The checkout these tests were built from: the folder above them holding Platform.sln.</summary>
    public static string Path { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string directory) =>
        File.Exists(System.IO.Path.Combine(directory, "Platform.sln")) ? directory
        : Directory.GetParent(directory) is { } parent ? Find(parent.FullName)
        : throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
}

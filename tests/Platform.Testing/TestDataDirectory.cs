namespace Platform.Testing;

/// <summary>
/// A fresh folder for one test run's Postgres and Redis data, removed afterwards. It sits in
/// /tmp rather than under the test's output so the postgres OS user can reach it.
/// </summary>
public sealed class TestDataDirectory : IDisposable
{
    private TestDataDirectory(string path) => Path = path;

    public string Path { get; }

    public static TestDataDirectory Create(string purpose)
    {
        var path = System.IO.Path.Combine("/tmp", $"platform-test-{purpose}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return new TestDataDirectory(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server still shutting down may hold a file; /tmp is cleaned eventually.
        }
    }
}

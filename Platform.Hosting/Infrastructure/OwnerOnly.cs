namespace Platform.Hosting.Infrastructure;

/// <summary>Restricts files that hold secrets or database data to their owner.</summary>
internal static class OwnerOnly
{
    public static void RestrictFile(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Creates the directory if needed and makes it owner-only.</summary>
    public static void CreateDirectory(string path)
    {
        Directory.CreateDirectory(path);
        RestrictDirectory(path);
    }

    private static void RestrictDirectory(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}

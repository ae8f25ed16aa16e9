using System.Security.Cryptography;
using System.Text;
using Platform.Hosting.Infrastructure;

namespace Platform.Hosting.LocalPostgres;

/// <summary>
/// A Postgres data directory on this host: created with <c>initdb</c> on first use, with
/// password authentication for TCP, and with its superuser password kept equal to the
/// AppHost's secret parameter across runs.
/// </summary>
internal sealed class PostgresCluster(string binDirectory, string dataDirectory)
{
    // Postgres will not run as root; as root we run it as the postgres OS user instead.
    private const string ServiceUser = "postgres";
    private const string PasswordStampFile = "platform-password.stamp";

    public string DataDirectory { get; } = dataDirectory;

    public string ServerPath => Path.Combine(binDirectory, "postgres");

    /// <summary>The command and arguments that run <paramref name="program"/> from the Postgres bin folder as the right OS user.</summary>
    public (string Command, IReadOnlyList<string> Arguments) CommandFor(string program, params string[] arguments)
    {
        var path = Path.Combine(binDirectory, program);
        return HostCommand.IsRoot
            ? ("setpriv", [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--", path, .. arguments])
            : (path, arguments);
    }

    public async Task PrepareAsync(string password, CancellationToken cancellationToken)
    {
        await EnsureDirectoryAsync(cancellationToken);
        await StopOrphanedServerAsync(cancellationToken);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(password, cancellationToken);
            await WritePasswordStampAsync(password, cancellationToken);
        }
        else if (!PasswordStampMatches(password))
        {
            await ResetPasswordAsync(password, cancellationToken);
            await WritePasswordStampAsync(password, cancellationToken);
        }
    }

    private async Task EnsureDirectoryAsync(CancellationToken cancellationToken)
    {
        OwnerOnly.CreateDirectory(DataDirectory);
        if (HostCommand.IsRoot)
        {
            await HostCommand.RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", DataDirectory], cancellationToken);
        }
    }

    // A server left behind by a killed AppHost holds the data directory; stop it cleanly
    // rather than fail to start, or worse, start a second one.
    private async Task StopOrphanedServerAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || !IsRunning(pid))
        {
            return;
        }

        var (command, arguments) = CommandFor("pg_ctl", "stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60");
        await HostCommand.RunAsync(command, arguments, cancellationToken);
    }

    private async Task InitializeAsync(string password, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(Path.GetDirectoryName(DataDirectory)!, $".pwfile-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            OwnerOnly.RestrictFile(passwordFile);
            if (HostCommand.IsRoot)
            {
                await HostCommand.RunAsync("chown", [ServiceUser, passwordFile], cancellationToken);
            }

            var (command, arguments) = CommandFor("initdb",
                "-D", DataDirectory, "-U", "postgres", "--pwfile", passwordFile,
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                "--encoding=UTF8", "--locale=C.UTF-8");
            await HostCommand.RunAsync(command, arguments, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    // Single-user mode needs no connection and so no password: it works whatever the old one was.
    private async Task ResetPasswordAsync(string password, CancellationToken cancellationToken)
    {
        var (command, arguments) = CommandFor("postgres", "--single", "-D", DataDirectory, "-c", "unix_socket_directories=", "postgres");
        var escaped = password.Replace("'", "''", StringComparison.Ordinal);
        await HostCommand.RunAsync(command, arguments, cancellationToken, $"ALTER ROLE postgres PASSWORD '{escaped}';\n");
    }

    private bool PasswordStampMatches(string password)
    {
        var stampPath = Path.Combine(DataDirectory, PasswordStampFile);
        if (!File.Exists(stampPath) || File.ReadAllText(stampPath).Split(':') is not [var saltHex, var hashHex])
        {
            return false;
        }

        var expected = Stamp(Convert.FromHexString(saltHex), password);
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hashHex), expected);
    }

    private async Task WritePasswordStampAsync(string password, CancellationToken cancellationToken)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var stampPath = Path.Combine(DataDirectory, PasswordStampFile);
        await File.WriteAllTextAsync(stampPath, $"{Convert.ToHexString(salt)}:{Convert.ToHexString(Stamp(salt, password))}", cancellationToken);
        OwnerOnly.RestrictFile(stampPath);
    }

    private static byte[] Stamp(byte[] salt, string password) =>
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(password));

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

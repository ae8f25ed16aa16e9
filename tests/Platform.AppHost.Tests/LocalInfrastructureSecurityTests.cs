using System.Net.Sockets;
using System.Text;
using Aspire.Hosting.Testing;
using Npgsql;
using Platform.Testing;

namespace Platform.AppHost.Tests;

/// <summary>Local mode is not a toy: passwords are required and never exposed.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class LocalInfrastructureSecurityTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task Postgres_refuses_a_wrong_password()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await platform.App.ConnectionStringAsync("platformdb"))
        {
            Password = "not-the-password",
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task Redis_refuses_a_client_without_the_password()
    {
        var endpoint = platform.App.GetEndpoint("redis", "tcp");
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = client.GetStream();

        // Plain RESP, so the server's own answer is seen rather than a client library's timeout.
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);

        Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task Passwords_never_appear_on_a_process_command_line()
    {
        await platform.App.ConnectionStringAsync("redis");

        var leaks = Directory.EnumerateDirectories("/proc")
            .Where(directory => int.TryParse(Path.GetFileName(directory), out _))
            .Select(directory => (Directory: directory, CommandLine: ReadCommandLine(directory)))
            .Where(process => process.CommandLine.Contains(platform.PostgresPassword, StringComparison.Ordinal)
                || process.CommandLine.Contains(platform.RedisPassword, StringComparison.Ordinal))
            .ToList();

        Assert.Empty(leaks);
    }

    private static string ReadCommandLine(string processDirectory)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(processDirectory, "cmdline"))).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}

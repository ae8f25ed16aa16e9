using System.Text;

namespace Platform.Deployment.Tests;

/// <summary>The generated secrets of <c>.env</c> stay in the running containers' environment and nowhere else.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class SecretTests(DeploymentFixture deployment)
{
    [Theory]
    [InlineData("migrations")]
    [InlineData("api")]
    [InlineData("bot")]
    [InlineData("frontend")]
    public async Task No_secret_is_in_an_image_layer_or_its_inspection(string service)
    {
        var image = $"{deployment.Compose.Name}_{service}";
        var archive = Path.Combine(Path.GetTempPath(), $"{image}-{Guid.NewGuid():N}.tar");
        try
        {
            var inspection = (await Podman.RunAsync("image", "inspect", image)).EnsureSuccess().Output;
            var history = (await Podman.RunAsync("history", "--no-trunc", image)).EnsureSuccess().Output;
            (
                await Tool.RunAsync(
                    "podman",
                    ["save", "--format", "docker-archive", "--output", archive, image],
                    timeout: TimeSpan.FromMinutes(5))).EnsureSuccess();

            Assert.All(deployment.Secrets, secret => Assert.DoesNotContain(secret.Value, inspection + history));
            Assert.Empty(await FindAsync(archive, deployment.Secrets));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task No_secret_is_in_a_log_line()
    {
        var logs = (await deployment.Compose.RunAsync("logs", "--no-color")).EnsureSuccess();

        Assert.All(deployment.Secrets, secret => Assert.DoesNotContain(secret.Value, logs.Output + logs.Error));
    }

    /// <summary>The names of the secrets whose bytes occur anywhere in the file (layers are uncompressed tars).</summary>
    private static async Task<IReadOnlyList<string>> FindAsync(string path, IReadOnlyDictionary<string, string> secrets)
    {
        var needles = secrets.ToDictionary(s => s.Key, s => Encoding.UTF8.GetBytes(s.Value));
        var longest = needles.Values.Max(n => n.Length);
        var found = new HashSet<string>();
        var buffer = new byte[(1 << 20) + longest];
        await using var file = File.OpenRead(path);
        var carried = 0;
        int read;
        while ((read = await file.ReadAsync(buffer.AsMemory(carried, buffer.Length - carried))) > 0)
        {
            var window = buffer.AsSpan(0, carried + read);
            foreach (var (name, needle) in needles)
            {
                if (window.IndexOf(needle) >= 0)
                {
                    found.Add(name);
                }
            }

            // Keep the tail, so a secret split across two reads is still seen.
            carried = Math.Min(longest - 1, window.Length);
            window[^carried..].CopyTo(buffer);
        }

        return [.. found];
    }
}

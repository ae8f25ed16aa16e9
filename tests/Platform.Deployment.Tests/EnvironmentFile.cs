using System.Security.Cryptography;

namespace Platform.Deployment.Tests;

/// <summary>
/// <c>.env</c> as an operator writes it from a bundle's <c>.env.example</c>: the values they already have
/// (their choices, or the previous <c>.env</c> on an upgrade), and a generated value for every other secret it marks.
/// </summary>
public sealed record EnvironmentFile(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Secrets)
{
    public static async Task<EnvironmentFile> WriteAsync(string directory, IReadOnlyDictionary<string, string> known)
    {
        var example = await File.ReadAllLinesAsync(Path.Combine(directory, ".env.example"));
        var values = new Dictionary<string, string>();
        var secrets = new Dictionary<string, string>();
        var lines = example.Select((line, index) =>
        {
            if (line.StartsWith('#') || line.Split('=', 2) is not [var key, var value])
            {
                return line;
            }

            var secret = index > 0 && example[index - 1].Contains("(secret)", StringComparison.Ordinal);
            value = known.GetValueOrDefault(key) ?? (secret && value.Length == 0 ? Generated() : value);
            values[key] = value;
            if (secret)
            {
                secrets[key] = value;
            }

            return $"{key}={value}";
        }).ToList();
        await File.WriteAllLinesAsync(Path.Combine(directory, ".env"), lines);
        return new(values, secrets);
    }

    private static string Generated() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
}

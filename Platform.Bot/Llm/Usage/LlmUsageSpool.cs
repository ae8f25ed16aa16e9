using System.Text.Json;
using Platform.Bot.Telemetry;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Usage records Postgres could not take, kept on disk until it can: one file per batch, written to a
/// temporary name, flushed to the disk and then renamed, so a file that exists is whole. Replaying is
/// safe from any number of processes at once, since the writer counts a record only once. Records
/// Postgres refuses for what they hold are set aside in <c>dead-letter/</c>, which is never replayed.
/// </summary>
public sealed class LlmUsageSpool(LlmSettings settings)
{
    private const string Extension = ".json";
    private long sequence;

    private string DeadLetters => Path.Combine(settings.SpoolDirectory, "dead-letter");

    public bool IsEmpty => !Directory.Exists(settings.SpoolDirectory) || !Directory.EnumerateFiles(settings.SpoolDirectory, "*" + Extension).Any();

    public Task AppendAsync(IReadOnlyCollection<LlmUsage> batch, CancellationToken cancellationToken) =>
        WriteAsync(settings.SpoolDirectory, batch, cancellationToken);

    /// <summary>Keeps records Postgres refuses, for an operator to read; they are not offered again.</summary>
    public Task SetAsideAsync(IReadOnlyCollection<LlmUsage> batch, CancellationToken cancellationToken) =>
        WriteAsync(DeadLetters, batch, cancellationToken);

    /// <summary>The spooled batches, oldest first.</summary>
    public IEnumerable<string> Files() =>
        Directory.Exists(settings.SpoolDirectory)
            ? Directory.EnumerateFiles(settings.SpoolDirectory, "*" + Extension).Order(StringComparer.Ordinal)
            : [];

    /// <summary>
    /// The batch in a spooled file, or null when another process replayed and removed it first, or when
    /// the file cannot be read (it is then set aside whole).
    /// </summary>
    public async Task<IReadOnlyCollection<LlmUsage>?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(file, LlmUsageJson.Default.IReadOnlyCollectionLlmUsage, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            Directory.CreateDirectory(DeadLetters);
            File.Move(path, Path.Combine(DeadLetters, Path.GetFileName(path)), overwrite: true);
            BotTelemetry.LlmUsageDeadLettered.Add(1);
            return null;
        }
    }

    public static void Remove(string path) => File.Delete(path);

    private async Task WriteAsync(string directory, IReadOnlyCollection<LlmUsage> batch, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Environment.ProcessId}-{Interlocked.Increment(ref sequence):D8}";
        var temporary = Path.Combine(directory, name + ".tmp");
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            await JsonSerializer.SerializeAsync(file, batch, LlmUsageJson.Default.IReadOnlyCollectionLlmUsage, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(directory, name + Extension));
    }
}

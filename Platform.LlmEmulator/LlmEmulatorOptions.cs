namespace Platform.LlmEmulator;

/// <summary>The <c>LlmEmulator</c> configuration section.</summary>
public sealed class LlmEmulatorOptions
{
    public const string Section = "LlmEmulator";

    /// <summary>The only API key accepted; anything else gets 401, as from OpenAI.</summary>
    public string ApiKey { get; set; } = "emulator-llm-key";

    /// <summary>Pause between streamed chunks, so that time to first token and streaming edits can be seen.</summary>
    public int ChunkDelayMs { get; set; } = 5;

    /// <summary>The dated snapshot a model alias answers as, the way OpenAI reports the model it used.</summary>
    public Dictionary<string, string> Snapshots { get; set; } = new()
    {
        ["gpt-4o-mini"] = "gpt-4o-mini-2024-07-18",
        ["gpt-4o"] = "gpt-4o-2024-08-06",
        ["gpt-4.1-mini"] = "gpt-4.1-mini-2025-04-14",
        ["o4-mini"] = "o4-mini-2025-04-16",
    };
}

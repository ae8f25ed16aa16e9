using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Platform.LlmEmulator.Chat;

/// <summary>Prompts seen before, so that a repeated long prompt reports cached input tokens as OpenAI's prompt caching does.</summary>
public sealed class PromptCache
{
    private readonly ConcurrentDictionary<string, byte> seen = new();

    /// <summary>True when this prompt was sent before; either way it is remembered from now on.</summary>
    public bool SeenBefore(string prompt) => !seen.TryAdd(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(prompt))), 0);
}

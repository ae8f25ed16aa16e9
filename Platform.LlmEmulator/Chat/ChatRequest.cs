using System.Text.Json;

namespace Platform.LlmEmulator.Chat;

/// <summary>The part of OpenAI's chat completions request the emulator reads.</summary>
public sealed record ChatRequest(string? Model, IReadOnlyList<ChatMessage>? Messages)
{
    public bool Stream { get; init; }
    public StreamOptions? StreamOptions { get; init; }
    public int? MaxTokens { get; init; }
    public int? MaxCompletionTokens { get; init; }
}

/// <summary>A message; its content is a string or a list of parts, of which the text parts count.</summary>
public sealed record ChatMessage(string Role, JsonElement? Content)
{
    public string Text => Content switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray()
            .Where(p => p.TryGetProperty("type", out var type) && type.GetString() == "text")
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}

public sealed record StreamOptions(bool IncludeUsage);

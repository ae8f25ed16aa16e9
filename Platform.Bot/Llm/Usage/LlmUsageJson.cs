using System.Text.Json.Serialization;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

[JsonSerializable(typeof(IReadOnlyCollection<LlmUsage>))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class LlmUsageJson : JsonSerializerContext;

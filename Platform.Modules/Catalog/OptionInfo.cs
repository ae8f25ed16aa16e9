using System.Reflection;
using System.Text.Json;
using Platform.Discord.Interactions;
using Platform.Discord.Models;
using Platform.Modules.Attributes;

namespace Platform.Modules.Catalog;

/// <summary>A command parameter as a Discord option: its type, limits, choices and autocomplete.</summary>
internal sealed class OptionInfo
{
    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly Dictionary<Type, ApplicationCommandOptionType> OptionTypes = new()
    {
        [typeof(string)] = ApplicationCommandOptionType.String,
        [typeof(long)] = ApplicationCommandOptionType.Integer,
        [typeof(int)] = ApplicationCommandOptionType.Integer,
        [typeof(double)] = ApplicationCommandOptionType.Number,
        [typeof(bool)] = ApplicationCommandOptionType.Boolean,
        [typeof(User)] = ApplicationCommandOptionType.User,
        [typeof(GuildMember)] = ApplicationCommandOptionType.User,
        [typeof(Channel)] = ApplicationCommandOptionType.Channel,
        [typeof(Role)] = ApplicationCommandOptionType.Role,
    };

    public OptionInfo(ParameterInfo parameter)
    {
        var attribute = parameter.GetCustomAttribute<OptionAttribute>();
        Parameter = parameter;
        ValueType = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        Name = attribute?.Name ?? parameter.Name!;
        Description = attribute?.Description
            ?? throw new ModuleDefinitionException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType!.Name}.{parameter.Member.Name} " +
                $"needs an [Option(name, description)].");
        Type = OptionTypes.TryGetValue(ValueType, out var type)
            ? type
            : throw new ModuleDefinitionException(
                $"Parameter '{parameter.Name}' of {parameter.Member.Name} is a {ValueType.Name}; options can be " +
                $"string, long, int, double, bool, User, GuildMember, Channel or Role.");
        Required = !parameter.HasDefaultValue && Nullability.Create(parameter).ReadState != NullabilityState.Nullable;
        Autocomplete = parameter.GetCustomAttribute<AutocompleteAttribute>()?.MethodName;
        Definition = new ApplicationCommandOption(Type, Name, Description)
        {
            Required = Required ? true : null,
            Choices = parameter
                .GetCustomAttributes<ChoiceAttribute>()
                .Select(c => new ApplicationCommandOptionChoice(c.Name, JsonSerializer.SerializeToElement(c.Value)))
                .ToList()
                is { Count: > 0 } choices
                ? choices
                : null,
            MinValue = attribute is { MinValue: var min } && !double.IsNaN(min) ? min : null,
            MaxValue = attribute is { MaxValue: var max } && !double.IsNaN(max) ? max : null,
            MinLength = attribute is { MinLength: > 0 and var minLength } ? minLength : null,
            MaxLength = attribute is { MaxLength: > 0 and var maxLength } ? maxLength : null,
            Autocomplete = Autocomplete is null ? null : true,
        };
    }

    public ParameterInfo Parameter { get; }

    public Type ValueType { get; }

    public string Name { get; }

    public string Description { get; }

    public ApplicationCommandOptionType Type { get; }

    public bool Required { get; }

    /// <summary>The module method that suggests values, if any.</summary>
    public string? Autocomplete { get; }

    public ApplicationCommandOption Definition { get; }

    public static bool IsOption(ParameterInfo parameter) => parameter.ParameterType != typeof(CancellationToken);
}

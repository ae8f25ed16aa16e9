using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Data;

/// <summary>Stores an enum as its snake_case name (BudgetBlocked → budget_blocked), as SQL readers expect.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => NameOf(value),
    value => Enum.Parse<TEnum>(value.Replace("_", ""), true))
    where TEnum : struct, Enum
{
    /// <summary>The name stored for <paramref name="value"/>, for writers that go around EF (COPY).</summary>
    public static string NameOf(TEnum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Data;

/// <summary>Stores an enum as its snake_case name (BudgetBlocked → budget_blocked), as SQL readers expect.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()),
    value => Enum.Parse<TEnum>(value.Replace("_", ""), true))
    where TEnum : struct, Enum;

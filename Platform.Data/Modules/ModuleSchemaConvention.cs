using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Platform.Data.Modules;

/// <summary>
/// Puts every entity declared under <c>Platform.Data.Modules.&lt;Name&gt;</c> into the Postgres schema
/// named after its module (<c>Modules.AutoMod</c> → <c>auto_mod</c>), so modules can never collide
/// with core tables or with each other.
/// </summary>
public sealed class ModuleSchemaConvention : IModelFinalizingConvention
{
    private static readonly string ModulesNamespace = typeof(ModuleSchemaConvention).Namespace + ".";

    public static string? SchemaFor(Type entityType)
    {
        var ns = entityType.Namespace;
        if (ns is null || !ns.StartsWith(ModulesNamespace, StringComparison.Ordinal))
        {
            return null;
        }

        var module = ns[ModulesNamespace.Length..].Split('.')[0];
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(module);
    }

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entityType.IsOwned() || SchemaFor(entityType.ClrType) is not { } schema)
            {
                continue;
            }

            var declared = entityType.GetSchema();
            if (declared is not null && declared != schema)
            {
                throw new InvalidOperationException(
                    $"{entityType.ClrType.FullName} is a module entity and must live in schema '{schema}', not '{declared}'. " +
                    "Remove the schema from its ToTable call; the module's schema is applied for you.");
            }

            // ToTable("name") records a null schema as explicit configuration, which outranks any
            // convention, so the module schema is set with the same standing.
            ((IMutableEntityType)entityType).SetSchema(schema);
        }
    }
}

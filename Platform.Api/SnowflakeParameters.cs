using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api;

/// <summary>
/// Describes 64-bit ids in routes as strings of digits in the OpenAPI document, as the api writes them
/// in bodies: a guild id is past what a JavaScript number holds exactly, so a client generated from
/// "integer" would corrupt it.
/// </summary>
public sealed class SnowflakeParameters : IOpenApiOperationTransformer
{
    private static readonly string[] Names = [Access.GuildAccessFilter.RouteParameter, "grantId"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => Names.Contains(p.Name)))
        {
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{1,19}$" };
        }

        return Task.CompletedTask;
    }
}

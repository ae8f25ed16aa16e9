using Microsoft.Extensions.Options;

namespace Platform.DiscordEmulator.Rest;

/// <summary>Checks <c>Authorization: Bot &lt;token&gt;</c> and answers 401 the way Discord does.</summary>
public sealed class BotAuthorization(IOptions<EmulatorOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        return header == $"Bot {options.Value.BotToken}"
            ? await next(context)
            : DiscordErrors.Unauthorized();
    }
}

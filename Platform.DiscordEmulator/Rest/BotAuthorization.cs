using Microsoft.Extensions.Options;

namespace Platform.DiscordEmulator.Rest;

/// <summary>Checks <c>Authorization: Bot &lt;token&gt;</c> and answers 401 the way Discord does, counting it as an invalid request.</summary>
public sealed class BotAuthorization(IOptions<EmulatorOptions> options, RestRateLimits limits) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.Headers.Authorization == $"Bot {options.Value.BotToken}")
        {
            return await next(context);
        }

        limits.RecordInvalid();
        return DiscordErrors.Unauthorized();
    }
}

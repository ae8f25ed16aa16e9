if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformDatabase();
builder.AddRedisClient("redis");
builder.AddDiscordGateway();
builder.AddBotLlm();
builder.AddBotModules();

var app = builder.Build();

app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

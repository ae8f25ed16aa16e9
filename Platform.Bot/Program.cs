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
builder.AddModules(typeof(Program).Assembly);
builder.AddBotWorker();

var app = builder.Build();

app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

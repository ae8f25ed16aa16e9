var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformDatabase();
builder.AddRedisClient("redis");
builder.AddDiscordGateway();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

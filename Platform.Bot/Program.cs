// The bot's host: database and Redis wired and health-checked. Its Discord connection and
// modules arrive with Platform.Discord; until then it connects to nothing and sends nothing.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformDatabase();
builder.AddRedisClient("redis");

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

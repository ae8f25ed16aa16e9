using Platform.Api.Status;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformDatabase();
builder.AddRedisClient("redis");
builder.AddApiDefaults();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapPlatformStatusApi();

app.Run();
